/**
 * One run over a batch, resumable at any point: check the balance (once, before anything is bought),
 * move every cart to BOUGHT or NOT_BOUGHT, store the label files, write the bought orders back to
 * Shopify, then finish. Everything it knows is read from the database, so a new run after a crash
 * continues where the last one stopped.
 */
import type { FrankingBatch } from "~/generated/prisma/sqlite/client";
import { AuthenticationError, InsufficientBalanceError, PermissionDeniedError } from "~/internetmarke";
import { advanceCart } from "./buy-cart.server";
import { recordBalance, stopBuying } from "./cart-records.server";
import { describeError, StopBuying, type RunContext } from "./context";
import { runDueFulfillments } from "./fulfillment-tasks.server";
import { storeLabels } from "./labels.server";
import { repriceBeforeBuying } from "./reprice.server";
import type { BatchStatus } from "./model";

export type RunOutcome =
  | { kind: "finished"; status: BatchStatus }
  | { kind: "later"; at: Date }
  /** Waits for the merchant (new prices to confirm); looked at again once confirmed. */
  | { kind: "waiting" };

const batchOf = (ctx: RunContext, id: string) => ctx.db.frankingBatch.findUniqueOrThrow({ where: { id } });

async function openTotal(ctx: RunContext, batchId: string): Promise<number> {
  const open = await ctx.db.frankingCart.aggregate({
    where: { batchId, state: { in: ["PLANNED", "INITIALIZED"] } },
    _sum: { totalCents: true },
  });
  return open._sum.totalCents ?? 0;
}

function asStop(error: unknown): StopBuying | null {
  if (error instanceof StopBuying) return error;
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) return new StopBuying(error.code);
  if (error instanceof InsufficientBalanceError) return new StopBuying("insufficient_balance");
  return null;
}

/** A fresh login before anything is bought: not enough money stops the batch with the amount missing. */
async function checkBalance(ctx: RunContext, batch: FrankingBatch): Promise<void> {
  if (batch.balanceCheckedAt !== null || batch.stopReason !== null) return;
  const started = await ctx.db.frankingCart.count({ where: { batchId: batch.id, state: { notIn: ["PLANNED", "NOT_BOUGHT"] } } });
  if (started > 0) return;
  const { walletBalanceCents } = await ctx.portokasse.login();
  const total = await openTotal(ctx, batch.id);
  await ctx.db.frankingBatch.update({
    where: { id: batch.id },
    data: { balanceCents: walletBalanceCents, balanceCheckedAt: ctx.now(), startedAt: batch.startedAt ?? ctx.now() },
  });
  if (walletBalanceCents !== null) await recordBalance(ctx.db, batch.shopId, ctx.now(), walletBalanceCents, 0);
  if (walletBalanceCents !== null && walletBalanceCents < total) {
    throw new StopBuying("insufficient_balance", total - walletBalanceCents);
  }
}

/** What is missing after the server refused for lack of money mid-batch (best effort). */
async function missingNow(ctx: RunContext, batchId: string): Promise<number | null> {
  const total = await openTotal(ctx, batchId);
  try {
    const { walletBalanceCents } = await ctx.portokasse.login();
    const batch = await ctx.db.frankingBatch.findUnique({ where: { id: batchId }, select: { shopId: true } });
    if (batch && walletBalanceCents !== null) await recordBalance(ctx.db, batch.shopId, ctx.now(), walletBalanceCents, 0);
    return walletBalanceCents === null ? null : Math.max(0, total - walletBalanceCents);
  } catch {
    return null;
  }
}

async function stop(ctx: RunContext, batchId: string, reason: StopBuying): Promise<void> {
  const missing =
    reason.reason === "insufficient_balance" ? (reason.missingCents ?? (await missingNow(ctx, batchId))) : null;
  await stopBuying(ctx, batchId, reason.reason, missing);
}

async function buyAll(ctx: RunContext, batchId: string): Promise<void> {
  try {
    await checkBalance(ctx, await batchOf(ctx, batchId));
  } catch (error) {
    const reason = asStop(error);
    if (!reason) throw error;
    await stop(ctx, batchId, reason);
  }
  for (;;) {
    const batch = await batchOf(ctx, batchId);
    const states = batch.stopReason === null ? ["PLANNED", "INITIALIZED", "CHECKOUT_SENT"] : ["CHECKOUT_SENT"];
    const cart = await ctx.db.frankingCart.findFirst({ where: { batchId, state: { in: states } }, orderBy: { sequence: "asc" } });
    if (!cart) return;
    try {
      await advanceCart(ctx, batch, cart);
    } catch (error) {
      const reason = asStop(error);
      // A sent checkout must be settled before anything else: retry it later.
      if (!reason || cart.state === "CHECKOUT_SENT") throw error;
      await stop(ctx, batchId, reason);
    }
    await ctx.renewLease();
  }
}

/**
 * Stores the label files of bought carts. A download that keeps failing does not hold the batch up for
 * ever: after the last attempt the cart is noted and the file is fetched again when it is asked for.
 */
async function storeAllLabels(ctx: RunContext, batchId: string): Promise<void> {
  const { attempts } = await batchOf(ctx, batchId);
  const carts = await ctx.db.frankingCart.findMany({ where: { batchId, state: "BOUGHT", fetchedAt: null, error: null }, orderBy: { sequence: "asc" } });
  for (const cart of carts) {
    try {
      await storeLabels(ctx, cart);
    } catch (error) {
      if (attempts + 1 < ctx.timings.maxBatchAttempts) throw error;
      await ctx.db.frankingCart.update({ where: { id: cart.id }, data: { error: `labels: ${describeError(error)}`.slice(0, 500) } });
    }
    await ctx.renewLease();
  }
}

async function finalStatus(ctx: RunContext, batch: FrankingBatch): Promise<BatchStatus> {
  if (batch.stopReason === "insufficient_balance") return "INSUFFICIENT_FUNDS";
  const bought = await ctx.db.voucher.count({ where: { batchId: batch.id } });
  const failed = await ctx.db.frankingOrder.count({ where: { batchId: batch.id, status: "FAILED" } });
  return bought === 0 && (failed > 0 || batch.stopReason !== null) ? "FAILED" : "DONE";
}

export async function runBatch(ctx: RunContext, batchId: string): Promise<RunOutcome> {
  if (ctx.currentPrices) {
    const batch = await batchOf(ctx, batchId);
    if (batch.stopReason === null && (await repriceBeforeBuying(ctx.db, batch, await ctx.currentPrices())) === "dearer") {
      return { kind: "waiting" };
    }
  }
  await buyAll(ctx, batchId);
  await storeAllLabels(ctx, batchId);
  const batch = await batchOf(ctx, batchId);
  ctx.onWriteBack?.();
  const next = await runDueFulfillments(ctx, batch);
  if (next !== null) return { kind: "later", at: next };
  const status = await finalStatus(ctx, batch);
  await ctx.db.frankingBatch.update({ where: { id: batchId }, data: { status, finishedAt: ctx.now(), error: null } });
  return { kind: "finished", status };
}
