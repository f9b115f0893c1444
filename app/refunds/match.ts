/**
 * Finding a Retoure whose answer was lost (ADR 004): among the Retoures filed in the time window that no
 * request of ours already owns, the one that lists our vouchers. An open Retoure lists only the vouchers
 * it refused, so one that is still open and could be ours (same voucher count) means: look again later.
 */
import type { RetoureState } from "~/internetmarke";

export type RetoureMatch = { kind: "found"; state: RetoureState } | { kind: "wait" } | { kind: "absent" };

const listed = (state: RetoureState) => [...state.refundedVouchers, ...state.notRefundedVouchers].map((v) => v.voucherId);

export function matchRetoure(candidates: readonly RetoureState[], voucherIds: readonly string[]): RetoureMatch {
  const ours = new Set(voucherIds);
  let best: { state: RetoureState; overlap: number } | null = null;
  for (const state of candidates) {
    const overlap = listed(state).filter((id) => ours.has(id)).length;
    if (overlap > 0 && (best === null || overlap > best.overlap)) best = { state, overlap };
  }
  if (best) return { kind: "found", state: best.state };
  const couldBeOurs = candidates.some(
    (s) => (s.countStillOpen === null || s.countStillOpen > 0) && (s.totalCount === null || s.totalCount === ours.size),
  );
  return couldBeOurs ? { kind: "wait" } : { kind: "absent" };
}

/** True when the Retoure is settled: nothing of it is still open. */
export const isSettled = (state: RetoureState): boolean => state.countStillOpen === 0;
