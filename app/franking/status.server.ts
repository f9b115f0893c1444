/**
 * What the API tells about batches and orders (shapes documented in README.md; the admin extensions
 * code against them). Every query is scoped to the shop: another shop's batch is simply not found.
 */
import type { Db } from "~/db.server";
import type { FrankingOrder, Voucher } from "~/generated/prisma/sqlite/client";

export interface BatchOrderView {
  orderId: string;
  orderName: string;
  status: string;
  productName: string | null;
  priceCents: number | null;
  voucherIds: string[];
  trackIds: string[];
  error: string | null;
}

export interface BatchView {
  id: string;
  status: string;
  totalCents: number;
  missingCents?: number;
  error: string | null;
  counts: { orders: number; bought: number; fulfilled: number; failed: number; skipped: number };
  orders: BatchOrderView[];
  createdAt: string;
  finishedAt: string | null;
}

export interface OrderFrankingView extends BatchOrderView {
  /** NOT_FRANKED when the order was never in a batch; otherwise the order's status in its batch. */
  batchId: string | null;
}

type OrderRow = FrankingOrder & { voucher: Voucher | null };

function orderView(order: OrderRow): BatchOrderView {
  const vouchers = order.voucher ? [order.voucher] : [];
  return {
    orderId: order.orderId,
    orderName: order.orderName,
    status: order.status,
    productName: order.productName,
    priceCents: order.priceCents,
    voucherIds: vouchers.map((v) => v.voucherId),
    trackIds: vouchers.flatMap((v) => (v.trackId ? [v.trackId] : [])),
    error: order.reason ?? order.error,
  };
}

export async function batchView(db: Db, shopId: string, batchId: string): Promise<BatchView | null> {
  const batch = await db.frankingBatch.findFirst({
    where: { id: batchId, shopId },
    include: { orders: { include: { voucher: true }, orderBy: { position: "asc" } } },
  });
  if (!batch) return null;
  const count = (...statuses: string[]) => batch.orders.filter((o) => statuses.includes(o.status)).length;
  return {
    id: batch.id,
    status: batch.status,
    totalCents: batch.totalCents,
    ...(batch.missingCents === null ? {} : { missingCents: batch.missingCents }),
    error: batch.stopReason ?? batch.error,
    counts: {
      orders: batch.orders.length,
      bought: batch.orders.filter((o) => o.voucher !== null).length,
      fulfilled: count("FULFILLED"),
      failed: count("FAILED"),
      skipped: count("SKIPPED"),
    },
    orders: batch.orders.map(orderView),
    createdAt: batch.createdAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Per order: the batch that holds its claim (franked or running), else its latest batch (where it was
 * left out or failed), else NOT_FRANKED.
 */
export async function ordersFranking(db: Db, shopId: string, orderIds: readonly string[]): Promise<OrderFrankingView[]> {
  const ids = [...new Set(orderIds)];
  const [claims, rows] = await Promise.all([
    db.frankingClaim.findMany({ where: { shopId, orderId: { in: ids } } }),
    db.frankingOrder.findMany({ where: { shopId, orderId: { in: ids } }, include: { voucher: true }, orderBy: { createdAt: "desc" } }),
  ]);
  const claimed = new Map(claims.map((c) => [c.orderId, c.batchId]));
  return ids.map((orderId) => {
    const batchId = claimed.get(orderId);
    const row = rows.find((r) => r.orderId === orderId && (batchId === undefined || r.batchId === batchId));
    if (!row) {
      return { orderId, orderName: "", status: "NOT_FRANKED", productName: null, priceCents: null, voucherIds: [], trackIds: [], error: null, batchId: null };
    }
    return { ...orderView(row), batchId: row.batchId };
  });
}
