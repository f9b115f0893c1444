import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { batchStatusUrl, createBatchBodySchema } from "~/franking/api-schemas";
import { startBatch } from "~/franking/start-batch.server";
import { authenticate } from "~/shopify.server";

/**
 * POST /api/batches `{orderIds, startPosition?, labelFormat?}`: fixes products and prices, claims the
 * orders and queues the batch; the purchase runs in the background. Answers at once
 * `202 {batchId, statusUrl}`. Works for the embedded app and (bearer session token) the admin extensions.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session, cors } = await authenticate.admin(request);
  if (request.method !== "POST") return cors(Response.json({ error: "method_not_allowed" }, { status: 405 }));
  const body = createBatchBodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) {
    const issues = body.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return cors(Response.json({ error: "invalid_request", issues }, { status: 400 }));
  }
  const started = await startBatch(admin, session.shop, body.data);
  if (!started.ok) return cors(Response.json({ error: started.problem }, { status: 409 }));
  return cors(
    Response.json({ batchId: started.batchId, statusUrl: batchStatusUrl(started.batchId) }, { status: 202 }),
  );
};

/**
 * Remix sends OPTIONS to the loader: the admin extension's CORS preflight before its cross-origin POST.
 * `authenticate.admin` answers it (204 with the CORS headers); a GET gets 405.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { cors } = await authenticate.admin(request);
  return cors(Response.json({ error: "method_not_allowed" }, { status: 405, headers: { Allow: "POST" } }));
};
