/**
 * "Never lost": the batch to announce on every page. A running batch is announced while it runs; a batch
 * that stopped (balance too low, failed, buying stopped) until the merchant has opened its page once.
 */
import type { Db } from "~/db.server";

export interface BatchNotice {
  id: string;
  status: string;
  createdAt: string;
  active: boolean;
}

const ACTIVE = ["QUEUED", "RUNNING"];
const STOPPED = ["INSUFFICIENT_FUNDS", "FAILED"];

export async function batchNotice(db: Db, shopDomain: string): Promise<BatchNotice | null> {
  const shop = { domain: shopDomain };
  const running = await db.frankingBatch.findFirst({
    where: { shop, status: { in: ACTIVE } },
    orderBy: { createdAt: "desc" },
  });
  const batch =
    running ??
    (await db.frankingBatch.findFirst({
      where: { shop, seenAt: null, OR: [{ status: { in: STOPPED } }, { stopReason: { not: null } }] },
      orderBy: { createdAt: "desc" },
    }));
  if (!batch) return null;
  return {
    id: batch.id,
    status: batch.status,
    createdAt: batch.createdAt.toISOString(),
    active: ACTIVE.includes(batch.status),
  };
}

/** The merchant opened the page of a finished batch: it is no longer announced. */
export async function markBatchSeen(db: Db, shopDomain: string, batchId: string, now: Date): Promise<void> {
  await db.frankingBatch.updateMany({
    where: { id: batchId, shop: { domain: shopDomain }, status: { notIn: ACTIVE }, seenAt: null },
    data: { seenAt: now },
  });
}
