/**
 * What the API tells about batches and orders (shapes documented in README.md; the admin extensions
 * code against them). Every query is scoped to the shop: another shop's batch is simply not found.
 */
import type { Db } from "~/db.server";
import type { FrankingOrder, Refund, Voucher } from "~/generated/prisma/sqlite/client";
import { batchLabelsLink, batchManifestLink, orderLabelsLink, type SignLabelLink } from "./label-links.server";

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
  /** Signed link to the batch's label file (PDF, or the PNG ZIP), once a stamp was bought; else null. */
  labelUrl: string | null;
  /** Signed link to the Einlieferungsliste, when the batch bought Einschreiben; else null. */
  manifestUrl: string | null;
}

export interface OrderFrankingView extends BatchOrderView {
  /** NOT_FRANKED when the order was never in a batch; otherwise the order's status in its batch. */
  batchId: string | null;
  /**
   * Signed link to the order's label pages (`/labels/orders.pdf`): set when its stamp was bought in a PDF
   * batch and not handed back (no Retoure pending or refunded); else null.
   */
  labelUrl: string | null;
}

export interface OrdersFrankingView {
  orders: OrderFrankingView[];
  /** One signed link to the label pages of every order above with a `labelUrl`, in that order; else null. */
  labelsUrl: string | null;
}

type OrderRow = FrankingOrder & { voucher: Voucher | null };
type FrankingRow = FrankingOrder & {
  voucher: (Voucher & { refund: Refund | null }) | null;
  batch: { labelFormat: string };
};

/** A stamp handed back (Retoure requested or refunded) must not be printed and used. */
const HANDED_BACK = new Set(["PENDING", "REFUNDED"]);

const hasPrintableLabel = (row: FrankingRow) =>
  row.voucher !== null && row.batch.labelFormat === "PDF" && !HANDED_BACK.has(row.voucher.refund?.state ?? "");

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

export async function batchView(
  db: Db,
  shopId: string,
  batchId: string,
  sign: SignLabelLink,
): Promise<BatchView | null> {
  const batch = await db.frankingBatch.findFirst({
    where: { id: batchId, shopId },
    include: { orders: { include: { voucher: true }, orderBy: { position: "asc" } } },
  });
  if (!batch) return null;
  const count = (...statuses: string[]) => batch.orders.filter((o) => statuses.includes(o.status)).length;
  const bought = batch.orders.filter((o) => o.voucher !== null).length;
  const registered = batch.orders.some((o) => o.voucher?.trackId);
  return {
    id: batch.id,
    status: batch.status,
    totalCents: batch.totalCents,
    ...(batch.missingCents === null ? {} : { missingCents: batch.missingCents }),
    error: batch.stopReason ?? batch.error,
    counts: {
      orders: batch.orders.length,
      bought,
      fulfilled: count("FULFILLED"),
      failed: count("FAILED"),
      skipped: count("SKIPPED"),
    },
    orders: batch.orders.map(orderView),
    createdAt: batch.createdAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
    labelUrl: bought > 0 ? batchLabelsLink(sign, batch.id, batch.labelFormat) : null,
    manifestUrl: registered ? batchManifestLink(sign, batch.id) : null,
  };
}

/**
 * Per order: the batch that holds its claim (franked or running), else its latest batch (where it was
 * left out or failed), else NOT_FRANKED; with signed label links for the orders that have a printable label.
 */
export async function ordersFranking(
  db: Db,
  shopId: string,
  orderIds: readonly string[],
  sign: SignLabelLink,
): Promise<OrdersFrankingView> {
  const ids = [...new Set(orderIds)];
  const [claims, rows] = await Promise.all([
    db.frankingClaim.findMany({ where: { shopId, orderId: { in: ids } } }),
    db.frankingOrder.findMany({
      where: { shopId, orderId: { in: ids } },
      include: { voucher: { include: { refund: true } }, batch: { select: { labelFormat: true } } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const claimed = new Map(claims.map((c) => [c.orderId, c.batchId]));
  const orders = ids.map((orderId): OrderFrankingView => {
    const batchId = claimed.get(orderId);
    const row = rows.find((r) => r.orderId === orderId && (batchId === undefined || r.batchId === batchId));
    if (!row) {
      return { orderId, orderName: "", status: "NOT_FRANKED", productName: null, priceCents: null, voucherIds: [], trackIds: [], error: null, batchId: null, labelUrl: null };
    }
    return { ...orderView(row), batchId: row.batchId, labelUrl: hasPrintableLabel(row) ? orderLabelsLink(sign, [orderId]) : null };
  });
  const printable = orders.filter((o) => o.labelUrl !== null).map((o) => o.orderId);
  return { orders, labelsUrl: printable.length > 0 ? orderLabelsLink(sign, printable) : null };
}
