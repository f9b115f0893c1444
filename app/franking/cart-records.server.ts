/**
 * The cart state transitions that touch the database. Every transition is a conditional update on the
 * cart's current state, so a step can only happen once, whichever worker tries it.
 */
import { randomUUID } from "node:crypto";
import { insertRows } from "~/db/insert-rows.server";
import type { FrankingCart } from "~/generated/prisma/sqlite/client";
import type { CartResult } from "~/internetmarke";
import { releaseClaims, type Tx } from "./claims.server";
import { TRANSACTION_OPTIONS, type RunContext } from "./context";
import { cartState, parsePositions, type CartPosition, type CartState } from "./model";
import { cartTotal } from "./plan";

async function moveCart(tx: Tx, cartId: string, from: CartState, data: Record<string, unknown>): Promise<boolean> {
  const moved = await tx.frankingCart.updateMany({ where: { id: cartId, state: from }, data });
  return moved.count === 1;
}

async function planCarts(tx: Tx, batchId: string, groups: readonly CartPosition[][], now: Date): Promise<void> {
  const last = await tx.frankingCart.findFirst({ where: { batchId }, orderBy: { sequence: "desc" }, select: { sequence: true } });
  let sequence = (last?.sequence ?? -1) + 1;
  for (const positions of groups.filter((g) => g.length > 0)) {
    const id = randomUUID();
    await tx.frankingCart.create({
      data: {
        id,
        batchId,
        sequence: sequence++,
        positions: JSON.stringify(positions),
        totalCents: cartTotal(positions),
        createManifest: positions.some((p) => p.registered),
        createdAt: now,
      },
    });
    await tx.frankingOrder.updateMany({ where: { id: { in: positions.map((p) => p.batchOrderId) } }, data: { cartId: id } });
  }
}

/** Stores the vouchers of a bought cart (checkout answer or reconciliation) and queues the Shopify work. */
export async function recordBought(ctx: RunContext, shopId: string, cart: FrankingCart, result: CartResult): Promise<void> {
  const positions = parsePositions(cart.positions);
  const now = ctx.now();
  await ctx.db.$transaction(async (tx) => {
    const missing = positions.length - result.vouchers.length;
    const moved = await moveCart(tx, cart.id, "CHECKOUT_SENT", {
      state: "BOUGHT",
      link: result.link,
      manifestLink: result.manifestLink,
      boughtAt: now,
      error: missing === 0 ? null : `The cart returned ${result.vouchers.length} vouchers for ${positions.length} positions`,
    });
    if (!moved) return;
    const bought = positions.flatMap((position, i) => {
      const voucher = result.vouchers[i];
      return voucher ? [{ position, voucher }] : [];
    });
    // One raw INSERT each (ADR 029); the columns Prisma would fill in are given.
    await insertRows(
      tx,
      "FulfillmentTask",
      bought.map(({ position }) => ({
        id: randomUUID(),
        batchOrderId: position.batchOrderId,
        batchId: cart.batchId,
        shopId,
        orderId: position.orderId,
        state: "PENDING",
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        fulfillmentId: null,
        doneAt: null,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await insertRows(
      tx,
      "Voucher",
      bought.map(({ position, voucher }) => ({
        id: randomUUID(),
        voucherId: voucher.voucherId,
        trackId: voucher.trackId,
        shopId,
        batchId: cart.batchId,
        cartId: cart.id,
        batchOrderId: position.batchOrderId,
        orderId: position.orderId,
        productCode: position.productCode,
        productName: position.productName,
        priceCents: position.priceCents,
        boughtAt: now,
        createdAt: now,
      })),
    );
    await tx.frankingOrder.updateMany({ where: { id: { in: bought.map(({ position }) => position.batchOrderId) } }, data: { status: "BOUGHT", error: null } });
    const unmatched = positions.slice(result.vouchers.length).map((p) => p.batchOrderId);
    // Money may have been spent for these: they keep their claim and say so.
    await tx.frankingOrder.updateMany({ where: { id: { in: unmatched } }, data: { status: "FAILED", error: "no_voucher_returned" } });
    if (moved) await recordBalance(tx, shopId, now, result.walletBalanceCents, cart.totalCents);
  }, TRANSACTION_OPTIONS);
}

/**
 * The shop's Portokasse balance after a purchase, so the next preview never shows money already spent:
 * the checkout's `walletBalance` when it gave one, else the stored balance less the cart's total (a
 * reconciled cart). A balance read later (a login) is never overwritten by an older one.
 */
export async function recordBalance(tx: Tx | RunContext["db"], shopId: string, now: Date, walletBalanceCents: number | null, spentCents: number) {
  const older = { shopId, OR: [{ balanceCheckedAt: null }, { balanceCheckedAt: { lte: now } }] };
  if (walletBalanceCents !== null) {
    await tx.portokasseAccount.updateMany({ where: older, data: { balanceCents: walletBalanceCents, balanceCheckedAt: now } });
  } else {
    await tx.portokasseAccount.updateMany({
      where: { ...older, balanceCents: { not: null } },
      data: { balanceCents: { decrement: spentCents }, balanceCheckedAt: now },
    });
  }
}

/** Nothing was bought with this cart: its positions go into fresh carts (one, or the given groups). */
export async function replan(
  ctx: RunContext,
  cart: FrankingCart,
  reason: string,
  groups: CartPosition[][] = [parsePositions(cart.positions)],
): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const moved = await moveCart(tx, cart.id, cartState(cart.state), { state: "NOT_BOUGHT", error: reason });
    if (moved) await planCarts(tx, cart.batchId, groups, ctx.now());
  }, TRANSACTION_OPTIONS);
}

/**
 * Nothing was bought with this cart and some (or all) of its orders cannot be bought: those fail and
 * are given back; the others go into a fresh cart.
 */
export async function failPositions(
  ctx: RunContext,
  cart: FrankingCart,
  failing: ReadonlySet<string>,
  error: string,
): Promise<void> {
  const positions = parsePositions(cart.positions);
  const failed = positions.filter((p) => failing.has(p.batchOrderId));
  const rest = positions.filter((p) => !failing.has(p.batchOrderId));
  await ctx.db.$transaction(async (tx) => {
    const moved = await moveCart(tx, cart.id, cartState(cart.state), { state: "NOT_BOUGHT", error });
    if (!moved) return;
    await tx.frankingOrder.updateMany({ where: { id: { in: failed.map((p) => p.batchOrderId) } }, data: { status: "FAILED", error } });
    await releaseClaims(tx, cart.batchId, failed.map((p) => p.orderId));
    await planCarts(tx, cart.batchId, [rest], ctx.now());
  }, TRANSACTION_OPTIONS);
}

/**
 * Ends buying for the batch: carts not yet sent are dropped, their orders fail and are given back.
 * A cart whose checkout was sent is left alone (it is reconciled first).
 */
export async function stopBuying(ctx: RunContext, batchId: string, reason: string, missingCents: number | null) {
  await ctx.db.$transaction(async (tx) => {
    const open = await tx.frankingCart.findMany({ where: { batchId, state: { in: ["PLANNED", "INITIALIZED"] } } });
    const orderIds = open.flatMap((cart) => parsePositions(cart.positions));
    await tx.frankingCart.updateMany({ where: { id: { in: open.map((c) => c.id) } }, data: { state: "NOT_BOUGHT", error: reason } });
    await tx.frankingOrder.updateMany({
      where: { id: { in: orderIds.map((p) => p.batchOrderId) }, status: "QUEUED" },
      data: { status: "FAILED", error: reason },
    });
    await releaseClaims(tx, batchId, orderIds.map((p) => p.orderId));
    await tx.frankingBatch.update({ where: { id: batchId }, data: { stopReason: reason, missingCents } });
  }, TRANSACTION_OPTIONS);
}
