/**
 * The fulfillment tasks of a batch: due tasks run in groups (one metafieldsSet per group, a
 * fulfillmentCreate per order, a read of the fulfillment orders only where the confirm's are not known
 * or Shopify refused them), several groups at once, every call inside the shop's cost
 * budget. A failure keeps the voucher and schedules the task's next attempt with backoff; after too many
 * attempts (or a cancelled order) the task is FAILED.
 */
import { Prisma, type FrankingBatch, type FulfillmentTask } from "~/generated/prisma/sqlite/client";
import { describeError, passPoint, TRANSACTION_OPTIONS, type RunContext } from "./context";
import type { Tx } from "./claims.server";
import { parsePositions } from "./model";
import {
  METAFIELDS_PER_CALL,
  PermanentFulfillmentError,
  writeBackOrders,
  type WriteBackOutcome,
} from "./fulfill.server";
import type { CostBudget } from "~/shopify/cost-budget.server";
import { ShopifyAccessLostError } from "~/shopify/offline-admin.server";

/** Groups written at the same time; their calls share the shop's budget (at most 8 in flight). */
const GROUPS_AT_ONCE = 4;

/** 30 s, 1 min, 2 min, ... capped at one hour. */
export function fulfillmentBackoffMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Records the fulfilled tasks of a group in two statements, not one per task: each Prisma query costs about
 * a millisecond of CPU to compile, which made these updates a fifth of the app's CPU under load. Prisma's
 * updateMany sets one value for every row, so each task's own fulfillment id goes in one raw UPDATE.
 */
async function recordFulfilled(
  ctx: RunContext,
  tx: Tx,
  done: readonly { taskId: string; fulfillmentId: string | null }[],
): Promise<void> {
  if (done.length === 0) return;
  const ids = done.map((d) => d.taskId);
  await tx.fulfillmentTask.updateMany({
    where: { id: { in: ids } },
    data: { state: "DONE", attempts: { increment: 1 }, doneAt: ctx.now(), lastError: null },
  });
  const cases = done.map((d) => Prisma.sql`WHEN ${d.taskId} THEN ${d.fulfillmentId}`);
  await tx.$executeRaw(
    Prisma.sql`UPDATE "FulfillmentTask" SET "fulfillmentId" = CASE "id" ${Prisma.join(cases, " ")} END WHERE "id" IN (${Prisma.join(ids)})`,
  );
}

/** Records a task Shopify did not take: its next attempt, or FAILED; the order says what went wrong. */
async function recordFailed(ctx: RunContext, tx: Tx, task: FulfillmentTask, error: unknown): Promise<void> {
  const attempts = task.attempts + 1;
  const permanent = error instanceof PermanentFulfillmentError;
  const failed = permanent || attempts >= ctx.timings.maxFulfillmentAttempts;
  const message = describeError(error);
  await tx.fulfillmentTask.update({
    where: { id: task.id },
    data: {
      state: failed ? "FAILED" : "PENDING",
      attempts,
      lastError: message,
      nextAttemptAt: new Date(ctx.now().getTime() + fulfillmentBackoffMs(attempts)),
    },
  });
  // The stamp is bought and kept either way; the order says what went wrong in Shopify.
  await tx.frankingOrder.update({
    where: { id: task.batchOrderId },
    data: { error: `fulfillment: ${message}`.slice(0, 500) },
  });
}

async function runGroup(
  ctx: RunContext,
  batch: FrankingBatch,
  tasks: readonly FulfillmentTask[],
  budget: CostBudget,
  known: ReadonlyMap<string, string[][]>,
): Promise<void> {
  await ctx.renewLease();
  const vouchers = await ctx.db.voucher.findMany({
    where: { batchOrderId: { in: tasks.map((t) => t.batchOrderId) } },
  });
  const orders = tasks.map((task) => ({
    orderId: task.orderId,
    batchId: batch.id,
    vouchers: vouchers.filter((v) => v.batchOrderId === task.batchOrderId),
    // Only on the first attempt: a task tried before reads its fulfillment orders first.
    fulfillmentOrderIds: task.attempts === 0 ? known.get(task.batchOrderId) : undefined,
  }));
  const outcomes = await writeBackOrders(ctx.admin, orders, {
    tag: batch.tag,
    notifyCustomer: batch.notifyCustomer,
    sleep: ctx.sleep,
    budget,
  });
  // Lost access is the shop's, not the orders': the batch waits for the merchant, no attempt is counted.
  const lost = outcomes.find((o) => !o.ok && o.error instanceof ShopifyAccessLostError);
  if (lost && !lost.ok) throw lost.error;
  if (outcomes.some((o) => o.ok)) await passPoint(ctx, "after-fulfillment", { batchId: batch.id });
  // One transaction for the group: each one's native statements outlive it on SQLite (ADR 007).
  const outcomeOf = (i: number): WriteBackOutcome =>
    outcomes[i] ?? { ok: false, error: new Error("no outcome") };
  const done: { taskId: string; fulfillmentId: string | null }[] = [];
  const fulfilled: string[] = [];
  const refused: { task: FulfillmentTask; error: unknown }[] = [];
  for (const [i, task] of tasks.entries()) {
    const outcome = outcomeOf(i);
    if (outcome.ok) {
      done.push({ taskId: task.id, fulfillmentId: outcome.fulfillmentId });
      fulfilled.push(task.batchOrderId);
    } else refused.push({ task, error: outcome.error });
  }
  await ctx.db.$transaction(async (tx) => {
    await recordFulfilled(ctx, tx, done);
    for (const { task, error } of refused) await recordFailed(ctx, tx, task, error);
    if (fulfilled.length > 0)
      await tx.frankingOrder.updateMany({
        where: { id: { in: fulfilled } },
        data: { status: "FULFILLED", error: null },
      });
  }, TRANSACTION_OPTIONS);
}

/**
 * The fulfillment orders the confirm saw (stored with the bought carts' positions), read once per run for
 * the tasks on their first attempt: those are fulfilled without reading them first (ADR 021).
 */
async function knownFulfillmentOrders(
  ctx: RunContext,
  batch: FrankingBatch,
  tasks: readonly FulfillmentTask[],
): Promise<Map<string, string[][]>> {
  const first = new Set(tasks.filter((t) => t.attempts === 0).map((t) => t.batchOrderId));
  if (first.size === 0) return new Map();
  const carts = await ctx.db.frankingCart.findMany({
    where: { batchId: batch.id, state: "BOUGHT" },
    select: { positions: true },
  });
  const known = new Map<string, string[][]>();
  for (const cart of carts)
    for (const p of parsePositions(cart.positions))
      if (first.has(p.batchOrderId) && p.fulfillmentOrderIds)
        known.set(p.batchOrderId, p.fulfillmentOrderIds);
  return known;
}

/** Runs `work` over the items, `width` at a time; after a failure no new item starts, the running ones end. */
async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const queue = items[Symbol.iterator]();
  const failures: unknown[] = [];
  const lane = async () => {
    for (let step = queue.next(); !step.done && failures.length === 0; step = queue.next()) {
      try {
        await work(step.value);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  if (failures.length > 0) throw failures[0];
}

/** Runs the batch's due tasks; returns when the next pending one is due (null: none left). */
export async function runDueFulfillments(ctx: RunContext, batch: FrankingBatch): Promise<Date | null> {
  const due = await ctx.db.fulfillmentTask.findMany({
    where: { batchId: batch.id, state: "PENDING", nextAttemptAt: { lte: ctx.now() } },
    orderBy: { createdAt: "asc" },
  });
  const groups: FulfillmentTask[][] = [];
  for (let i = 0; i < due.length; i += METAFIELDS_PER_CALL)
    groups.push(due.slice(i, i + METAFIELDS_PER_CALL));
  const known = await knownFulfillmentOrders(ctx, batch, due);
  await inParallel(groups, GROUPS_AT_ONCE, async (group) => {
    const done = (await ctx.writeBackTurn?.()) ?? (() => undefined);
    try {
      await runGroup(ctx, batch, group, ctx.shopifyBudget, known);
    } finally {
      done();
    }
  });
  const next = await ctx.db.fulfillmentTask.findFirst({
    where: { batchId: batch.id, state: "PENDING" },
    orderBy: { nextAttemptAt: "asc" },
  });
  return next?.nextAttemptAt ?? null;
}
