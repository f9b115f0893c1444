import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { batchStatusUrl, createBatchBodySchema } from "~/franking/api-schemas";
import { IDEMPOTENCY_KEY, onceper } from "~/franking/idempotency.server";
import { startBatch } from "~/franking/start-batch.server";
import { readJsonBody } from "~/server/body-limit";
import { TERMS_PAGE_PATH } from "~/terms/internetmarke-terms";
import { authenticate } from "~/shopify.server";
import { extensionPreflight } from "~/shopify/extension-preflight.server";
import { shopFor } from "~/shops.server";

/**
 * POST /api/batches `{orderIds, startPosition?, labelFormat?, expectedTotalCents?}`: fixes products and
 * prices (409 `prices_changed` when they add up to another total than the merchant saw), claims the
 * orders and queues the batch; the purchase runs in the background. Answers at once
 * `202 {batchId, statusUrl}`. Works for the embedded app and (bearer session token) the admin extensions.
 * With an `Idempotency-Key` header (the extension sends one per click), a repeat of the same key by the
 * same shop gets the first answer again (header `Idempotent-Replayed: true`) instead of a second batch.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session, cors } = await authenticate.admin(request);
  if (request.method !== "POST") return cors(Response.json({ error: "method_not_allowed" }, { status: 405 }));
  const key = request.headers.get("Idempotency-Key");
  if (key !== null && !IDEMPOTENCY_KEY.test(key))
    return cors(Response.json({ error: "invalid_idempotency_key" }, { status: 400 }));
  const read = await readJsonBody(request);
  if (read.tooLarge) return cors(read.tooLarge);
  const body = createBatchBodySchema.safeParse(read.json);
  if (!body.success) {
    const issues = body.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return cors(Response.json({ error: "invalid_request", issues }, { status: 400 }));
  }
  const create = async () => {
    const started = await startBatch(admin, session.shop, body.data);
    // The terms refusal names where to accept them, so the admin extension can link there.
    if (!started.ok) {
      const extra =
        started.problem === "terms_not_accepted"
          ? { acceptUrl: TERMS_PAGE_PATH }
          : // What the merchant saw and what the orders cost now; nothing was bought.
            (started.priceDifference ?? {});
      return { status: 409, body: { error: started.problem, ...extra } };
    }
    return { status: 202, body: { batchId: started.batchId, statusUrl: batchStatusUrl(started.batchId) } };
  };
  const answer =
    key === null
      ? { ...(await create()), replayed: false }
      : await onceper(db(), (await shopFor(db(), session.shop)).id, key, create);
  const headers = answer.replayed ? { "Idempotent-Replayed": "true" } : undefined;
  return cors(Response.json(answer.body, { status: answer.status, headers }));
};

/**
 * Remix sends OPTIONS to the loader: the admin extension's CORS preflight before its cross-origin POST,
 * answered here because the POST carries `Idempotency-Key` (extension-preflight.server.ts); a GET gets 405.
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const preflight = extensionPreflight(request, ["Idempotency-Key"]);
  if (preflight) return preflight;
  const { cors } = await authenticate.admin(request);
  return cors(Response.json({ error: "method_not_allowed" }, { status: 405, headers: { Allow: "POST" } }));
};
