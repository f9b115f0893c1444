/**
 * The app routes the admin extensions call, their answers as types, and a parser for each answer.
 *
 * `fetch` with a relative URL goes to the app (`application_url`) and Shopify adds the session token
 * (`Authorization: Bearer …`), which the app's `authenticate.admin` accepts. Every answer, success and
 * error, is checked field by field; anything else becomes an `AppError` of kind "unexpected".
 */
import { callApp } from "./app-fetch";
import {
  boolean,
  list,
  nonEmptyString,
  nullableString,
  nullableTimestamp,
  nullableWholeNumber,
  object,
  oneOf,
  optionalString,
  optionalWholeNumber,
  string,
  stringList,
  timestamp,
  wholeNumber,
} from "./parse";

export { AppError, type AppErrorKind } from "./app-fetch";

/** The app franks at most this many orders in one batch (and the preview accepts as many). */
export const MAX_ORDERS_PER_BATCH = 250;

// POST /api/preview ------------------------------------------------------------------------------

interface PreviewOrderBase {
  orderId: string;
  orderName: string;
  /** Why this product was chosen, or why the order cannot be franked. */
  reason: string;
  error?: string;
}
export interface FrankablePreviewOrder extends PreviewOrderBase {
  ok: true;
  productCode: string;
  productName: string;
  priceCents: number;
}
export interface UnfrankablePreviewOrder extends PreviewOrderBase {
  ok: false;
  productCode?: string;
  productName?: string;
  priceCents?: number;
}
export type PreviewOrder = FrankablePreviewOrder | UnfrankablePreviewOrder;

export interface ProductTotal {
  productCode: string;
  productName: string;
  count: number;
  totalCents: number;
}

export interface BatchPreview {
  orders: PreviewOrder[];
  totalsByProduct: ProductTotal[];
  totalCents: number;
  /** Portokasse balance; null when the app could not read it. */
  balanceCents: number | null;
  sufficient: boolean;
  missingCents: number;
}

// POST /api/batches and GET /api/batches/:id ----------------------------------------------------

export type LabelFormat = "PDF" | "PNG";

export interface StartBatchRequest {
  orderIds: readonly string[];
  /** 1-based label slot on the first sheet (reuse a partly printed sheet). */
  startPosition?: number;
  labelFormat?: LabelFormat;
}

export interface BatchStarted {
  batchId: string;
  statusUrl: string;
}

export const BATCH_STATUSES = [
  "QUEUED",
  "RUNNING",
  "FULFILLING",
  "COMPLETED",
  "COMPLETED_WITH_ERRORS",
  "STOPPED_INSUFFICIENT_BALANCE",
  "FAILED",
] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

const FINAL_STATUSES: ReadonlySet<BatchStatus> = new Set([
  "COMPLETED",
  "COMPLETED_WITH_ERRORS",
  "STOPPED_INSUFFICIENT_BALANCE",
  "FAILED",
]);

/** A batch in a final status changes no more: stop polling. */
export const isFinal = (status: BatchStatus) => FINAL_STATUSES.has(status);

export interface BatchOrder {
  orderId: string;
  orderName: string;
  status: string;
  productName: string | null;
  priceCents: number | null;
  voucherIds: string[];
  trackIds: string[];
  error: string | null;
}

export interface BatchCounts {
  orders: number;
  bought: number;
  fulfilled: number;
  failed: number;
  skipped: number;
}

export interface Batch {
  id: string;
  status: BatchStatus;
  totalCents: number;
  missingCents?: number;
  counts: BatchCounts;
  orders: BatchOrder[];
  createdAt: string;
  finishedAt: string | null;
}

// GET /api/orders/franking ----------------------------------------------------------------------

export const FRANKING_STATUSES = ["NOT_FRANKED", "IN_BATCH", "FRANKED", "FAILED"] as const;
export type FrankingStatus = (typeof FRANKING_STATUSES)[number];

export const REFUND_STATES = ["NONE", "PENDING", "REFUNDED", "REJECTED", "NOT_REFUNDABLE"] as const;
export type RefundState = (typeof REFUND_STATES)[number];

export interface OrderFranking {
  orderId: string;
  status: FrankingStatus;
  productName: string | null;
  voucherIds: string[];
  trackIds: string[];
  batchId: string | null;
  labelUrl: string | null;
  refundState: RefundState | null;
}

// Parsers ----------------------------------------------------------------------------------------

function parsePreviewOrder(value: unknown, path: string): PreviewOrder {
  const o = object(value, path);
  const base: PreviewOrderBase = {
    orderId: nonEmptyString(o, "orderId", path),
    orderName: string(o, "orderName", path),
    reason: string(o, "reason", path),
  };
  const error = optionalString(o, "error", path);
  if (error !== undefined) base.error = error;
  if (boolean(o, "ok", path)) {
    return {
      ...base,
      ok: true,
      productCode: nonEmptyString(o, "productCode", path),
      productName: string(o, "productName", path),
      priceCents: wholeNumber(o, "priceCents", path),
    };
  }
  const order: UnfrankablePreviewOrder = { ...base, ok: false };
  const productCode = optionalString(o, "productCode", path);
  const productName = optionalString(o, "productName", path);
  const priceCents = optionalWholeNumber(o, "priceCents", path);
  if (productCode !== undefined) order.productCode = productCode;
  if (productName !== undefined) order.productName = productName;
  if (priceCents !== undefined) order.priceCents = priceCents;
  return order;
}

function parseProductTotal(value: unknown, path: string): ProductTotal {
  const o = object(value, path);
  return {
    productCode: nonEmptyString(o, "productCode", path),
    productName: string(o, "productName", path),
    count: wholeNumber(o, "count", path, 1),
    totalCents: wholeNumber(o, "totalCents", path),
  };
}

export function parsePreview(value: unknown): BatchPreview {
  const o = object(value, "");
  return {
    orders: list(o, "orders", "", parsePreviewOrder),
    totalsByProduct: list(o, "totalsByProduct", "", parseProductTotal),
    totalCents: wholeNumber(o, "totalCents", ""),
    balanceCents: nullableWholeNumber(o, "balanceCents", "", Number.MIN_SAFE_INTEGER),
    sufficient: boolean(o, "sufficient", ""),
    missingCents: wholeNumber(o, "missingCents", ""),
  };
}

export function parseBatchStarted(value: unknown): BatchStarted {
  const o = object(value, "");
  return { batchId: nonEmptyString(o, "batchId", ""), statusUrl: nonEmptyString(o, "statusUrl", "") };
}

function parseBatchOrder(value: unknown, path: string): BatchOrder {
  const o = object(value, path);
  return {
    orderId: nonEmptyString(o, "orderId", path),
    orderName: string(o, "orderName", path),
    status: nonEmptyString(o, "status", path),
    productName: nullableString(o, "productName", path),
    priceCents: nullableWholeNumber(o, "priceCents", path),
    voucherIds: stringList(o, "voucherIds", path),
    trackIds: stringList(o, "trackIds", path),
    error: nullableString(o, "error", path),
  };
}

export function parseBatch(value: unknown): Batch {
  const o = object(value, "");
  const c = object(o.counts, "counts");
  const batch: Batch = {
    id: nonEmptyString(o, "id", ""),
    status: oneOf(o, "status", "", BATCH_STATUSES),
    totalCents: wholeNumber(o, "totalCents", ""),
    counts: {
      orders: wholeNumber(c, "orders", "counts"),
      bought: wholeNumber(c, "bought", "counts"),
      fulfilled: wholeNumber(c, "fulfilled", "counts"),
      failed: wholeNumber(c, "failed", "counts"),
      skipped: wholeNumber(c, "skipped", "counts"),
    },
    orders: list(o, "orders", "", parseBatchOrder),
    createdAt: timestamp(o, "createdAt", ""),
    finishedAt: nullableTimestamp(o, "finishedAt", ""),
  };
  const missingCents = optionalWholeNumber(o, "missingCents", "");
  if (missingCents !== undefined) batch.missingCents = missingCents;
  return batch;
}

function parseOrderFranking(value: unknown, path: string): OrderFranking {
  const o = object(value, path);
  return {
    orderId: nonEmptyString(o, "orderId", path),
    status: oneOf(o, "status", path, FRANKING_STATUSES),
    productName: nullableString(o, "productName", path),
    voucherIds: stringList(o, "voucherIds", path),
    trackIds: stringList(o, "trackIds", path),
    batchId: nullableString(o, "batchId", path),
    labelUrl: nullableString(o, "labelUrl", path),
    refundState: o.refundState === null ? null : oneOf(o, "refundState", path, REFUND_STATES),
  };
}

export function parseOrderFrankings(value: unknown): OrderFranking[] {
  return list(object(value, ""), "orders", "", parseOrderFranking);
}

const idsQuery = (orderIds: readonly string[]) => `ids=${orderIds.map(encodeURIComponent).join(",")}`;

export const previewBatch = (orderIds: readonly string[]) =>
  callApp("POST", "/api/preview", { orderIds }, parsePreview);

export const startBatch = (request: StartBatchRequest) =>
  callApp("POST", "/api/batches", request, parseBatchStarted);

export const fetchBatch = (batchId: string) =>
  callApp("GET", `/api/batches/${encodeURIComponent(batchId)}`, undefined, parseBatch);

export const fetchOrderFrankings = (orderIds: readonly string[]) =>
  callApp("GET", `/api/orders/franking?${idsQuery(orderIds)}`, undefined, parseOrderFrankings);

/** The app route that renders the orders' labels as one PDF (it checks the orders belong to the shop). */
export const labelsPdfUrl = (orderIds: readonly string[]) => `/labels/orders.pdf?${idsQuery(orderIds)}`;
