import { gramsOf } from "./format";
import type { IdSequence } from "./ids";
import type { FakeFulfillment, FakeFulfillmentOrder, FakeOrder, FakeTrackingInfo } from "./model";

/** How the admin derives an order's fulfillment badge from the quantities already shipped. */
export function displayFulfillmentStatus(
  order: FakeOrder,
): "UNFULFILLED" | "PARTIALLY_FULFILLED" | "FULFILLED" {
  const ordered = order.lineItems.reduce((sum, line) => sum + line.quantity, 0);
  const shipped = order.fulfillments
    .filter((f) => f.status === "SUCCESS")
    .reduce((sum, f) => sum + f.lineItems.reduce((s, l) => s + l.quantity, 0), 0);
  if (shipped === 0) return "UNFULFILLED";
  return shipped >= ordered ? "FULFILLED" : "PARTIALLY_FULFILLED";
}

export function fulfilledQuantity(order: FakeOrder, lineItemId: number): number {
  return order.fulfillments
    .filter((f) => f.status === "SUCCESS")
    .flatMap((f) => f.lineItems)
    .filter((l) => l.lineItemId === lineItemId)
    .reduce((sum, l) => sum + l.quantity, 0);
}

export function subtotalCents(order: FakeOrder): number {
  return order.lineItems.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
}

export function shippingCents(order: FakeOrder): number {
  return order.shippingLines.reduce((sum, line) => sum + line.priceCents, 0);
}

export function totalCents(order: FakeOrder): number {
  return subtotalCents(order) + shippingCents(order);
}

/** Order.totalWeight: grams of every line that ships; lines without a weight count as 0. */
export function totalWeightGrams(order: FakeOrder, current = false): number {
  return order.lineItems
    .filter((line) => line.requiresShipping)
    .reduce((sum, line) => {
      const quantity = current ? line.currentQuantity : line.quantity;
      return sum + gramsOf(line.variant?.inventoryItem.weight ?? null) * quantity;
    }, 0);
}

export function requiresShipping(order: FakeOrder): boolean {
  return order.lineItems.some((line) => line.requiresShipping);
}

/** What the merchant may do with a fulfillment order in its state (merchant-managed location). */
export function supportedActions(fulfillmentOrder: FakeFulfillmentOrder): string[] {
  switch (fulfillmentOrder.status) {
    case "OPEN":
      return ["CREATE_FULFILLMENT", "MOVE", "HOLD", "SPLIT"];
    case "IN_PROGRESS":
      return ["CREATE_FULFILLMENT", "HOLD", "SPLIT"];
    default:
      return [];
  }
}

export interface FulfillmentRequest {
  fulfillmentOrder: FakeFulfillmentOrder;
  /** Quantities per fulfillment-order line id; `null` ships everything that remains. */
  lines: Map<number, number> | null;
}

/**
 * Ships the requested quantities: one Fulfillment named "#1001-F1", fulfillment order lines drained,
 * a fully drained fulfillment order CLOSED, a partly drained one IN_PROGRESS.
 */
export function applyFulfillment(
  order: FakeOrder,
  requests: FulfillmentRequest[],
  opts: {
    ids: IdSequence;
    at: Date;
    trackingInfo: FakeTrackingInfo[];
    notifyCustomer: boolean;
    message: string | null;
  },
): FakeFulfillment {
  const fulfillment: FakeFulfillment = {
    __typename: "Fulfillment",
    id: opts.ids.take("Fulfillment"),
    orderId: order.id,
    name: `${order.name}-F${order.fulfillments.length + 1}`,
    status: "SUCCESS",
    createdAt: opts.at,
    updatedAt: opts.at,
    trackingInfo: opts.trackingInfo,
    lineItems: [],
    notifyCustomer: opts.notifyCustomer,
    message: opts.message,
  };
  for (const { fulfillmentOrder, lines } of requests) {
    for (const line of fulfillmentOrder.lineItems) {
      const quantity = lines ? (lines.get(line.id) ?? 0) : line.remainingQuantity;
      if (quantity <= 0) continue;
      line.remainingQuantity -= quantity;
      fulfillment.lineItems.push({
        id: opts.ids.take("FulfillmentLineItem"),
        lineItemId: line.lineItemId,
        fulfillmentOrderId: fulfillmentOrder.id,
        quantity,
      });
    }
    const remaining = fulfillmentOrder.lineItems.reduce((sum, line) => sum + line.remainingQuantity, 0);
    fulfillmentOrder.status = remaining === 0 ? "CLOSED" : "IN_PROGRESS";
    fulfillmentOrder.updatedAt = opts.at;
  }
  order.fulfillments.push(fulfillment);
  order.updatedAt = opts.at;
  return fulfillment;
}

/** Why Shopify refuses to cancel a fulfillment, or null when it may be cancelled. */
export function fulfillmentCancelProblem(order: FakeOrder, fulfillment: FakeFulfillment): string | null {
  if (fulfillment.status === "CANCELLED") return "Fulfillment has already been cancelled";
  if (order.cancelledAt) return "Cannot cancel a fulfillment of a cancelled order";
  return null;
}

/**
 * Cancels a fulfillment the way `fulfillmentCancel` (and "Cancel fulfillment" in the admin) does: the
 * fulfillment becomes CANCELLED and its items can be fulfilled again. A fulfillment order that is still
 * in progress takes the quantities back (OPEN again when nothing of it is shipped any more); a closed,
 * fully shipped one stays closed and a new OPEN fulfillment order is created for the cancelled items.
 */
export function applyFulfillmentCancellation(
  order: FakeOrder,
  fulfillment: FakeFulfillment,
  opts: { ids: IdSequence; at: Date },
): void {
  fulfillment.status = "CANCELLED";
  fulfillment.updatedAt = opts.at;
  const byFulfillmentOrder = new Map<number, FakeFulfillment["lineItems"]>();
  for (const line of fulfillment.lineItems) {
    byFulfillmentOrder.set(line.fulfillmentOrderId, [
      ...(byFulfillmentOrder.get(line.fulfillmentOrderId) ?? []),
      line,
    ]);
  }
  for (const [fulfillmentOrderId, lines] of byFulfillmentOrder) {
    const fulfillmentOrder = order.fulfillmentOrders.find((fo) => fo.id === fulfillmentOrderId);
    if (
      fulfillmentOrder &&
      (fulfillmentOrder.status === "OPEN" || fulfillmentOrder.status === "IN_PROGRESS")
    ) {
      for (const line of lines) {
        const own = fulfillmentOrder.lineItems.find((l) => l.lineItemId === line.lineItemId);
        if (own) own.remainingQuantity = Math.min(own.totalQuantity, own.remainingQuantity + line.quantity);
      }
      const untouched = fulfillmentOrder.lineItems.every((l) => l.remainingQuantity === l.totalQuantity);
      fulfillmentOrder.status = untouched ? "OPEN" : "IN_PROGRESS";
      fulfillmentOrder.updatedAt = opts.at;
      continue;
    }
    order.fulfillmentOrders.push({
      __typename: "FulfillmentOrder",
      id: opts.ids.take("FulfillmentOrder"),
      orderId: order.id,
      status: "OPEN",
      // The replacement stays where the cancelled items were: same location, same delivery method.
      locationId: fulfillmentOrder?.locationId ?? order.fulfillmentOrders[0]?.locationId ?? 0,
      deliveryMethodType: fulfillmentOrder?.deliveryMethodType ?? "SHIPPING",
      requestStatus: "UNSUBMITTED",
      createdAt: opts.at,
      updatedAt: opts.at,
      lineItems: lines.map((line) => ({
        __typename: "FulfillmentOrderLineItem",
        id: opts.ids.take("FulfillmentOrderLineItem"),
        lineItemId: line.lineItemId,
        totalQuantity: line.quantity,
        remainingQuantity: line.quantity,
      })),
    });
  }
  order.updatedAt = opts.at;
}

/**
 * Cancels like Shopify does: cancelledAt/cancelReason set, open fulfillment orders CLOSED, restocked
 * lines drop to currentQuantity 0. Shopify archives (closes) a cancelled order only when nothing in it
 * needed shipping; an order with shippable lines stays `closed: false`.
 */
export function applyCancellation(
  order: FakeOrder,
  opts: { at: Date; reason: string; restock: boolean; refund?: boolean },
): void {
  order.cancelledAt = opts.at;
  order.cancelReason = opts.reason;
  order.updatedAt = opts.at;
  for (const fulfillmentOrder of order.fulfillmentOrders) {
    if (fulfillmentOrder.status === "CLOSED" || fulfillmentOrder.status === "CANCELLED") continue;
    fulfillmentOrder.status = "CLOSED";
    fulfillmentOrder.updatedAt = opts.at;
  }
  if (opts.restock) {
    for (const line of order.lineItems) line.currentQuantity = fulfilledQuantity(order, line.id);
  }
  if (opts.refund) {
    order.financialStatus = order.financialStatus === "PAID" ? "REFUNDED" : "VOIDED";
  } else if (order.financialStatus === "AUTHORIZED" || order.financialStatus === "PENDING") {
    order.financialStatus = "VOIDED";
  }
  if (!requiresShipping(order)) {
    order.closed = true;
    order.closedAt = opts.at;
  }
}
