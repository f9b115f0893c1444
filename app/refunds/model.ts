/**
 * The refund vocabulary: states of refund jobs, Retoure requests and refunds, the reasons a voucher is
 * not refunded, and the pure rules (the 14-day window, backoff, the order's refund summary).
 */

/** Deutsche Post refunds unused stamps within 14 days of purchase. */
export const REFUND_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;

export const JOB_STATE = ["QUEUED", "DONE"] as const;
export type JobState = (typeof JOB_STATE)[number];

/** What a cancellation job did (RefundJob.outcome). */
export type JobOutcome = "filed" | "nothing_to_refund" | "automatic_refunds_off" | "gave_up_waiting";

export const RETOURE_STATE = ["PENDING", "SENT", "OPEN", "CLOSED"] as const;
export type RetoureStateName = (typeof RETOURE_STATE)[number];
export function toRetoureState(value: string): RetoureStateName {
  const found = RETOURE_STATE.find((s) => s === value);
  if (!found) throw new RangeError(`Unknown Retoure request state ${value}`);
  return found;
}
/** Requests a worker still has to look at. */
export const ACTIVE_RETOURE_STATES: readonly RetoureStateName[] = ["PENDING", "SENT", "OPEN"];

export const REFUND_STATE = ["PENDING", "REFUNDED", "NOT_REFUNDED"] as const;
export type RefundState = (typeof REFUND_STATE)[number];

/** UNDO: the merchant undid the franking ("Frankierung stornieren", app/undo). */
export type RefundSource = "CANCELLATION" | "MANUAL" | "UNDO";

/**
 * Why a voucher was not refunded. `window_expired`: older than 14 days, never sent. `refused`: Deutsche
 * Post refused it (already used, already refunded or unknown). `refused_window_expired`: refused and close
 * to or past 14 days when requested. `request_refused`: the whole request was refused (see lastError).
 * `not_in_retoure`: the closed Retoure listed the voucher neither as refunded nor as refused.
 */
export const NOT_REFUNDED_REASONS = [
  "window_expired",
  "refused",
  "refused_window_expired",
  "request_refused",
  "not_in_retoure",
] as const;
export type NotRefundedReason = (typeof NOT_REFUNDED_REASONS)[number];

export const isNotRefundedReason = (value: string | null): value is NotRefundedReason =>
  (NOT_REFUNDED_REASONS as readonly string[]).includes(value ?? "");

/** True while a voucher bought at `boughtAt` may still be refunded at `now`. */
export function withinWindow(boughtAt: Date, now: Date): boolean {
  return now.getTime() - boughtAt.getTime() <= REFUND_WINDOW_MS;
}

/**
 * The reason for a voucher Deutsche Post refused: our purchase time is recorded after the real one, so a
 * voucher within an hour of the limit (or past it) is taken as refused for age.
 */
export function refusalReason(boughtAt: Date, requestedAt: Date): NotRefundedReason {
  const age = requestedAt.getTime() - boughtAt.getTime();
  return age > REFUND_WINDOW_MS - 60 * 60 * 1000 ? "refused_window_expired" : "refused";
}

/** Exponential backoff with a cap: base, 2·base, 4·base, ... */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

export type OrderRefundState = "pending" | "refunded" | "partially_refunded" | "not_refunded";

export interface OrderRefundSummary {
  state: OrderRefundState;
  refundedCents: number;
  pendingCents: number;
  vouchers: Array<{ voucherId: string; state: RefundState; reason: string | null; priceCents: number; refundedCents: number }>;
}

/** The refund state of one order from its refunds: pending while any is open; else by what came back. */
export function summarize(
  refunds: ReadonlyArray<{ voucherId: string; state: string; reason: string | null; priceCents: number; refundedCents: number }>,
): OrderRefundSummary {
  const vouchers = refunds.map((r) => ({
    voucherId: r.voucherId,
    state: toRefundState(r.state),
    reason: r.reason,
    priceCents: r.priceCents,
    refundedCents: r.refundedCents,
  }));
  const refundedCents = vouchers.reduce((sum, v) => sum + v.refundedCents, 0);
  const pendingCents = vouchers.filter((v) => v.state === "PENDING").reduce((sum, v) => sum + v.priceCents, 0);
  const refunded = vouchers.filter((v) => v.state === "REFUNDED").length;
  const state: OrderRefundState = vouchers.some((v) => v.state === "PENDING")
    ? "pending"
    : refunded === vouchers.length && refunded > 0
      ? "refunded"
      : refunded > 0
        ? "partially_refunded"
        : "not_refunded";
  return { state, refundedCents, pendingCents, vouchers };
}

export function toRefundState(value: string): RefundState {
  const found = REFUND_STATE.find((s) => s === value);
  if (!found) throw new RangeError(`Unknown refund state ${value}`);
  return found;
}
