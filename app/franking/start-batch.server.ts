import { config } from "~/config.server";
import { db } from "~/db.server";
import { internetmarke } from "~/internetmarke.server";
import type { AdminGraphql } from "~/shopify/graphql.server";
import { shopFor } from "~/shops.server";
import type { CreateBatchBody } from "./api-schemas";
import { type ConfirmProblem, confirmOrders, type PriceDifference } from "./confirm.server";
import { createBatch } from "./create-batch.server";
import { kickFrankingWorkers } from "./worker.server";

/**
 * Confirms the chosen orders (products and prices fixed now), claims them and queues the batch for
 * the worker. Shared by the API route (admin extensions), the in-app preview page and automatic franking
 * (app/automation), so a guard added here holds for all three.
 */
export async function startBatch(
  admin: AdminGraphql,
  shopDomain: string,
  body: CreateBatchBody,
  now: Date = new Date(),
): Promise<
  { ok: true; batchId: string } | { ok: false; problem: ConfirmProblem; priceDifference?: PriceDifference }
> {
  const shop = await shopFor(db(), shopDomain);
  const confirmed = await confirmOrders(
    { admin, db: db(), im: internetmarke(), encryptionKey: config().ENCRYPTION_KEY, now },
    { shopId: shop.id, ...body },
  );
  if (!confirmed.ok) return confirmed;
  const created = await createBatch(db(), {
    shopId: shop.id,
    orders: confirmed.orders,
    leftOut: confirmed.leftOut,
    options: confirmed.options,
    now,
  });
  kickFrankingWorkers();
  return { ok: true, batchId: created.batchId };
}
