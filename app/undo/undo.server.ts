/**
 * "Frankierung stornieren": for each chosen order, in one step, the stamp's Retoure is filed through the
 * refund machinery (app/refunds: recorded before it is sent, one per voucher, followed to Deutsche Post's
 * confirmation by the refund worker), the fulfillment the app created is cancelled in Shopify and the app's
 * tag removed. One FrankingUndo row per franked order (batchOrderId UNIQUE) is written before anything
 * else, so a second click, a second tab or a concurrent request finds it and only finishes what is left.
 */
import type { Db } from "~/db.server";
import { isUniqueViolation } from "~/db/errors";
import { fileRefunds } from "~/refunds/file-refunds.server";
import type { AdminGraphql } from "~/shopify/graphql.server";
import { appFulfillment, refusalFor, type UndoOutcome } from "./model";
import { cancelFulfillment, readOrderForUndo, removeTag } from "./shopify.server";

export interface UndoDeps {
  db: Db;
  admin: AdminGraphql;
  now?: () => Date;
  /** Waiting for Shopify's cost bucket (default: a timer). */
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/** The franked order as the app recorded it: its stamp, batch tag and fulfillment. */
async function frankedOrder(db: Db, shopId: string, orderId: string) {
  return db.frankingOrder.findFirst({
    where: { shopId, orderId, voucher: { isNot: null } },
    orderBy: { createdAt: "desc" },
    include: {
      voucher: true,
      fulfillmentTask: { select: { fulfillmentId: true } },
      batch: { select: { tag: true } },
    },
  });
}

/** The undo row of this franked order: created now, or the one an earlier (or concurrent) request wrote. */
async function claimUndo(
  db: Db,
  data: {
    shopId: string;
    orderId: string;
    orderName: string;
    batchId: string;
    batchOrderId: string;
    voucherId: string;
    source: "MERCHANT" | "SHOPIFY";
    state: string;
    fulfillmentId: string | null;
    now: Date;
  },
) {
  try {
    const { now, ...row } = data;
    return { row: await db.frankingUndo.create({ data: { ...row, createdAt: now } }), created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return {
      row: await db.frankingUndo.findUniqueOrThrow({ where: { batchOrderId: data.batchOrderId } }),
      created: false,
    };
  }
}

/** True when no write-back of this order is pending any more (none, or it was stopped now). */
async function stopPendingFulfillment(db: Db, batchOrderId: string, now: Date): Promise<boolean> {
  const task = await db.fulfillmentTask.findUnique({
    where: { batchOrderId },
    select: { id: true, state: true },
  });
  if (task?.state !== "PENDING") return true;
  const stopped = await db.fulfillmentTask.updateMany({
    where: { id: task.id, state: "PENDING", nextAttemptAt: { gt: now } },
    data: { state: "UNDONE", lastError: "franking undone" },
  });
  return stopped.count === 1;
}

/** Files the stamp's Retoure (once: Refund.voucherId is unique) and marks the undo as filed. */
export async function fileUndoRefund(
  db: Db,
  undo: { id: string; shopId: string; voucherId: string },
  now: Date,
): Promise<string[]> {
  const filed = await fileRefunds(db, {
    shopId: undo.shopId,
    voucherIds: [undo.voucherId],
    source: "UNDO",
    now,
  });
  await db.frankingUndo.updateMany({ where: { id: undo.id, state: "OFFERED" }, data: { state: "FILED" } });
  await db.frankingUndo.updateMany({ where: { id: undo.id, filedAt: null }, data: { filedAt: now } });
  return filed.refunds.map((r) => r.refundId);
}

async function undoOne(deps: UndoDeps, shopId: string, orderId: string, now: Date): Promise<UndoOutcome> {
  const { db, admin } = deps;
  const call = { sleep: deps.sleep ?? wait };
  const franked = await frankedOrder(db, shopId, orderId);
  const voucher = franked?.voucher;
  if (!franked || !voucher) return { orderId, orderName: null, result: "refused", reason: "not_franked" };
  const base = { orderId, orderName: franked.orderName };
  const existing = await db.frankingUndo.findUnique({ where: { batchOrderId: franked.id } });
  if (existing?.state === "DONE") {
    const refund = await db.refund.findUnique({
      where: { voucherId: voucher.voucherId },
      select: { id: true },
    });
    return { ...base, result: "already_undone", refundIds: refund ? [refund.id] : [] };
  }
  const shopOrder = await readOrderForUndo(admin, orderId, call);
  const fulfillment = appFulfillment(
    shopOrder?.fulfillments ?? [],
    existing?.fulfillmentId ?? franked.fulfillmentTask?.fulfillmentId ?? null,
    voucher.trackId ? [voucher.trackId] : [],
  );
  if (!existing || existing.state === "OFFERED") {
    // Checked before any money moves; an undo already filed is only finished.
    const reason = refusalFor({ boughtAt: voucher.boughtAt, now, fulfillment });
    if (reason) return { ...base, result: "refused", reason };
  }
  if (!existing || existing.state === "OFFERED") {
    // A write-back to Shopify that has not happened yet must not happen after the undo: it is stopped,
    // unless it is due now (a worker may be writing it this moment), then the merchant asks again shortly.
    const stopped = await stopPendingFulfillment(db, franked.id, now);
    if (!stopped) return { ...base, result: "refused", reason: "being_fulfilled" };
  }
  const { row } = existing
    ? { row: existing }
    : await claimUndo(db, {
        shopId,
        orderId,
        orderName: franked.orderName,
        batchId: franked.batchId,
        batchOrderId: franked.id,
        voucherId: voucher.voucherId,
        source: "MERCHANT",
        state: "FILED",
        fulfillmentId: fulfillment?.id ?? null,
        now,
      });
  const refundIds = await fileUndoRefund(db, row, now);
  try {
    if (fulfillment) await cancelFulfillment(admin, fulfillment, call);
    // Batches since ADR 021 write no tag.
    if (shopOrder && franked.batch.tag !== "") await removeTag(admin, orderId, franked.batch.tag, call);
  } catch (error) {
    const message = describe(error);
    await db.frankingUndo.update({
      where: { id: row.id },
      data: { shopifyError: message, attempts: { increment: 1 } },
    });
    return { ...base, result: "shopify_pending", refundIds, error: message };
  }
  const finished = await db.frankingUndo.updateMany({
    where: { id: row.id, state: { not: "DONE" } },
    data: {
      state: "DONE",
      doneAt: now,
      shopifyError: null,
      fulfillmentId: fulfillment?.id ?? row.fulfillmentId,
      attempts: { increment: 1 },
    },
  });
  return { ...base, result: finished.count === 1 ? "undone" : "already_undone", refundIds };
}

/**
 * Undoes the franking of these orders (Shopify order gids) of one shop, one after the other; one order's
 * refusal or failure does not stop the others. Call kickRefundWorkers() afterwards so the Retoure is sent.
 */
export async function undoFranking(
  deps: UndoDeps,
  shopId: string,
  orderIds: readonly string[],
): Promise<UndoOutcome[]> {
  const now = (deps.now ?? (() => new Date()))();
  const outcomes: UndoOutcome[] = [];
  for (const orderId of [...new Set(orderIds)]) {
    try {
      outcomes.push(await undoOne(deps, shopId, orderId, now));
    } catch (error) {
      // Nothing was filed for this order, or what was filed is found again on the next request.
      outcomes.push({ orderId, orderName: null, result: "failed", error: describe(error) });
    }
  }
  return outcomes;
}
