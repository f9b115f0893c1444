/**
 * One cart's way through INTERNETMARKE (ADR 004): init and store the shopOrderId, mark the checkout as
 * sent, send it once, record the answer. An unclear answer (or a crash found later) is reconciled with
 * retrieveCart after a pause; a checkout is never sent twice.
 */
import type { FrankingBatch, FrankingCart } from "~/generated/prisma/sqlite/client";
import {
  AuthenticationError,
  InsufficientBalanceError,
  InternetmarkeError,
  InvalidProductError,
  InvalidShopOrderIdError,
  InvalidTotalError,
  PermissionDeniedError,
  RateLimitedError,
  TooManyPositionsError,
  ValidationError,
  type CartResult,
} from "~/internetmarke";
import { failPositions, recordBought, replan } from "./cart-records.server";
import { LeaseLostError, passPoint, StopBuying, type RunContext } from "./context";
import { parsePositions, type CartPosition } from "./model";
import { PNG_STAMP_DPI } from "~/labels";
import { cartSlots, packCarts, splitInTwo } from "./plan";

/** Builds the checkout call without sending it (so nothing can fail between "sent" and sending). */
function prepareCheckout(ctx: RunContext, batch: FrankingBatch, cart: FrankingCart, shopOrderId: string): () => Promise<CartResult> {
  const positions = parsePositions(cart.positions);
  const totalCents = cart.totalCents;
  const manifest = positions.some((p) => p.registered) ? { createManifest: true } : {};
  const common = (p: CartPosition) => ({
    productCode: p.productCode,
    voucherLayout: p.voucherLayout,
    ...(batch.imageId === null ? {} : { imageId: batch.imageId }),
    ...(p.address === null ? {} : { address: p.address }),
  });
  if (batch.labelFormat === "PNG") {
    // The resolution is sent, not left to Deutsche Post's default, so the labels ready to stick put each
    // stamp at its real size (ADR 023, PNG_STAMP_DPI).
    const request = { shopOrderId, totalCents, dpi: PNG_STAMP_DPI, ...manifest, positions: positions.map(common) };
    return () => ctx.portokasse.checkoutPng(request);
  }
  const pageFormatId = batch.pageFormatId;
  if (pageFormatId === null) throw new Error(`Batch ${batch.id} has no page format`);
  const slots = cartSlots(positions);
  const request = {
    shopOrderId,
    totalCents,
    pageFormatId,
    ...manifest,
    positions: positions.map((p, i) => ({ ...common(p), position: slots[i] ?? { labelX: 1, labelY: 1, page: 1 } })),
  };
  return () => ctx.portokasse.checkoutPdf(request);
}

/** `positions.3.address...` in a validation error names the stamp the server refused. */
function refusedPositions(error: ValidationError, positions: CartPosition[]): Set<string> {
  const indexes = error.fields.flatMap((f) => {
    const match = /^positions\.(\d+)\./.exec(f.path);
    return match ? [Number(match[1])] : [];
  });
  return new Set(indexes.flatMap((i) => (positions[i] ? [positions[i].batchOrderId] : [])));
}

/** The checkout was answered with a refusal: nothing was bought. Decide what happens to the positions. */
async function refused(ctx: RunContext, cart: FrankingCart, error: InternetmarkeError): Promise<void> {
  const positions = parsePositions(cart.positions);
  const all = new Set(positions.map((p) => p.batchOrderId));
  if (error instanceof InsufficientBalanceError) {
    await replan(ctx, cart, error.code);
    throw new StopBuying("insufficient_balance");
  }
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
    await replan(ctx, cart, error.code);
    throw new StopBuying(error.code);
  }
  if (error instanceof TooManyPositionsError && positions.length > 1) {
    const half = Math.ceil(positions.length / 2);
    await ctx.db.frankingBatch.updateMany({ where: { id: cart.batchId, maxPositionsPerCart: { gt: half } }, data: { maxPositionsPerCart: half } });
    await replan(ctx, cart, error.code, splitInTwo(positions));
    return;
  }
  if (error instanceof RateLimitedError) {
    await replan(ctx, cart, error.code);
    await ctx.sleep(Math.max(1, error.retryAfterSeconds ?? 1) * 1000);
    return;
  }
  if (error instanceof ValidationError) {
    const named = refusedPositions(error, positions);
    await failPositions(ctx, cart, named.size > 0 ? named : all, `${error.code}: ${error.message}`.slice(0, 300));
    return;
  }
  if (error instanceof InvalidTotalError || error instanceof InvalidProductError || error instanceof TooManyPositionsError) {
    await failPositions(ctx, cart, all, error.code);
    return;
  }
  // Any other definite refusal: nothing happened; try again later with a fresh cart.
  await replan(ctx, cart, error.code);
  throw error;
}

/** The outcome is unknown: wait until the server cannot still be working on it, then ask. */
export async function reconcile(ctx: RunContext, shopId: string, cart: FrankingCart): Promise<void> {
  if (cart.shopOrderId === null) throw new Error(`Cart ${cart.id} was sent without a shopOrderId`);
  const sentAt = cart.checkoutSentAt?.getTime() ?? ctx.now().getTime();
  const wait = sentAt + ctx.timings.reconcileDelayMs - ctx.now().getTime();
  if (wait > 0) await ctx.sleep(wait);
  await ctx.renewLease();
  const found = await ctx.portokasse.retrieveCart(cart.shopOrderId);
  if (found.bought) await recordBought(ctx, shopId, cart, found.cart);
  else await replan(ctx, cart, "not_bought");
}

async function initialize(ctx: RunContext, cart: FrankingCart): Promise<FrankingCart> {
  const shopOrderId = await ctx.portokasse.initCart();
  await passPoint(ctx, "after-init-cart", { batchId: cart.batchId, cartId: cart.id });
  const moved = await ctx.db.frankingCart.updateMany({ where: { id: cart.id, state: "PLANNED" }, data: { state: "INITIALIZED", shopOrderId } });
  if (moved.count !== 1) throw new LeaseLostError(cart.batchId);
  await passPoint(ctx, "after-shop-order-id", { batchId: cart.batchId, cartId: cart.id });
  return { ...cart, state: "INITIALIZED", shopOrderId };
}

async function send(ctx: RunContext, batch: FrankingBatch, cart: FrankingCart): Promise<void> {
  if (cart.shopOrderId === null) throw new Error(`Cart ${cart.id} has no shopOrderId`);
  const call = prepareCheckout(ctx, batch, cart, cart.shopOrderId);
  await ctx.renewLease();
  const sentAt = ctx.now();
  // The fence: only one process can move INITIALIZED -> CHECKOUT_SENT, and only that one sends.
  const moved = await ctx.db.frankingCart.updateMany({ where: { id: cart.id, state: "INITIALIZED" }, data: { state: "CHECKOUT_SENT", checkoutSentAt: sentAt } });
  if (moved.count !== 1) throw new LeaseLostError(batch.id);
  const sent: FrankingCart = { ...cart, state: "CHECKOUT_SENT", checkoutSentAt: sentAt };
  await passPoint(ctx, "before-checkout", { batchId: batch.id, cartId: cart.id });
  let result: CartResult;
  try {
    result = await call();
  } catch (error) {
    if (error instanceof InternetmarkeError && !error.outcomeUnknown && !(error instanceof InvalidShopOrderIdError)) {
      return refused(ctx, sent, error);
    }
    if (!(error instanceof InternetmarkeError)) throw error;
    return reconcile(ctx, batch.shopId, sent);
  }
  await passPoint(ctx, "after-checkout", { batchId: batch.id, cartId: cart.id });
  await recordBought(ctx, batch.shopId, sent, result);
  await passPoint(ctx, "after-record", { batchId: batch.id, cartId: cart.id });
}

/**
 * Orders left out after their cart was planned (a cancelled order: app/refunds marks it SKIPPED) do not go
 * into a checkout: right before it is sent, a cart is replanned without them.
 */
async function dropSkipped(ctx: RunContext, cart: FrankingCart): Promise<boolean> {
  const positions = parsePositions(cart.positions);
  const skipped = await ctx.db.frankingOrder.findMany({ where: { id: { in: positions.map((p) => p.batchOrderId) }, status: "SKIPPED" }, select: { id: true } });
  if (skipped.length === 0) return false;
  const left = new Set(skipped.map((o) => o.id));
  await replan(ctx, cart, "orders_skipped", [positions.filter((p) => !left.has(p.batchOrderId))]);
  return true;
}

/** Moves one cart that is not yet settled one or more steps forward. */
export async function advanceCart(ctx: RunContext, batch: FrankingBatch, cart: FrankingCart): Promise<void> {
  if (cart.state === "PLANNED") {
    const positions = parsePositions(cart.positions);
    if (positions.length > batch.maxPositionsPerCart) {
      await replan(ctx, cart, "split", packCarts(positions, batch.maxPositionsPerCart));
      return;
    }
    const initialized = await initialize(ctx, cart);
    if (await dropSkipped(ctx, initialized)) return;
    return send(ctx, batch, initialized);
  }
  if (cart.state === "INITIALIZED") return (await dropSkipped(ctx, cart)) ? undefined : send(ctx, batch, cart);
  if (cart.state === "CHECKOUT_SENT") return reconcile(ctx, batch.shopId, cart);
}
