import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { config } from "~/config.server";
import { labelLinkSigner } from "~/franking/label-links.server";
import { batchView } from "~/franking/status.server";
import { db } from "~/db.server";
import { authenticate } from "~/shopify.server";
import { shopFor } from "~/shops.server";

/**
 * GET /api/batches/:id: the batch's progress with signed label links (shape in app/franking/README.md);
 * 404 for another shop's.
 */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session, cors } = await authenticate.admin(request);
  const shop = await shopFor(db(), session.shop);
  const { SHOPIFY_API_SECRET, SHOPIFY_APP_URL } = config();
  const sign = labelLinkSigner({
    shop: session.shop,
    apiSecret: SHOPIFY_API_SECRET,
    appUrl: SHOPIFY_APP_URL,
    now: new Date(),
  });
  const view = params.id ? await batchView(db(), shop.id, params.id, sign) : null;
  if (!view) return cors(Response.json({ error: "not_found" }, { status: 404 }));
  return cors(Response.json(view));
};

/** Answers the admin extensions' CORS preflight (authenticate.admin does); other methods are refused. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { cors } = await authenticate.admin(request);
  return cors(Response.json({ error: "method_not_allowed" }, { status: 405 }));
};
