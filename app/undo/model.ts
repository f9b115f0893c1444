/**
 * Undoing a franked order ("Frankierung stornieren"): the vocabulary and the pure rules. A stamp can be
 * undone while Deutsche Post still refunds it (14 days) and while the letter has not been handed over.
 */
import { withinWindow } from "~/refunds/model";

/** Why an order cannot be undone. */
export const UNDO_REFUSALS = ["not_franked", "window_expired", "handed_over", "being_fulfilled"] as const;
export type UndoRefusal = (typeof UNDO_REFUSALS)[number];

/**
 * What one undo request did for one order. `undone`: the Retoure is filed and the fulfillment cancelled;
 * `already_undone`: an earlier request did it (nothing happened twice); `shopify_pending`: the Retoure is
 * filed, but Shopify refused or could not be reached (asking again finishes it); `failed`: Shopify could not
 * be read, nothing was done.
 */
export type UndoOutcome =
  | { orderId: string; orderName: string | null; result: "undone" | "already_undone"; refundIds: string[] }
  | {
      orderId: string;
      orderName: string | null;
      result: "shopify_pending";
      refundIds: string[];
      error: string;
    }
  | { orderId: string; orderName: string | null; result: "refused"; reason: UndoRefusal }
  | { orderId: string; orderName: string | null; result: "failed"; error: string };

/**
 * Shopify's `Fulfillment.displayStatus` values that mean the carrier has the letter (or delivered it). The
 * app knows a letter was handed over only from Shopify's carrier tracking (an Einschreiben's tracking
 * number); for a plain letter Shopify has no tracking, and the app cannot know: Deutsche Post then refuses
 * the Retoure of a stamp that was used, and the refund shows "refused".
 */
export const HANDED_OVER_STATUSES = new Set([
  "CARRIER_PICKED_UP",
  "IN_TRANSIT",
  "OUT_FOR_DELIVERY",
  "ATTEMPTED_DELIVERY",
  "DELAYED",
  "DELIVERED",
  "NOT_DELIVERED",
  "PICKED_UP",
]);

export interface ShopifyFulfillmentState {
  id: string;
  status: string;
  displayStatus: string | null;
  inTransitAt: string | null;
  deliveredAt: string | null;
  trackingNumbers: string[];
}

/** True when Shopify's carrier tracking says the letter left the merchant. */
export function handedOver(fulfillment: ShopifyFulfillmentState | null): boolean {
  if (!fulfillment) return false;
  return (
    fulfillment.inTransitAt !== null ||
    fulfillment.deliveredAt !== null ||
    HANDED_OVER_STATUSES.has(fulfillment.displayStatus ?? "")
  );
}

/** The first reason an order's stamp may not be undone now, or null. */
export function refusalFor(input: {
  boughtAt: Date;
  now: Date;
  fulfillment: ShopifyFulfillmentState | null;
}): UndoRefusal | null {
  if (!withinWindow(input.boughtAt, input.now)) return "window_expired";
  if (handedOver(input.fulfillment)) return "handed_over";
  return null;
}

/**
 * Which of the order's fulfillments the app created: the one recorded when it was written (FulfillmentTask),
 * else the live one whose tracking numbers are the stamps' (the answer of fulfillmentCreate may have been
 * lost). Null when neither is known.
 */
export function appFulfillment(
  fulfillments: readonly ShopifyFulfillmentState[],
  recordedId: string | null,
  trackIds: readonly string[],
): ShopifyFulfillmentState | null {
  if (recordedId) return fulfillments.find((f) => f.id === recordedId) ?? null;
  if (trackIds.length === 0) return null;
  return (
    fulfillments.find(
      (f) => f.status !== "CANCELLED" && f.trackingNumbers.some((n) => trackIds.includes(n)),
    ) ?? null
  );
}
