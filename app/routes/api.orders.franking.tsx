import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { orderIdsQuerySchema } from "~/franking/api-schemas";
import { ordersFranking } from "~/franking/status.server";
import { db } from "~/db.server";
import { authenticate } from "~/shopify.server";
import { shopFor } from "~/shops.server";

/** GET /api/orders/franking?ids=<gid>,<gid>: per order its franking status, product, vouchers, tracking, batch. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, cors } = await authenticate.admin(request);
  const ids = orderIdsQuerySchema.safeParse(new URL(request.url).searchParams.get("ids") ?? "");
  if (!ids.success) return cors(Response.json({ error: "invalid_request" }, { status: 400 }));
  const shop = await shopFor(db(), session.shop);
  return cors(Response.json({ orders: await ordersFranking(db(), shop.id, ids.data) }));
};

/** Answers the admin extensions' CORS preflight (authenticate.admin does); other methods are refused. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { cors } = await authenticate.admin(request);
  return cors(Response.json({ error: "method_not_allowed" }, { status: 405 }));
};
