/**
 * One piece of refund work, run under its lease: a cancellation job, a step of a Retoure request, or a
 * Shopify write-back. A failure that is not handled inside (network after retries, database) is recorded
 * on the item, which is looked at again after a backoff.
 */
import { looksLikeOutage, PAUSE_MS } from "~/availability/health.server";
import { describeError, RefundLeaseLostError, type RefundContext } from "./context";
import { runCancellationJob } from "./cancellation.server";
import { pollRetoure } from "./close.server";
import { backoffMs } from "./model";
import { reconcileRetoure } from "./reconcile.server";
import { sendRetoure } from "./send.server";
import { syncOrder } from "./shopify-sync.server";
import type { WorkKind } from "./lease.server";

async function advanceRetoure(ctx: RefundContext, id: string, token: string): Promise<void> {
  const req = await ctx.db.retoureRequest.findUniqueOrThrow({ where: { id }, include: { shop: { select: { id: true, domain: true } } } });
  const kasse = req.state === "CLOSED" ? null : await ctx.portokasse(req.shop);
  if (req.state === "PENDING") return sendRetoure(ctx, req, token, kasse);
  if (req.state === "SENT") return reconcileRetoure(ctx, req, token, kasse);
  if (req.state === "OPEN") return pollRetoure(ctx, req, token, kasse);
}

async function runJob(ctx: RefundContext, id: string, token: string): Promise<void> {
  const job = await ctx.db.refundJob.findUniqueOrThrow({ where: { id } });
  const outcome = await runCancellationJob(ctx, job, token);
  if (outcome) ctx.logger?.info?.(`Refund job for ${job.orderId}: ${outcome}`);
}

/**
 * Deutsche Post is down (a network error or 5xx, and its health check fails): the item is looked at again
 * after PAUSE_MS with no attempt counted, so its backoff does not grow through an outage. Shopify
 * write-backs never call Deutsche Post.
 */
async function pauseForOutage(ctx: RefundContext, kind: WorkKind, id: string, token: string, error: unknown): Promise<boolean> {
  if (kind === "sync" || !looksLikeOutage(error) || !ctx.deutschePostDown || !(await ctx.deutschePostDown())) return false;
  const at = new Date(ctx.now().getTime() + PAUSE_MS);
  const lastError = `paused, Deutsche Post is not reachable: ${describeError(error)}`.slice(0, 500);
  ctx.logger?.info?.(`Refund ${kind} ${id} paused: Deutsche Post is not reachable`);
  if (kind === "job") await ctx.db.refundJob.updateMany({ where: { id, leaseOwner: token }, data: { lastError, nextAttemptAt: at } });
  else await ctx.db.retoureRequest.updateMany({ where: { id, leaseOwner: token }, data: { lastError, nextCheckAt: at } });
  return true;
}

async function recordFailure(ctx: RefundContext, kind: WorkKind, id: string, token: string, error: unknown): Promise<void> {
  if (await pauseForOutage(ctx, kind, id, token, error)) return;
  const now = ctx.now().getTime();
  const lastError = describeError(error);
  const delay = (attempts: number) => new Date(now + backoffMs(attempts, ctx.timings.retryBaseMs, ctx.timings.retryMaxMs));
  ctx.logger?.warn?.(`Refund ${kind} ${id} failed: ${lastError}`);
  if (kind === "job") {
    const job = await ctx.db.refundJob.findUniqueOrThrow({ where: { id } });
    await ctx.db.refundJob.updateMany({ where: { id, leaseOwner: token }, data: { attempts: job.attempts + 1, lastError, nextAttemptAt: delay(job.attempts + 1) } });
  } else if (kind === "retoure") {
    const req = await ctx.db.retoureRequest.findUniqueOrThrow({ where: { id } });
    await ctx.db.retoureRequest.updateMany({ where: { id, leaseOwner: token }, data: { attempts: req.attempts + 1, lastError, nextCheckAt: delay(req.attempts + 1) } });
  } else {
    const sync = await ctx.db.refundSync.findUniqueOrThrow({ where: { id } });
    await ctx.db.refundSync.updateMany({ where: { id, leaseOwner: token }, data: { attempts: sync.attempts + 1, lastError, nextAttemptAt: delay(sync.attempts + 1) } });
  }
}

/** Runs one leased item; returns normally also when it failed (the failure is recorded on the item). */
export async function runItem(ctx: RefundContext, kind: WorkKind, id: string, token: string): Promise<void> {
  try {
    if (kind === "job") await runJob(ctx, id, token);
    else if (kind === "retoure") await advanceRetoure(ctx, id, token);
    else await syncOrder(ctx, id, token);
  } catch (error) {
    if (error instanceof RefundLeaseLostError) return;
    await recordFailure(ctx, kind, id, token, error);
  }
}
