import type { Db } from "~/db.server";
import { isUniqueViolation } from "~/db/errors";

/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Runs `work` in one transaction. A unique-key collision (another request wrote the same refund or sync
 * row at the same moment) rolls it back and runs it again; the second run sees the other's rows.
 */
export async function transactionWithRetry<T>(db: Db, work: (tx: Tx) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, { timeout: 20_000, maxWait: 10_000 });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= attempts) throw error;
    }
  }
}

/**
 * The refund state of these orders changed: their Shopify metafield and tag are written again. One
 * RefundSync row per order; a change bumps its version, so a write-back of an older state never counts.
 */
export async function markOrdersChanged(tx: Tx, shopId: string, orderIds: readonly string[], now: Date): Promise<void> {
  for (const orderId of new Set(orderIds)) {
    const bumped = await tx.refundSync.updateMany({
      where: { shopId, orderId },
      data: { version: { increment: 1 }, dirty: true, attempts: 0, nextAttemptAt: now, lastError: null },
    });
    if (bumped.count === 0) await tx.refundSync.create({ data: { shopId, orderId, nextAttemptAt: now, createdAt: now } });
  }
}
