import type { ActionFunctionArgs } from "@remix-run/node";
import { batchStatusUrl, createBatchBodySchema } from "~/franking/api-schemas";
import { createBatch } from "~/franking/create-batch.server";
import { confirmOrders } from "~/franking/confirm.server";
import { kickFrankingWorkers } from "~/franking/worker.server";
import { config } from "~/config.server";
import { db } from "~/db.server";
import { internetmarke } from "~/internetmarke.server";
import { authenticate } from "~/shopify.server";
import { shopFor } from "~/shops.server";

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
    return cors(Response.json({ error: "invalid_request", issues: body.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }, { status: 400 }));
  }
  const shop = await shopFor(db(), session.shop);
  const now = new Date();
  const confirmed = await confirmOrders(
    { admin, db: db(), im: internetmarke(), encryptionKey: config().ENCRYPTION_KEY, now },
    { shopId: shop.id, ...body.data },
  );
  if (!confirmed.ok) return cors(Response.json({ error: confirmed.problem }, { status: 409 }));
  const created = await createBatch(db(), { shopId: shop.id, orders: confirmed.orders, leftOut: confirmed.leftOut, options: confirmed.options, now });
  kickFrankingWorkers();
  return cors(Response.json({ batchId: created.batchId, statusUrl: batchStatusUrl(created.batchId) }, { status: 202 }));
};
