/**
 * Creating a batch from a confirmed preview: the orders are claimed, priced positions get their label
 * slots and are packed into planned carts, all in one transaction. Orders that cannot be franked are
 * kept as SKIPPED with their reason and never block the rest.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "~/db.server";
import type { LabelGrid } from "~/internetmarke";
import { isUniqueViolation } from "~/db/errors";
import { insertRows } from "~/db/insert-rows.server";
import { claimedElsewhere, type Tx } from "./claims.server";
import {
  isRegisteredProduct,
  ORDER_GID,
  type CartPosition,
  type LabelFormat,
  type LeftOutOrder,
  type PricedOrder,
  type VoucherLayout,
} from "./model";
import { cartTotal, packCarts, slotsFor } from "./plan";

export interface BatchOptions {
  labelFormat: LabelFormat;
  /** Required for PDF: the page format and its grid (`gridOf(pageFormat)`). */
  pageFormat: { id: number; grid: LabelGrid } | null;
  layout: VoucherLayout;
  /** 1-based cell of the first page to start at (a partly used label sheet). */
  startPosition: number;
  imageId?: number | null;
  maxPositionsPerCart: number;
  notifyCustomer: boolean;
  tag: string;
}

export interface CreateBatchInput {
  shopId: string;
  orders: readonly PricedOrder[];
  leftOut?: readonly LeftOutOrder[];
  options: BatchOptions;
  now: Date;
}

export interface CreatedBatch {
  batchId: string;
  queued: number;
  skipped: LeftOutOrder[];
}

const MAX_CLAIM_ATTEMPTS = 5;

function problemOf(order: PricedOrder, layout: VoucherLayout): string | null {
  if (!ORDER_GID.test(order.orderId)) return "invalid_order_id";
  if (!Number.isInteger(order.productCode) || order.productCode < 1) return "invalid_product";
  if (!Number.isInteger(order.priceCents) || order.priceCents < 0) return "invalid_price";
  if ((order.layout ?? layout) === "ADDRESS_ZONE" && order.address === null) return "no_address";
  return null;
}

function checkOptions(options: BatchOptions): void {
  if (options.labelFormat === "PDF" && options.pageFormat === null) throw new RangeError("A PDF batch needs a page format");
  if (!Number.isInteger(options.maxPositionsPerCart) || options.maxPositionsPerCart < 1) {
    throw new RangeError("maxPositionsPerCart must be a whole number >= 1");
  }
  if (options.pageFormat) slotsFor(options.pageFormat.grid, 0, options.startPosition);
}

/** Splits the input into orders to buy and orders left out (with reasons), first occurrence wins. */
async function sortOut(tx: Tx, input: CreateBatchInput) {
  const seen = new Set<string>();
  const skipped: LeftOutOrder[] = [];
  const candidates: PricedOrder[] = [];
  for (const left of input.leftOut ?? []) {
    if (seen.has(left.orderId)) continue;
    seen.add(left.orderId);
    skipped.push(left);
  }
  for (const order of input.orders) {
    if (seen.has(order.orderId)) continue;
    seen.add(order.orderId);
    const problem = problemOf(order, input.options.layout);
    if (problem) skipped.push({ orderId: order.orderId, orderName: order.orderName, reason: problem });
    else candidates.push(order);
  }
  const taken = await claimedElsewhere(tx, input.shopId, candidates.map((o) => o.orderId));
  const queued = candidates.filter((o) => !taken.has(o.orderId));
  for (const order of candidates) {
    const claim = taken.get(order.orderId);
    if (claim) skipped.push({ orderId: order.orderId, orderName: order.orderName, reason: claim.reason });
  }
  return { queued, skipped };
}

function positionsOf(queued: PricedOrder[], ids: string[], options: BatchOptions): CartPosition[] {
  const slots = options.pageFormat ? slotsFor(options.pageFormat.grid, queued.length, options.startPosition) : [];
  return queued.map((order, i) => ({
    batchOrderId: ids[i] ?? "",
    orderId: order.orderId,
    productCode: order.productCode,
    productName: order.productName,
    priceCents: order.priceCents,
    registered: order.registered ?? isRegisteredProduct(order.productName),
    voucherLayout: order.layout ?? options.layout,
    address: (order.layout ?? options.layout) === "ADDRESS_ZONE" ? order.address : null,
    slot: options.labelFormat === "PDF" ? (slots[i] ?? null) : null,
    ...(order.fulfillmentOrderIds ? { fulfillmentOrderIds: order.fulfillmentOrderIds } : {}),
  }));
}

async function insert(tx: Tx, input: CreateBatchInput): Promise<CreatedBatch> {
  const { options, now, shopId } = input;
  const { queued, skipped } = await sortOut(tx, input);
  const batchId = randomUUID();
  const ids = queued.map(() => randomUUID());
  const positions = positionsOf(queued, ids, options);
  const empty = queued.length === 0;
  await tx.frankingBatch.create({
    data: {
      id: batchId,
      shopId,
      status: empty ? "DONE" : "QUEUED",
      labelFormat: options.labelFormat,
      pageFormatId: options.labelFormat === "PDF" ? (options.pageFormat?.id ?? null) : null,
      gridColumns: options.pageFormat?.grid.labelX ?? null,
      gridRows: options.pageFormat?.grid.labelY ?? null,
      startPosition: options.startPosition,
      layout: options.layout,
      imageId: options.imageId ?? null,
      maxPositionsPerCart: options.maxPositionsPerCart,
      notifyCustomer: options.notifyCustomer,
      tag: options.tag,
      totalCents: cartTotal(positions),
      createdAt: now,
      finishedAt: empty ? now : null,
    },
  });
  const carts = packCarts(positions, options.maxPositionsPerCart).map((cart, sequence) => ({ id: randomUUID(), sequence, cart }));
  const cartOf = new Map(carts.flatMap(({ id, cart }) => cart.map((p) => [p.batchOrderId, id] as const)));
  // The per-order rows in raw INSERTs (ADR 029): every column given, as Prisma's createMany would fill them.
  const orderRow = {
    productCode: null,
    productName: null,
    priceCents: null,
    registered: false,
    address: null,
    labelAddress: null,
    reason: null,
    error: null,
    cartId: null,
    sweepFinding: null,
    createdAt: now,
    updatedAt: now,
  };
  await insertRows(tx, "FrankingOrder", [
    ...queued.map((order, i) => ({
      ...orderRow,
      id: ids[i] ?? randomUUID(),
      batchId,
      shopId,
      orderId: order.orderId,
      orderName: order.orderName,
      productCode: order.productCode,
      productName: order.productName,
      priceCents: order.priceCents,
      registered: positions[i]?.registered ?? false,
      address: order.address === null ? null : JSON.stringify(order.address),
      labelAddress: order.labelAddress ? JSON.stringify(order.labelAddress) : null,
      status: "QUEUED",
      position: i,
      cartId: cartOf.get(ids[i] ?? "") ?? null,
    })),
    ...skipped.map((left, i) => ({
      ...orderRow,
      id: randomUUID(),
      batchId,
      shopId,
      orderId: left.orderId,
      orderName: left.orderName,
      status: "SKIPPED",
      reason: left.reason,
      position: queued.length + i,
    })),
  ]);
  await insertRows(
    tx,
    "FrankingClaim",
    queued.map((o) => ({ id: randomUUID(), shopId, orderId: o.orderId, batchId, createdAt: now })),
  );
  await tx.frankingCart.createMany({
    data: carts.map(({ id, sequence, cart }) => ({
      id,
      batchId,
      sequence,
      positions: JSON.stringify(cart),
      totalCents: cartTotal(cart),
      createManifest: cart.some((p) => p.registered),
      createdAt: now,
    })),
  });
  return { batchId, queued: queued.length, skipped };
}

/**
 * Creates the batch. Two requests claiming the same order at once: one transaction fails on the claim's
 * unique key and is run again, then finds the order claimed and leaves it out.
 */
export async function createBatch(db: Db, input: CreateBatchInput): Promise<CreatedBatch> {
  checkOptions(input.options);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => insert(tx, input), { timeout: 20_000, maxWait: 10_000 });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= MAX_CLAIM_ATTEMPTS) throw error;
    }
  }
}
