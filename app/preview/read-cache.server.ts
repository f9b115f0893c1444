/**
 * What the batch preview read from Shopify, kept in this process for a short while so that the confirm
 * right after it does not read every order again (ADR 021). Only this process's memory holds it: customer
 * data never goes to the database for it, a confirm that lands on another process reads the orders again
 * (correct, only slower), and an entry is forgotten after `PREVIEW_READS_TTL_MS`, on customers/redact for
 * its orders (app/webhooks/compliance.server.ts) and when the cache is full (oldest first).
 *
 * An entry is used only together with Shopify's `updatedAt` of the order read again at confirm
 * (`confirmReads.server.ts`): an order changed since the preview is read again.
 */
import type { FetchedOrder } from "./orders.server";

/** A merchant looks at the preview for seconds to minutes before confirming. */
export const PREVIEW_READS_TTL_MS = 10 * 60 * 1000;
/** Orders kept at most per process (about 2 kB each). */
export const PREVIEW_READS_MAX = 10_000;

export interface CachedRead {
  order: FetchedOrder;
  /** Whether the rule-only fields were read (see `FetchOptions.fields`). */
  fields: { shippingLine: boolean; orderValue: boolean };
  storedAt: number;
}

declare global {
  // One per process; survives Remix's module reloads in development.
  var __frankiermeisterPreviewReads: Map<string, CachedRead> | undefined;
}

const store = () => (globalThis.__frankiermeisterPreviewReads ??= new Map<string, CachedRead>());
const keyOf = (shopId: string, orderId: string) => `${shopId} ${orderId}`;

/** Keeps what was just read (a Map keeps insertion order: re-inserting moves an entry to the end). */
export function rememberPreviewReads(
  shopId: string,
  orders: Iterable<FetchedOrder>,
  fields: CachedRead["fields"],
  now: number = Date.now(),
): void {
  const map = store();
  for (const order of orders) {
    const key = keyOf(shopId, order.id);
    map.delete(key);
    map.set(key, { order, fields, storedAt: now });
  }
  for (const key of map.keys()) {
    if (map.size <= PREVIEW_READS_MAX) break;
    map.delete(key);
  }
}

/** The order as the preview read it, if it is young enough and holds the fields asked for. */
export function previewRead(
  shopId: string,
  orderId: string,
  fields: CachedRead["fields"],
  now: number = Date.now(),
): FetchedOrder | null {
  const map = store();
  const key = keyOf(shopId, orderId);
  const entry = map.get(key);
  if (!entry) return null;
  if (now - entry.storedAt > PREVIEW_READS_TTL_MS) {
    map.delete(key);
    return null;
  }
  if ((fields.shippingLine && !entry.fields.shippingLine) || (fields.orderValue && !entry.fields.orderValue))
    return null;
  return entry.order;
}

/** customers/redact: this process forgets these orders. Returns how many it held. */
export function forgetPreviewReads(shopId: string, orderIds: readonly string[]): number {
  const map = store();
  let forgotten = 0;
  for (const id of orderIds) if (map.delete(keyOf(shopId, id))) forgotten += 1;
  return forgotten;
}

/** Tests: an empty cache. */
export function clearPreviewReads(): void {
  store().clear();
}
