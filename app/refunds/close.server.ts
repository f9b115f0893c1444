/**
 * Following an open Retoure: its state is polled with backoff until nothing is open; then each voucher is
 * recorded as refunded or not (with the reason), the refunded amount is stored, the known Portokasse
 * balance is credited and the order's Shopify state is queued for writing.
 */
import type { Portokasse, RetoureState } from "~/internetmarke";
import type { RefundContext } from "./context";
import { isSettled } from "./match";
import { backoffMs, refusalReason } from "./model";
import { moveRequest, openRefunds, retryLater, type LoadedRequest } from "./retoure-records.server";
import { markOrdersChanged, type Tx } from "./tx";

/**
 * Adds a confirmed refund to the known balance, but only when that balance was read before the Retoure
 * was last seen open (so it cannot contain the refund yet). A newer reading is left as it is.
 */
async function creditBalance(tx: Tx, shopId: string, cents: number, lastSeenOpenAt: Date): Promise<void> {
  if (cents === 0) return;
  await tx.portokasseAccount.updateMany({
    where: { shopId, balanceCents: { not: null }, balanceCheckedAt: { lte: lastSeenOpenAt } },
    data: { balanceCents: { increment: cents } },
  });
}

async function closeRetoure(ctx: RefundContext, req: LoadedRequest, token: string, state: RetoureState): Promise<void> {
  const now = ctx.now();
  const refunded = new Set(state.refundedVouchers.map((v) => v.voucherId));
  const refused = new Set(state.notRefundedVouchers.map((v) => v.voucherId));
  const requestedAt = req.sentAt ?? now;
  await ctx.db.$transaction(async (tx) => {
    const refunds = await openRefunds(tx, req.id);
    let refundedCents = 0;
    for (const refund of refunds) {
      const ok = refunded.has(refund.voucherId);
      if (ok) refundedCents += refund.priceCents;
      await tx.refund.updateMany({
        where: { id: refund.id, state: "PENDING" },
        data: ok
          ? { state: "REFUNDED", refundedCents: refund.priceCents, reason: null, decidedAt: now }
          : { state: "NOT_REFUNDED", reason: refused.has(refund.voucherId) ? refusalReason(refund.voucher.boughtAt, requestedAt) : "not_in_retoure", decidedAt: now },
      });
    }
    const dp = state.retourePriceCents;
    await moveRequest(tx, req, token, ["OPEN"], {
      state: "CLOSED",
      closedAt: now,
      refundedCents,
      retourePriceCents: dp,
      lastError: dp !== null && dp !== refundedCents ? `amount_mismatch: Deutsche Post ${dp}, vouchers ${refundedCents}` : null,
    });
    await creditBalance(tx, req.shopId, refundedCents, req.openSeenAt ?? requestedAt);
    await markOrdersChanged(tx, req.shopId, refunds.map((r) => r.orderId), now);
  });
}

/** Records what one state lookup said: still open (look again later) or settled (close). */
export async function applyRetoureState(ctx: RefundContext, req: LoadedRequest, token: string, state: RetoureState): Promise<void> {
  if (isSettled(state)) return closeRetoure(ctx, req, token, state);
  const now = ctx.now();
  const checks = req.checks + 1;
  await moveRequest(ctx.db, req, token, ["OPEN"], {
    checks,
    openSeenAt: now,
    lastError: null,
    nextCheckAt: new Date(now.getTime() + backoffMs(checks, ctx.timings.pollBaseMs, ctx.timings.pollMaxMs)),
  });
}

export async function pollRetoure(ctx: RefundContext, req: LoadedRequest, token: string, kasse: Portokasse | null): Promise<void> {
  if (!kasse) return retryLater(ctx, req, token, "portokasse_not_linked");
  const shopRetoureId = req.shopRetoureId;
  if (shopRetoureId === null) throw new Error(`Retoure request ${req.id} is open without a shopRetoureId`);
  const state = (await kasse.retoureState(shopRetoureId)).find((s) => s.shopRetoureId === shopRetoureId);
  if (!state) return retryLater(ctx, req, token, "retoure_not_found");
  return applyRetoureState(ctx, req, token, state);
}
