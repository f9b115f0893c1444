/**
 * What the Refunds page shows: every refund of the shop with its order, voucher, amount and state, the
 * totals, and the problems the merchant should see (vouchers Deutsche Post refused, stuck requests).
 */
import type { Db } from "~/db.server";
import { toRefundState, type RefundState } from "./model";

export interface RefundRow {
  id: string;
  voucherId: string;
  orderId: string;
  orderName: string;
  source: string;
  state: RefundState;
  reason: string | null;
  priceCents: number;
  refundedCents: number;
  requestedAt: string;
  decidedAt: string | null;
  shopRetoureId: string | null;
}

export interface RefundsView {
  pending: RefundRow[];
  confirmed: RefundRow[];
  rejected: RefundRow[];
  totals: { pendingCents: number; refundedCents: number; rejectedCents: number };
  /** Requests that wait for something the merchant can fix (no Portokasse, login refused, ...). */
  stuck: Array<{ id: string; lastError: string; vouchers: number }>;
}

const sum = (rows: RefundRow[], pick: (r: RefundRow) => number) => rows.reduce((total, r) => total + pick(r), 0);

export async function loadRefunds(db: Db, shopId: string, limit = 500): Promise<RefundsView> {
  const refunds = await db.refund.findMany({
    where: { shopId },
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { voucher: { select: { batchOrder: { select: { orderName: true } } } }, retoure: { select: { shopRetoureId: true } } },
  });
  const rows: RefundRow[] = refunds.map((r) => ({
    id: r.id,
    voucherId: r.voucherId,
    orderId: r.orderId,
    orderName: r.voucher.batchOrder.orderName,
    source: r.source,
    state: toRefundState(r.state),
    reason: r.reason,
    priceCents: r.priceCents,
    refundedCents: r.refundedCents,
    requestedAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    shopRetoureId: r.retoure?.shopRetoureId ?? null,
  }));
  const pending = rows.filter((r) => r.state === "PENDING");
  const confirmed = rows.filter((r) => r.state === "REFUNDED");
  const rejected = rows.filter((r) => r.state === "NOT_REFUNDED");
  const stuckRequests = await db.retoureRequest.findMany({
    where: { shopId, state: "PENDING", attempts: { gt: 0 }, lastError: { not: null } },
    select: { id: true, lastError: true, _count: { select: { refunds: true } } },
  });
  return {
    pending,
    confirmed,
    rejected,
    totals: { pendingCents: sum(pending, (r) => r.priceCents), refundedCents: sum(confirmed, (r) => r.refundedCents), rejectedCents: sum(rejected, (r) => r.priceCents) },
    stuck: stuckRequests.map((s) => ({ id: s.id, lastError: s.lastError ?? "", vouchers: s._count.refunds })),
  };
}

/** The refunds of one order (for the order-details block): voucher, state and reason. */
export async function loadOrderRefunds(db: Db, shopId: string, orderId: string) {
  const refunds = await db.refund.findMany({ where: { shopId, orderId }, orderBy: { voucherId: "asc" } });
  return refunds.map((r) => ({
    refundId: r.id,
    voucherId: r.voucherId,
    state: toRefundState(r.state),
    reason: r.reason,
    priceCents: r.priceCents,
    refundedCents: r.refundedCents,
  }));
}
