/**
 * The fulfillment tasks of a batch: due tasks run, a failure keeps the voucher and schedules the next
 * attempt with backoff; after too many attempts (or a cancelled order) the task is FAILED.
 */
import type { FrankingBatch, FulfillmentTask } from "~/generated/prisma/sqlite/client";
import { describeError, passPoint, type RunContext } from "./context";
import { PermanentFulfillmentError, writeBackToShopify } from "./fulfill.server";

/** 30 s, 1 min, 2 min, ... capped at one hour. */
export function fulfillmentBackoffMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

async function runTask(ctx: RunContext, batch: FrankingBatch, task: FulfillmentTask): Promise<void> {
  const vouchers = await ctx.db.voucher.findMany({ where: { batchOrderId: task.batchOrderId } });
  try {
    const { fulfillmentId } = await writeBackToShopify(
      ctx.admin,
      { orderId: task.orderId, batchId: batch.id, vouchers, tag: batch.tag, notifyCustomer: batch.notifyCustomer },
      ctx.sleep,
    );
    await passPoint(ctx, "after-fulfillment", { batchId: batch.id });
    await ctx.db.$transaction([
      ctx.db.fulfillmentTask.update({
        where: { id: task.id },
        data: { state: "DONE", attempts: task.attempts + 1, fulfillmentId, doneAt: ctx.now(), lastError: null },
      }),
      ctx.db.frankingOrder.update({ where: { id: task.batchOrderId }, data: { status: "FULFILLED", error: null } }),
    ]);
  } catch (error) {
    const attempts = task.attempts + 1;
    const permanent = error instanceof PermanentFulfillmentError;
    const failed = permanent || attempts >= ctx.timings.maxFulfillmentAttempts;
    const message = describeError(error);
    await ctx.db.$transaction([
      ctx.db.fulfillmentTask.update({
        where: { id: task.id },
        data: {
          state: failed ? "FAILED" : "PENDING",
          attempts,
          lastError: message,
          nextAttemptAt: new Date(ctx.now().getTime() + fulfillmentBackoffMs(attempts)),
        },
      }),
      // The stamp is bought and kept either way; the order says what went wrong in Shopify.
      ctx.db.frankingOrder.update({ where: { id: task.batchOrderId }, data: { error: `fulfillment: ${message}`.slice(0, 500) } }),
    ]);
  }
}

/** Runs the batch's due tasks; returns when the next pending one is due (null: none left). */
export async function runDueFulfillments(ctx: RunContext, batch: FrankingBatch): Promise<Date | null> {
  const due = await ctx.db.fulfillmentTask.findMany({
    where: { batchId: batch.id, state: "PENDING", nextAttemptAt: { lte: ctx.now() } },
    orderBy: { createdAt: "asc" },
  });
  for (const task of due) {
    await ctx.renewLease();
    await runTask(ctx, batch, task);
  }
  const next = await ctx.db.fulfillmentTask.findFirst({
    where: { batchId: batch.id, state: "PENDING" },
    orderBy: { nextAttemptAt: "asc" },
  });
  return next?.nextAttemptAt ?? null;
}
