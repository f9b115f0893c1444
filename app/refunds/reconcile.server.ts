/**
 * A Retoure sent without a readable answer (or by a process that died before storing it): after a pause
 * the Retoures of the time window are listed and matched by their vouchers (ADR 004). Found: it is
 * followed like any open Retoure. Still open and possibly ours: look again later. Proven absent: it was
 * never filed, so it goes back to PENDING and is sent once more.
 */
import type { Portokasse } from "~/internetmarke";
import type { RefundContext } from "./context";
import { applyRetoureState } from "./close.server";
import { matchRetoure } from "./match";
import { backoffMs } from "./model";
import { moveRequest, openRefunds, retryLater, type LoadedRequest } from "./retoure-records.server";

export async function reconcileRetoure(ctx: RefundContext, req: LoadedRequest, token: string, kasse: Portokasse | null): Promise<void> {
  const now = ctx.now();
  const sentAt = req.sentAt ?? req.updatedAt;
  const due = sentAt.getTime() + ctx.timings.reconcileDelayMs;
  if (now.getTime() < due) return moveRequest(ctx.db, req, token, ["SENT"], { nextCheckAt: new Date(due) });
  if (!kasse) return retryLater(ctx, req, token, "portokasse_not_linked");

  const voucherIds = (await openRefunds(ctx.db, req.id)).map((r) => r.voucherId);
  const margin = ctx.timings.reconcileMarginMs;
  const states = await kasse.retoureState({ startDate: new Date(sentAt.getTime() - margin), endDate: new Date(now.getTime() + margin) });
  const owned = await ctx.db.retoureRequest.findMany({
    where: { shopId: req.shopId, shopRetoureId: { in: states.map((s) => s.shopRetoureId) } },
    select: { shopRetoureId: true },
  });
  const ownedIds = new Set(owned.map((o) => o.shopRetoureId));
  const match = matchRetoure(states.filter((s) => !ownedIds.has(s.shopRetoureId)), voucherIds);

  if (match.kind === "found") {
    const { shopRetoureId, retoureTransactionId } = match.state;
    ctx.logger?.info?.(`Retoure request ${req.id}: found as Retoure ${shopRetoureId} after an unclear answer`);
    await moveRequest(ctx.db, req, token, ["SENT"], { state: "OPEN", shopRetoureId, retoureTransactionId, lastError: null });
    return applyRetoureState(ctx, { ...req, state: "OPEN", shopRetoureId, retoureTransactionId }, token, match.state);
  }
  if (match.kind === "wait") {
    const checks = req.checks + 1;
    return moveRequest(ctx.db, req, token, ["SENT"], {
      checks,
      nextCheckAt: new Date(now.getTime() + backoffMs(checks, ctx.timings.pollBaseMs, ctx.timings.pollMaxMs)),
    });
  }
  ctx.logger?.info?.(`Retoure request ${req.id}: not filed at Deutsche Post; sending it again`);
  return moveRequest(ctx.db, req, token, ["SENT"], {
    state: "PENDING",
    sentAt: null,
    checks: 0,
    nextCheckAt: now,
    lastError: "reconciled: the Retoure was not filed",
  });
}
