/**
 * The reprint guard: printing labels again is allowed (printers jam), but every download of a label file
 * is recorded, and a stamp printed before counts as a reprint. The pages remind the merchant before each
 * reprint that a stamp may be posted only once (components/ReprintGuard.tsx); a reprint link the merchant
 * confirmed carries `reprint=confirmed`, recorded as `acknowledged`.
 */
import type { Db } from "~/db.server";

export const REPRINT_CONFIRMED = "confirmed";

export interface RecordedPrint {
  reprint: boolean;
  /** Reprints of this batch (or of these orders' batches) so far, this one included. */
  reprints: number;
}

async function shopId(db: Db, shopDomain: string): Promise<string | null> {
  return (await db.shop.findUnique({ where: { domain: shopDomain }, select: { id: true } }))?.id ?? null;
}

/** The whole batch file was downloaded: a print, or a reprint when anything of the batch was printed before. */
export async function recordBatchPrint(
  db: Db,
  input: { shopDomain: string; batchId: string; acknowledged: boolean; now?: Date },
): Promise<RecordedPrint | null> {
  const id = await shopId(db, input.shopDomain);
  if (!id) return null;
  const before = await db.labelPrint.count({ where: { shopId: id, batchId: input.batchId } });
  const reprint = before > 0;
  await db.labelPrint.create({
    data: {
      shopId: id,
      batchId: input.batchId,
      orderId: null,
      reprint,
      acknowledged: reprint && input.acknowledged,
      printedAt: input.now ?? new Date(),
    },
  });
  return {
    reprint,
    reprints: await db.labelPrint.count({ where: { shopId: id, batchId: input.batchId, reprint: true } }),
  };
}

/**
 * Some orders' label pages were downloaded: one record per order, a reprint when its batch file or the
 * order's labels were printed before. Orders without a stamp are not recorded.
 */
export async function recordOrderPrints(
  db: Db,
  input: { shopDomain: string; orderIds: readonly string[]; acknowledged: boolean; now?: Date },
): Promise<RecordedPrint | null> {
  const id = await shopId(db, input.shopDomain);
  if (!id || input.orderIds.length === 0) return null;
  const franked = await db.voucher.findMany({
    where: { shopId: id, orderId: { in: [...input.orderIds] } },
    select: { orderId: true, batchId: true },
  });
  let reprint = false;
  for (const { orderId, batchId } of franked) {
    const before = await db.labelPrint.count({
      where: { shopId: id, batchId, OR: [{ orderId: null }, { orderId }] },
    });
    reprint ||= before > 0;
    await db.labelPrint.create({
      data: {
        shopId: id,
        batchId,
        orderId,
        reprint: before > 0,
        acknowledged: before > 0 && input.acknowledged,
        printedAt: input.now ?? new Date(),
      },
    });
  }
  const batchIds = [...new Set(franked.map((f) => f.batchId))];
  return {
    reprint,
    reprints: await db.labelPrint.count({ where: { shopId: id, batchId: { in: batchIds }, reprint: true } }),
  };
}

export interface PrintHistory {
  /** The batch file (or any order of it) was printed before. */
  batchPrinted: boolean;
  reprints: number;
  /** Orders whose labels were printed (alone or with the batch file). */
  printedOrders: string[];
}

export async function printHistory(db: Db, shopDomain: string, batchId: string): Promise<PrintHistory> {
  const prints = await db.labelPrint.findMany({
    where: { shop: { domain: shopDomain }, batchId },
    select: { orderId: true, reprint: true },
  });
  return {
    batchPrinted: prints.length > 0,
    reprints: prints.filter((p) => p.reprint).length,
    printedOrders: [...new Set(prints.flatMap((p) => (p.orderId ? [p.orderId] : [])))],
  };
}
