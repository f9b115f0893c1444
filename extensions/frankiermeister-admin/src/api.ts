/**
 * The app routes the admin extensions call, their answers as types, and a parser for each answer. The
 * app is the source of truth: the shapes are those of `app/preview/json.ts` (`POST /api/preview`),
 * `app/franking/status.server.ts` (`GET /api/batches/:id`, `GET /api/orders/franking`, see
 * app/franking/README.md) and `app/routes/api.refunds.tsx` (`GET /api/refunds`).
 *
 * `fetch` with a relative URL goes to the app (`application_url`) and Shopify adds the session token
 * (`Authorization: Bearer …`), which the app's `authenticate.admin` accepts. Every field the extensions
 * read is checked; anything else becomes an `AppError` of kind "unexpected". Label links come from the
 * app already signed (absolute URLs that work without a session token); nothing here builds one.
 */
import { callApp } from "./app-fetch";
import {
  boolean,
  list,
  nonEmptyString,
  nullableBoolean,
  nullableLink,
  nullableString,
  nullableTimestamp,
  nullableWholeNumber,
  object,
  oneOf,
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

interface PreviewLineBase {
  orderId: string;
  /** null when the app could not find the order. */
  orderName: string | null;
  /** Why this product was chosen, or why the order cannot be franked (the app's English text). */
  reason: string;
}
export interface FrankableLine extends PreviewLineBase {
  ok: true;
  productCode: number;
  productName: string;
  priceCents: number;
  weightG: number;
  /** Notes such as `customs-declaration` or `missing-weight:Poster` (code, optionally `:` and a value). */
  flags: string[];
}
export interface UnfrankableLine extends PreviewLineBase {
  ok: false;
  /** Why not, as a code: `missing-address`, `cancelled`, `too-heavy`, … */
  error: string;
}
export type PreviewLine = FrankableLine | UnfrankableLine;

export interface ProductTotal {
  productCode: number;
  productName: string;
  count: number;
  unitPriceCents: number;
  totalCents: number;
}

export interface BalanceCheck {
  /** null: no Portokasse linked, or its balance is unknown. */
  balanceCents: number | null;
  totalCents: number;
  /** null when the balance is unknown. */
  sufficient: boolean | null;
  missingCents: number;
}

export interface BatchPreview {
  lines: PreviewLine[];
  totals: ProductTotal[];
  balance: BalanceCheck;
  portokasse: { connected: boolean; problem: string | null };
  /** The shop's page format (for the confirmation); null when none is set or the app does not say. */
  pageFormat: { name: string; columns: number; rows: number } | null;
}

// POST /api/batches and GET /api/batches/:id ----------------------------------------------------

export type LabelFormat = "PDF" | "PNG";

export interface StartBatchRequest {
  orderIds: readonly string[];
  /** 1-based label slot on the first sheet (reuse a partly printed sheet). */
  startPosition?: number;
  labelFormat?: LabelFormat;
  /** The total the merchant confirmed (cents): the app buys nothing when the orders cost another now. */
  expectedTotalCents?: number;
}

export interface BatchStarted {
  batchId: string;
  statusUrl: string;
}

export const BATCH_STATUSES = ["QUEUED", "RUNNING", "DONE", "INSUFFICIENT_FUNDS", "FAILED"] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

const FINAL_STATUSES: ReadonlySet<BatchStatus> = new Set(["DONE", "INSUFFICIENT_FUNDS", "FAILED"]);

/** A batch in a final status changes no more: stop polling. */
export const isFinal = (status: BatchStatus) => FINAL_STATUSES.has(status);

/** Statuses of an order in a batch (`FrankingOrder.status`); others are shown as the app sends them. */
export const ORDER_STATUSES = ["QUEUED", "BOUGHT", "FULFILLED", "FAILED", "SKIPPED"] as const;

export interface BatchOrder {
  orderId: string;
  /** Empty when the app never found the order. */
  orderName: string;
  status: string;
  productName: string | null;
  priceCents: number | null;
  voucherIds: string[];
  trackIds: string[];
  /** A code: why the order was left out (`SKIPPED`) or failed. */
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
  /** Only when buying stopped for lack of balance. */
  missingCents?: number;
  /** A code: why buying stopped, or the last passing error while it runs; null when all is well. */
  error: string | null;
  counts: BatchCounts;
  orders: BatchOrder[];
  createdAt: string;
  finishedAt: string | null;
  /** Signed link to the batch's labels, once a stamp was bought. */
  labelUrl: string | null;
  /** Signed link to the Einlieferungsliste, when the batch bought Einschreiben. */
  manifestUrl: string | null;
}

/** Every order's stamp was bought or given up: the label file is complete (Shopify may still be written). */
export const buyingDone = (batch: Batch) =>
  isFinal(batch.status) || batch.orders.every((order) => order.status !== "QUEUED");

// GET /api/orders/franking ----------------------------------------------------------------------

/** `NOT_FRANKED` (never in a batch) or the order's status in the batch that holds it. */
export const FRANKING_STATUSES = ["NOT_FRANKED", ...ORDER_STATUSES] as const;
export type FrankingStatus = (typeof FRANKING_STATUSES)[number];

export interface OrderFranking extends BatchOrder {
  status: FrankingStatus;
  batchId: string | null;
  /** Signed link to the order's label pages: its stamp was bought (PDF) and not handed back. */
  labelUrl: string | null;
}

export interface OrderFrankings {
  orders: OrderFranking[];
  /** One signed link to the label pages of every order with a `labelUrl`, in the order asked. */
  labelsUrl: string | null;
}

// GET /api/refunds?orderId= ----------------------------------------------------------------------

export const REFUND_STATES = ["PENDING", "REFUNDED", "NOT_REFUNDED"] as const;
export type RefundState = (typeof REFUND_STATES)[number];

/** One stamp handed back for a Retoure: asked for, refunded, or not refunded (with a reason code). */
export interface VoucherRefund {
  voucherId: string;
  state: RefundState;
  reason: string | null;
}

// Parsers ----------------------------------------------------------------------------------------

function parsePreviewLine(value: unknown, path: string): PreviewLine {
  const o = object(value, path);
  const base: PreviewLineBase = {
    orderId: nonEmptyString(o, "orderId", path),
    orderName: nullableString(o, "orderName", path),
    reason: string(o, "reason", path),
  };
  if (boolean(o, "ok", path)) {
    return {
      ...base,
      ok: true,
      productCode: wholeNumber(o, "productCode", path),
      productName: string(o, "productName", path),
      priceCents: wholeNumber(o, "priceCents", path),
      weightG: wholeNumber(o, "weightG", path),
      flags: stringList(o, "flags", path),
    };
  }
  return { ...base, ok: false, error: nonEmptyString(o, "error", path) };
}

function parseProductTotal(value: unknown, path: string): ProductTotal {
  const o = object(value, path);
  return {
    productCode: wholeNumber(o, "productCode", path),
    productName: string(o, "productName", path),
    count: wholeNumber(o, "count", path, 1),
    unitPriceCents: wholeNumber(o, "unitPriceCents", path),
    totalCents: wholeNumber(o, "totalCents", path),
  };
}

export function parsePreview(value: unknown): BatchPreview {
  const o = object(value, "");
  const b = object(o.balance, "balance");
  const p = object(o.portokasse, "portokasse");
  return {
    lines: list(o, "lines", "", parsePreviewLine),
    totals: list(o, "totals", "", parseProductTotal),
    balance: {
      balanceCents: nullableWholeNumber(b, "balanceCents", "balance", Number.MIN_SAFE_INTEGER),
      totalCents: wholeNumber(b, "totalCents", "balance"),
      sufficient: nullableBoolean(b, "sufficient", "balance"),
      missingCents: wholeNumber(b, "missingCents", "balance"),
    },
    portokasse: {
      connected: boolean(p, "connected", "portokasse"),
      problem: nullableString(p, "problem", "portokasse"),
    },
    pageFormat: parsePageFormat(o.pageFormat),
  };
}

function parsePageFormat(value: unknown): BatchPreview["pageFormat"] {
  if (value === undefined || value === null) return null;
  const f = object(value, "pageFormat");
  return {
    name: nonEmptyString(f, "name", "pageFormat"),
    columns: wholeNumber(f, "columns", "pageFormat", 1),
    rows: wholeNumber(f, "rows", "pageFormat", 1),
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
    error: nullableString(o, "error", ""),
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
    labelUrl: nullableLink(o, "labelUrl", ""),
    manifestUrl: nullableLink(o, "manifestUrl", ""),
  };
  const missingCents = optionalWholeNumber(o, "missingCents", "");
  if (missingCents !== undefined) batch.missingCents = missingCents;
  return batch;
}

function parseOrderFranking(value: unknown, path: string): OrderFranking {
  const o = object(value, path);
  return {
    ...parseBatchOrder(value, path),
    status: oneOf(o, "status", path, FRANKING_STATUSES),
    batchId: nullableString(o, "batchId", path),
    labelUrl: nullableLink(o, "labelUrl", path),
  };
}

export function parseOrderFrankings(value: unknown): OrderFrankings {
  const o = object(value, "");
  return {
    orders: list(o, "orders", "", parseOrderFranking),
    labelsUrl: nullableLink(o, "labelsUrl", ""),
  };
}

function parseVoucherRefund(value: unknown, path: string): VoucherRefund {
  const o = object(value, path);
  return {
    voucherId: nonEmptyString(o, "voucherId", path),
    state: oneOf(o, "state", path, REFUND_STATES),
    reason: nullableString(o, "reason", path),
  };
}

export function parseRefunds(value: unknown): VoucherRefund[] {
  return list(object(value, ""), "refunds", "", parseVoucherRefund);
}

// Calls ------------------------------------------------------------------------------------------

const idsQuery = (orderIds: readonly string[]) => `ids=${orderIds.map(encodeURIComponent).join(",")}`;

/** `locale`: the language the app explains each order in ("de" or "en"; the admin's, `common.language`). */
export const previewBatch = (orderIds: readonly string[], locale?: string) =>
  callApp("POST", "/api/preview", locale ? { orderIds, locale } : { orderIds }, parsePreview);

/**
 * `idempotencyKey`: one per click of "Frank" (kept for a retry after a network error); the app answers a
 * repeat of the key with the first answer instead of a second batch.
 */
export const startBatch = (request: StartBatchRequest, idempotencyKey?: string) =>
  callApp(
    "POST",
    "/api/batches",
    request,
    parseBatchStarted,
    idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {},
  );

export const fetchBatch = (batchId: string) =>
  callApp("GET", `/api/batches/${encodeURIComponent(batchId)}`, undefined, parseBatch);

export const fetchOrderFrankings = (orderIds: readonly string[]) =>
  callApp("GET", `/api/orders/franking?${idsQuery(orderIds)}`, undefined, parseOrderFrankings);

export const fetchOrderRefunds = (orderId: string) =>
  callApp("GET", `/api/refunds?orderId=${encodeURIComponent(orderId)}`, undefined, parseRefunds);

// POST /api/undo ----------------------------------------------------------------------------------

/** What "Frankierung stornieren" did for one order, with the app's sentence in the admin's language. */
export interface UndoOutcome {
  orderId: string;
  result: string;
  message: string;
}

function parseUndoOutcome(value: unknown, path: string): UndoOutcome {
  const o = object(value, path);
  return {
    orderId: nonEmptyString(o, "orderId", path),
    result: nonEmptyString(o, "result", path),
    message: nonEmptyString(o, "message", path),
  };
}

export function parseUndo(value: unknown): UndoOutcome[] {
  return list(object(value, ""), "outcomes", "", parseUndoOutcome);
}

/** Cancels the app's fulfillment, requests the stamp's Retoure and removes the tag; safe to repeat. */
export const undoFranking = (orderIds: readonly string[], locale?: string) =>
  callApp("POST", "/api/undo", locale ? { orderIds, locale } : { orderIds }, parseUndo);
