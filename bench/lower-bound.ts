/**
 * The least time the latency model allows for a run's work: each Deutsche Post call takes `dpMs`, each
 * Shopify call `shopifyMs`, and Shopify's leaky bucket (size B, refilled at R points per second) must hold
 * a call's requested cost when the call is sent. Pure, so the formula is tested on its own.
 *
 * Shopify charges the requested cost up front and refunds the unused part with the answer, so the bucket
 * keeps each call's actual cost for good. Whatever order calls go in, the last one can leave only once
 * B + R·t ≥ (actual cost of all the others) + (its requested cost), hence
 *
 *   throttle(calls) = max(0, Σ actual + min(requested − actual) − B) / R        (+ one call's latency)
 *
 * Phase (a), confirm → labels ready: the orders are read (confirm), then Deutsche Post is called in a
 * chain the design fixes: a fresh login (the balance check), per cart initCart → checkout (ADR 004: the
 * cart id is stored before the checkout), and the last cart's label download (the posting list is
 * downloaded alongside). With several batches (N > 250) earlier batches can be bought while later ones
 * are read, so the chain counts the carts of the last batch only.
 *
 *   reads = max(k · shopifyMs, throttle(reads) + shopifyMs)       k = confirm's queries, one after another
 *   (a)   = reads + (1 + 2·carts + 1) · dpMs
 *
 * Phase (b), confirm → all written to Shopify: the last order's write-back needs its voucher (after the
 * last checkout) and then its fulfillment (metafield alongside), after a read of its fulfillment orders
 * where the confirm's are not used (w = 2 calls in a row, else w = 1; ADR 021); and every Shopify call of
 * the run has to fit through the bucket. Whichever chain is longer bounds it:
 *
 *   (b)   = max(reads + (1 + 2·carts) · dpMs + w · shopifyMs, throttle(all calls) + shopifyMs)
 */

export interface CostedCall {
  requestedCost: number;
  actualCost: number;
}

export interface LatencyModel {
  dpMs: number;
  shopifyMs: number;
  bucket: { maximumAvailable: number; restoreRate: number };
}

export interface BoundInput {
  /** The queries confirm sent to read the orders. */
  confirmReads: readonly CostedCall[];
  /** Every Shopify call of the run (confirm and write-back). */
  allCalls: readonly CostedCall[];
  /** Carts of the batch confirmed last (the chain after the last read). */
  carts: number;
  /** Shopify calls in a row for the last order's write-back: 2 (read, fulfil; the default) or 1 (fulfil). */
  writeBackSteps?: number;
}

export interface Bounds {
  readsMs: number;
  labelsReadyMs: number;
  fulfilledMs: number;
  /** The two chains of phase (b): which one bounds it. */
  fulfilledChainMs: number;
  throttleMs: number;
}

/** The earliest moment (ms after the first call) the last of these calls can be sent. */
export function throttleFloorMs(calls: readonly CostedCall[], bucket: LatencyModel["bucket"]): number {
  if (calls.length === 0) return 0;
  const kept = calls.reduce((sum, c) => sum + c.actualCost, 0);
  const lastHeldBack = Math.min(...calls.map((c) => c.requestedCost - c.actualCost));
  return (Math.max(0, kept + lastHeldBack - bucket.maximumAvailable) / bucket.restoreRate) * 1000;
}

export function lowerBounds(input: BoundInput, model: LatencyModel): Bounds {
  const { dpMs, shopifyMs, bucket } = model;
  const k = input.confirmReads.length;
  const readsMs =
    k === 0 ? 0 : Math.max(k * shopifyMs, throttleFloorMs(input.confirmReads, bucket) + shopifyMs);
  const carts = Math.max(1, input.carts);
  const labelsReadyMs = readsMs + (1 + 2 * carts + 1) * dpMs;
  const fulfilledChainMs = readsMs + (1 + 2 * carts) * dpMs + (input.writeBackSteps ?? 2) * shopifyMs;
  const throttleMs = input.allCalls.length === 0 ? 0 : throttleFloorMs(input.allCalls, bucket) + shopifyMs;
  return {
    readsMs,
    labelsReadyMs,
    fulfilledMs: Math.max(fulfilledChainMs, throttleMs),
    fulfilledChainMs,
    throttleMs,
  };
}
