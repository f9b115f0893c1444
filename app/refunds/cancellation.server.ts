/**
 * A cancelled order's refund job: refund its vouchers (unless the merchant switched automatic refunds
 * off) and, while a purchase for the order may still be in flight in a running batch, look again later,
 * so a stamp bought after the cancellation is refunded too (once: the Refund row is unique per voucher).
 */
import type { RefundJob } from "~/generated/prisma/sqlite/client";
import type { Db } from "~/db.server";
import { RefundLeaseLostError, type RefundContext } from "./context";
import { fileRefunds } from "./file-refunds.server";
import { backoffMs, type JobOutcome } from "./model";
import { automaticRefundsEnabled } from "./settings.server";
import { skipUnboughtOrder } from "./skip-order.server";

const ACTIVE_BATCH = ["QUEUED", "RUNNING"];
const UNSETTLED_CART = ["PLANNED", "INITIALIZED", "CHECKOUT_SENT"];

/**
 * True while a batch may still buy a stamp for this order: it is in an active batch without a voucher,
 * and still queued or inside a cart that is not settled. Read before the vouchers are, so a purchase
 * that completes in between is seen on the next look.
 */
export async function purchaseInFlight(db: Db, shopId: string, orderId: string): Promise<boolean> {
  const orders = await db.frankingOrder.findMany({
    where: { shopId, orderId, voucher: null, batch: { status: { in: ACTIVE_BATCH } } },
    select: { status: true, cartId: true },
  });
  if (orders.some((o) => o.status === "QUEUED")) return true;
  const cartIds = orders.flatMap((o) => (o.cartId ? [o.cartId] : []));
  if (cartIds.length === 0) return false;
  return (await db.frankingCart.count({ where: { id: { in: cartIds }, state: { in: UNSETTLED_CART } } })) > 0;
}

export async function runCancellationJob(ctx: RefundContext, job: RefundJob, token: string): Promise<JobOutcome | null> {
  const { db } = ctx;
  const now = ctx.now();
  await skipUnboughtOrder(db, job.shopId, job.orderId, now);
  const inFlight = await purchaseInFlight(db, job.shopId, job.orderId);
  const enabled = await automaticRefundsEnabled(db, job.shopId);
  if (enabled) {
    const vouchers = await db.voucher.findMany({ where: { shopId: job.shopId, orderId: job.orderId, refund: null }, select: { voucherId: true } });
    await fileRefunds(db, { shopId: job.shopId, voucherIds: vouchers.map((v) => v.voucherId), source: "CANCELLATION", now });
  }
  const waitedMs = now.getTime() - job.createdAt.getTime();
  if (inFlight && waitedMs < ctx.timings.giveUpWaitingMs) {
    const attempts = job.attempts + 1;
    const next = new Date(now.getTime() + backoffMs(attempts, ctx.timings.retryBaseMs, ctx.timings.retryMaxMs));
    const moved = await db.refundJob.updateMany({ where: { id: job.id, leaseOwner: token }, data: { attempts, nextAttemptAt: next, lastError: null } });
    if (moved.count !== 1) throw new RefundLeaseLostError(`refund job ${job.id}`);
    return null;
  }
  const filed = await db.refund.count({ where: { shopId: job.shopId, orderId: job.orderId } });
  const outcome: JobOutcome = inFlight ? "gave_up_waiting" : !enabled ? "automatic_refunds_off" : filed > 0 ? "filed" : "nothing_to_refund";
  const done = await db.refundJob.updateMany({
    where: { id: job.id, leaseOwner: token },
    data: { state: "DONE", outcome, doneAt: now, attempts: job.attempts + 1, lastError: null },
  });
  if (done.count !== 1) throw new RefundLeaseLostError(`refund job ${job.id}`);
  return outcome;
}
