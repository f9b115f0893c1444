import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { config } from "~/config.server";
import { orderIdsQuerySchema } from "~/franking/api-schemas";
import { labelLinkSigner } from "~/franking/label-links.server";
import { ordersFranking } from "~/franking/status.server";
import { db } from "~/db.server";
import { authenticate } from "~/shopify.server";
import { shopFor } from "~/shops.server";

/**
 * GET /api/orders/franking?ids=<gid>,<gid>: per order its franking status, product, vouchers, tracking,
 * batch and signed label link, plus one signed link to all their printable labels.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, cors } = await authenticate.admin(request);
  const ids = orderIdsQuerySchema.safeParse(new URL(request.url).searchParams.get("ids") ?? "");
  if (!ids.success) return cors(Response.json({ error: "invalid_request" }, { status: 400 }));
  const shop = await shopFor(db(), session.shop);
  const { SHOPIFY_API_SECRET, SHOPIFY_APP_URL } = config();
  const sign = labelLinkSigner({
    shop: session.shop,
    apiSecret: SHOPIFY_API_SECRET,
    appUrl: SHOPIFY_APP_URL,
    now: new Date(),
  });
  return cors(Response.json(await ordersFranking(db(), shop.id, ids.data, sign)));
};

/** Answers the admin extensions' CORS preflight (authenticate.admin does); other methods are refused. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { cors } = await authenticate.admin(request);
  return cors(Response.json({ error: "method_not_allowed" }, { status: 405 }));
};
