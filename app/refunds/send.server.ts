/**
 * Sending a recorded Retoure request, once: the state moves PENDING -> SENT in the database (the fence:
 * only the worker that moved it sends) before the request goes out. The answer's shopRetoureId moves it
 * to OPEN. An unclear outcome leaves it SENT, to be reconciled after a pause, never re-sent blindly.
 */
import {
  AuthenticationError,
  InternetmarkeError,
  PermissionDeniedError,
  RateLimitedError,
  type Portokasse,
  type RetoureReceipt,
} from "~/internetmarke";
import { looksLikeOutage } from "~/availability/health.server";
import { describeError, passPoint, type RefundContext } from "./context";
import { withinWindow } from "./model";
import { decideUnsent, moveRequest, openRefunds, retryLater, type LoadedRequest } from "./retoure-records.server";

/** Refusals after which nothing happened and the same request may go out later. */
const changesNothing = (error: InternetmarkeError) =>
  error instanceof RateLimitedError || error instanceof AuthenticationError || error instanceof PermissionDeniedError;

async function closeUnsent(ctx: RefundContext, req: LoadedRequest, token: string, reason: string, lastError: string | null) {
  const now = ctx.now();
  await ctx.db.$transaction(async (tx) => {
    await moveRequest(tx, req, token, ["PENDING", "SENT"], { state: "CLOSED", closedAt: now, refundedCents: 0, lastError });
    await decideUnsent(tx, req, await openRefunds(tx, req.id), reason, now);
  });
}

export async function sendRetoure(ctx: RefundContext, req: LoadedRequest, token: string, kasse: Portokasse | null): Promise<void> {
  await passPoint(ctx, "after-record", req.id);
  if (!kasse) return retryLater(ctx, req, token, "portokasse_not_linked");
  const now = ctx.now();
  await moveRequest(ctx.db, req, token, ["PENDING"], { state: "SENT", sentAt: now, checks: 0, lastError: null });
  // Read after the fence: from here on no voucher joins this request (see file-refunds).
  const refunds = await openRefunds(ctx.db, req.id);
  const expired = refunds.filter((r) => !withinWindow(r.voucher.boughtAt, now));
  if (expired.length > 0) await ctx.db.$transaction((tx) => decideUnsent(tx, req, expired, "window_expired", now));
  const sendable = refunds.filter((r) => withinWindow(r.voucher.boughtAt, now));
  if (sendable.length === 0) return closeUnsent(ctx, req, token, "window_expired", null);
  await passPoint(ctx, "before-send", req.id);
  let receipt: RetoureReceipt;
  try {
    receipt = await kasse.requestRetoure({ vouchers: sendable.map((r) => ({ voucherId: r.voucherId, trackId: r.voucher.trackId })) });
  } catch (error) {
    if (error instanceof InternetmarkeError && !error.outcomeUnknown) {
      if (looksLikeOutage(error)) {
        // No answer to act on before anything was handled (the login failed with a 5xx, say): nothing
        // was filed, so the same request goes out later; the worker pauses it while Deutsche Post is down.
        await moveRequest(ctx.db, req, token, ["SENT"], { state: "PENDING", sentAt: null });
        throw error;
      }
      if (changesNothing(error)) {
        await moveRequest(ctx.db, req, token, ["SENT"], { state: "PENDING", sentAt: null });
        return retryLater(ctx, { ...req, state: "PENDING" }, token, describeError(error), (error instanceof RateLimitedError ? (error.retryAfterSeconds ?? 0) : 0) * 1000);
      }
      return closeUnsent(ctx, req, token, "request_refused", describeError(error));
    }
    // No readable answer: the Retoure may exist. Look it up after the pause (ADR 004).
    ctx.logger?.warn?.(`Retoure request ${req.id}: outcome unknown (${describeError(error)}); reconciling later`);
    await moveRequest(ctx.db, req, token, ["SENT"], {
      lastError: `outcome_unknown: ${describeError(error)}`.slice(0, 500),
      nextCheckAt: new Date(now.getTime() + ctx.timings.reconcileDelayMs),
    });
    return;
  }
  await passPoint(ctx, "after-send", req.id);
  await moveRequest(ctx.db, req, token, ["SENT"], {
    state: "OPEN",
    shopRetoureId: receipt.shopRetoureId,
    retoureTransactionId: receipt.retoureTransactionId,
    nextCheckAt: new Date(ctx.now().getTime() + ctx.timings.pollBaseMs),
  });
}
