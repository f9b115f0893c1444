/**
 * What the batches pages show: every batch of the shop with cost and counts, and one batch with its orders
 * (product, voucher, tracking number, status, errors). Read-only; dates as ISO strings for the page.
 */
import type { Db } from "~/db.server";

export const ACTIVE_STATUSES = new Set(["QUEUED", "RUNNING"]);

export interface OrderCounts {
  total: number;
  franked: number;
  failed: number;
  skipped: number;
  waiting: number;
}

export interface BatchSummary {
  id: string;
  createdAt: string;
  finishedAt: string | null;
  status: string;
  labelFormat: string;
  /** The planned cost when the batch was created. */
  plannedCents: number;
  /** What the bought stamps cost. */
  spentCents: number;
  counts: OrderCounts;
  stopReason: string | null;
  missingCents: number | null;
  error: string | null;
}

export function countOrders(statuses: readonly { status: string; count: number }[]): OrderCounts {
  const of = (...names: string[]) =>
    statuses.filter((s) => names.includes(s.status)).reduce((sum, s) => sum + s.count, 0);
  return {
    total: of("QUEUED", "BOUGHT", "FULFILLED", "FAILED", "SKIPPED"),
    franked: of("BOUGHT", "FULFILLED"),
    failed: of("FAILED"),
    skipped: of("SKIPPED"),
    waiting: of("QUEUED"),
  };
}

/** Share of the orders to buy that are finished (bought or failed), 0..100. */
export function progressPercent(counts: OrderCounts): number {
  const toDo = counts.total - counts.skipped;
  return toDo === 0 ? 100 : Math.round(((counts.franked + counts.failed) / toDo) * 100);
}

type BatchRow = Awaited<ReturnType<Db["frankingBatch"]["findMany"]>>[number];

function summary(batch: BatchRow, counts: OrderCounts, spentCents: number): BatchSummary {
  return {
    id: batch.id,
    createdAt: batch.createdAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
    status: batch.status,
    labelFormat: batch.labelFormat,
    plannedCents: batch.totalCents,
    spentCents,
    counts,
    stopReason: batch.stopReason,
    missingCents: batch.missingCents,
    error: batch.error,
  };
}

export async function listBatches(
  db: Db,
  shopDomain: string,
  options: { take?: number } = {},
): Promise<BatchSummary[]> {
  const batches = await db.frankingBatch.findMany({
    where: { shop: { domain: shopDomain } },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 100,
  });
  const ids = batches.map((b) => b.id);
  const [statuses, spent] = await Promise.all([
    db.frankingOrder.groupBy({
      by: ["batchId", "status"],
      where: { batchId: { in: ids } },
      _count: { _all: true },
    }),
    db.voucher.groupBy({ by: ["batchId"], where: { batchId: { in: ids } }, _sum: { priceCents: true } }),
  ]);
  return batches.map((batch) =>
    summary(
      batch,
      countOrders(
        statuses
          .filter((s) => s.batchId === batch.id)
          .map((s) => ({ status: s.status, count: s._count._all })),
      ),
      spent.find((s) => s.batchId === batch.id)?._sum.priceCents ?? 0,
    ),
  );
}

export interface BatchOrderLine {
  orderId: string;
  orderName: string;
  productCode: number | null;
  productName: string | null;
  priceCents: number | null;
  status: string;
  reason: string | null;
  error: string | null;
  voucherId: string | null;
  trackingNumber: string | null;
  /** Writing back to Shopify: PENDING, DONE, FAILED (null before a stamp was bought). */
  shopifyState: string | null;
  shopifyError: string | null;
}

export interface BatchDetail extends BatchSummary {
  lines: BatchOrderLine[];
  progress: number;
  active: boolean;
  /** A bought cart exists, so there is a label file. */
  hasLabels: boolean;
  /** Einschreiben in the batch: an Einlieferungsliste can be had. */
  hasRegistered: boolean;
  /** A finished batch's orders that got no stamp (failed or never bought): "frank the remaining again". */
  remainingOrderIds: string[];
}

export async function batchDetail(db: Db, shopDomain: string, batchId: string): Promise<BatchDetail | null> {
  const batch = await db.frankingBatch.findFirst({ where: { id: batchId, shop: { domain: shopDomain } } });
  if (!batch) return null;
  const [orders, boughtCarts] = await Promise.all([
    db.frankingOrder.findMany({
      where: { batchId: batch.id },
      include: { voucher: true, fulfillmentTask: true },
      orderBy: { position: "asc" },
    }),
    db.frankingCart.count({ where: { batchId: batch.id, state: "BOUGHT" } }),
  ]);
  const counts = countOrders(orders.map((o) => ({ status: o.status, count: 1 })));
  const lines = orders.map((o): BatchOrderLine => ({
    orderId: o.orderId,
    orderName: o.orderName,
    productCode: o.voucher?.productCode ?? o.productCode,
    productName: o.voucher?.productName ?? o.productName,
    priceCents: o.voucher?.priceCents ?? o.priceCents,
    status: o.status,
    reason: o.reason,
    error: o.error,
    voucherId: o.voucher?.voucherId ?? null,
    trackingNumber: o.voucher?.trackId ?? null,
    shopifyState: o.fulfillmentTask?.state ?? null,
    shopifyError: o.fulfillmentTask?.lastError ?? null,
  }));
  const spentCents = orders.reduce((sum, o) => sum + (o.voucher?.priceCents ?? 0), 0);
  return {
    ...summary(batch, counts, spentCents),
    lines,
    progress: progressPercent(counts),
    active: ACTIVE_STATUSES.has(batch.status),
    hasLabels: boughtCarts > 0,
    hasRegistered: orders.some((o) => o.voucher?.trackId),
    remainingOrderIds: ACTIVE_STATUSES.has(batch.status)
      ? []
      : lines
          .filter((l) => (l.status === "FAILED" || l.status === "QUEUED") && l.voucherId === null)
          .map((l) => l.orderId),
  };
}
