import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { previewResponse, readJson } from "~/preview/api.server";
import { authenticate } from "~/shopify.server";

/**
 * POST `{ orderIds: string[] }` (1 to 250 Shopify order ids) → the batch preview as JSON. Called by the admin
 * extension with its bearer session token (`authenticate.admin` also answers the CORS preflight).
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session, cors } = await authenticate.admin(request);
  if (request.method !== "POST") return cors(Response.json({ error: "method-not-allowed" }, { status: 405 }));
  return cors(await previewResponse(admin, session.shop, await readJson(request)));
};

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { cors } = await authenticate.admin(request);
  return cors(Response.json({ error: "method-not-allowed" }, { status: 405, headers: { Allow: "POST" } }));
};
