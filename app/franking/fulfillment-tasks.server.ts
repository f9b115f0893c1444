/**
 * The fulfillment tasks of a batch: due tasks run in groups (one metafieldsSet per group, a
 * fulfillmentCreate per order, a read of the fulfillment orders only where the confirm's are not known
 * or Shopify refused them), several groups at once, every call inside the shop's cost
 * budget. A failure keeps the voucher and schedules the task's next attempt with backoff; after too many
 * attempts (or a cancelled order) the task is FAILED.
 */
import type { FrankingBatch, FulfillmentTask } from "~/generated/prisma/sqlite/client";
import { describeError, passPoint, TRANSACTION_OPTIONS, type RunContext } from "./context";
import type { Tx } from "./claims.server";
import { parsePositions } from "./model";
import { METAFIELDS_PER_CALL, PermanentFulfillmentError, writeBackOrders, type WriteBackOutcome } from "./fulfill.server";
import type { CostBudget } from "~/shopify/cost-budget.server";
import { ShopifyAccessLostError } from "~/shopify/offline-admin.server";

/** Groups written at the same time; their calls share the shop's budget (at most 8 in flight). */
const GROUPS_AT_ONCE = 4;

/** 30 s, 1 min, 2 min, ... capped at one hour. */
export function fulfillmentBackoffMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Records one task's outcome (a group's go in one transaction). A fulfilled order's own row is marked with
 * the group's others in one statement (runGroup).
 */
async function record(ctx: RunContext, tx: Tx, task: FulfillmentTask, outcome: WriteBackOutcome): Promise<void> {
  if (outcome.ok) {
    await tx.fulfillmentTask.update({
      where: { id: task.id },
      data: { state: "DONE", attempts: task.attempts + 1, fulfillmentId: outcome.fulfillmentId, doneAt: ctx.now(), lastError: null },
    });
    return;
  }
  const attempts = task.attempts + 1;
  const permanent = outcome.error instanceof PermanentFulfillmentError;
  const failed = permanent || attempts >= ctx.timings.maxFulfillmentAttempts;
  const message = describeError(outcome.error);
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
  await tx.frankingOrder.update({ where: { id: task.batchOrderId }, data: { error: `fulfillment: ${message}`.slice(0, 500) } });
}

async function runGroup(
  ctx: RunContext,
  batch: FrankingBatch,
  tasks: readonly FulfillmentTask[],
  budget: CostBudget,
  known: ReadonlyMap<string, string[][]>,
): Promise<void> {
  await ctx.renewLease();
  const vouchers = await ctx.db.voucher.findMany({ where: { batchOrderId: { in: tasks.map((t) => t.batchOrderId) } } });
  const orders = tasks.map((task) => ({
    orderId: task.orderId,
    batchId: batch.id,
    vouchers: vouchers.filter((v) => v.batchOrderId === task.batchOrderId),
    // Only on the first attempt: a task tried before reads its fulfillment orders first.
    fulfillmentOrderIds: task.attempts === 0 ? known.get(task.batchOrderId) : undefined,
  }));
  const outcomes = await writeBackOrders(ctx.admin, orders, { tag: batch.tag, notifyCustomer: batch.notifyCustomer, sleep: ctx.sleep, budget });
  // Lost access is the shop's, not the orders': the batch waits for the merchant, no attempt is counted.
  const lost = outcomes.find((o) => !o.ok && o.error instanceof ShopifyAccessLostError);
  if (lost && !lost.ok) throw lost.error;
  if (outcomes.some((o) => o.ok)) await passPoint(ctx, "after-fulfillment", { batchId: batch.id });
  // One transaction for the group: each one's native statements outlive it on SQLite (ADR 007).
  const outcomeOf = (i: number): WriteBackOutcome => outcomes[i] ?? { ok: false, error: new Error("no outcome") };
  const fulfilled = tasks.filter((_, i) => outcomeOf(i).ok).map((task) => task.batchOrderId);
  await ctx.db.$transaction(async (tx) => {
    for (const [i, task] of tasks.entries()) await record(ctx, tx, task, outcomeOf(i));
    if (fulfilled.length > 0)
      await tx.frankingOrder.updateMany({ where: { id: { in: fulfilled } }, data: { status: "FULFILLED", error: null } });
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
  const carts = await ctx.db.frankingCart.findMany({ where: { batchId: batch.id, state: "BOUGHT" }, select: { positions: true } });
  const known = new Map<string, string[][]>();
  for (const cart of carts)
    for (const p of parsePositions(cart.positions))
      if (first.has(p.batchOrderId) && p.fulfillmentOrderIds) known.set(p.batchOrderId, p.fulfillmentOrderIds);
  return known;
}

/** Runs `work` over the items, `width` at a time; after a failure no new item starts, the running ones end. */
async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
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
  for (let i = 0; i < due.length; i += METAFIELDS_PER_CALL) groups.push(due.slice(i, i + METAFIELDS_PER_CALL));
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
