/**
 * Can the app fulfil this order with one letter? Decided from the fulfillment orders Shopify shows the app,
 * before any stamp is bought. Shopify's rules behind it (shopify.dev, FulfillmentOrder and access scopes):
 * - the app sees only the fulfillment orders its scopes allow: one assigned to a fulfillment service or
 *   3PL location is invisible to an app with the merchant-managed scopes, so "none visible" means
 *   someone else ships the order;
 * - `fulfillmentCreate` takes fulfillment orders of one location and one delivery method type only;
 * - only OPEN and IN_PROGRESS fulfillment orders can be fulfilled.
 * A letter leaves from one place, so an order open at several locations is left out, as is local pickup
 * or local delivery (no post involved). Pure.
 */

export interface FulfillmentOrderState {
  id: string;
  status: string;
  locationId: string | null;
  /** DeliveryMethodType: SHIPPING, PICK_UP, LOCAL, NONE, RETAIL, PICKUP_POINT. */
  methodType: string | null;
}

export type FulfillabilityProblem =
  "no-fulfillment-order" | "already-fulfilled" | "fulfillment-on-hold" | "several-locations" | "not-shipped";

export type Fulfillability =
  { ok: true; open: FulfillmentOrderState[] } | { ok: false; problem: FulfillabilityProblem; detail: string };

const FULFILLABLE = new Set(["OPEN", "IN_PROGRESS"]);
const DONE = new Set(["CLOSED", "CANCELLED"]);
/** Delivery methods a letter serves; NONE is what Shopify sets when checkout had no shipping line. */
const BY_POST = new Set(["SHIPPING", "NONE"]);

/** One location and one delivery method type: what one `fulfillmentCreate` may carry. */
export function fulfillmentGroupKey(fo: FulfillmentOrderState): string {
  return `${fo.locationId ?? "?"}|${fo.methodType ?? "?"}`;
}

/** The open fulfillment orders grouped so that each group can go in one `fulfillmentCreate`. */
export function fulfillmentGroups(open: readonly FulfillmentOrderState[]): FulfillmentOrderState[][] {
  const groups = new Map<string, FulfillmentOrderState[]>();
  for (const fo of open)
    groups.set(fulfillmentGroupKey(fo), [...(groups.get(fulfillmentGroupKey(fo)) ?? []), fo]);
  return [...groups.values()];
}

export function fulfillability(fulfillmentOrders: readonly FulfillmentOrderState[]): Fulfillability {
  if (fulfillmentOrders.length === 0) {
    return {
      ok: false,
      problem: "no-fulfillment-order",
      detail: "Shopify shows the app no fulfillment order for it",
    };
  }
  const open = fulfillmentOrders.filter((fo) => FULFILLABLE.has(fo.status));
  if (open.length === 0) {
    if (fulfillmentOrders.every((fo) => DONE.has(fo.status))) {
      return { ok: false, problem: "already-fulfilled", detail: "No fulfillment order is open" };
    }
    const waiting = [
      ...new Set(fulfillmentOrders.filter((fo) => !DONE.has(fo.status)).map((fo) => fo.status.toLowerCase())),
    ];
    return { ok: false, problem: "fulfillment-on-hold", detail: waiting.join(", ") };
  }
  const notByPost = open.find((fo) => !BY_POST.has(fo.methodType ?? ""));
  if (notByPost) return { ok: false, problem: "not-shipped", detail: notByPost.methodType ?? "" };
  if (new Set(open.map((fo) => fo.locationId)).size > 1) {
    return {
      ok: false,
      problem: "several-locations",
      detail: `${new Set(open.map((fo) => fo.locationId)).size}`,
    };
  }
  return { ok: true, open };
}
