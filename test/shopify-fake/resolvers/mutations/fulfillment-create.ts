import { gidTail, parseGid } from "../../gid";
import type { FakeFulfillmentOrder, FakeOrder, FakeTrackingInfo } from "../../model";
import { applyFulfillment, displayFulfillmentStatus, type FulfillmentRequest } from "../../order-logic";
import { bool, int, obj, objList, str, strList } from "../../graphql/args";
import type { FakeContext } from "../../graphql/context";
import { shopifyError, type Args } from "../../graphql/registry";
import { canSeeFulfillmentOrder, canWriteFulfillmentOrder } from "../../graphql/fulfillment-visibility";
import { FULFILLMENT_ORDER_WRITE_SCOPES, requireScope } from "../../graphql/scopes";
import { fulfillmentWebhookBody, orderWebhookBody } from "../../webhooks/payloads";

type UserError = { field: string[] | null; message: string };

const FULFILLABLE = new Set(["OPEN", "IN_PROGRESS"]);

/** trackingInfo: `numbers`/`urls` give one entry each; `number`/`url` one entry; `company` applies to all. */
export function trackingFromInput(input: Args | undefined): FakeTrackingInfo[] {
  if (!input) return [];
  const company = str(input, "company") ?? null;
  const numbers = strList(input, "numbers") ?? [];
  const urls = strList(input, "urls") ?? [];
  if (numbers.length > 0) {
    return numbers.map((number, index) => ({
      company,
      number,
      url: urls[index] ?? (index === 0 ? (str(input, "url") ?? null) : null),
    }));
  }
  const number = str(input, "number") ?? null;
  const url = str(input, "url") ?? urls[0] ?? null;
  if (number === null && url === null && company === null) return [];
  return [{ company, number, url }];
}

function fail(...userErrors: UserError[]) {
  return { fulfillment: null, userErrors };
}

function unfulfillable(fulfillmentOrder: FakeFulfillmentOrder, gidValue: string): UserError {
  return {
    field: ["fulfillment"],
    message: `Fulfillment order ${gidTail(gidValue)} has an unfulfillable status= ${fulfillmentOrder.status.toLowerCase()}.`,
  };
}

export const MIXED_LOCATIONS = "All fulfillment orders must be assigned to a single location";
export const MIXED_DELIVERY_METHODS = "All fulfillment orders must have the same delivery method type";

const INVALID_QUANTITY: UserError = {
  field: ["fulfillment"],
  message: "Invalid fulfillment order line item quantity requested.",
};

/**
 * fulfillmentCreate(fulfillment: FulfillmentInput!, message: String). Unknown fulfillment order ids are a
 * top-level RESOURCE_NOT_FOUND error ("invalid id"); state problems are userErrors worded as Shopify does.
 */
export function fulfillmentCreate(_source: unknown, args: Args, ctx: FakeContext) {
  requireScope(ctx, "fulfillmentCreate", FULFILLMENT_ORDER_WRITE_SCOPES);
  const input = obj(args, "fulfillment") ?? {};
  const groups = objList(input, "lineItemsByFulfillmentOrder") ?? [];
  const resolved = groups.map((group) => {
    const id = str(group, "fulfillmentOrderId") ?? "";
    const parsed = parseGid(id);
    const found = parsed?.type === "FulfillmentOrder" ? ctx.shop.fulfillmentOrder(parsed.id) : undefined;
    // A fulfillment order the app's scopes hide is, to the app, one that does not exist (assumption).
    if (!found || !canSeeFulfillmentOrder(ctx, found.fulfillmentOrder)) {
      throw shopifyError("invalid id", "RESOURCE_NOT_FOUND");
    }
    if (!canWriteFulfillmentOrder(ctx, found.fulfillmentOrder)) {
      requireScope(ctx, "fulfillmentCreate", [
        "write_third_party_fulfillment_orders",
        "write_assigned_fulfillment_orders",
      ]);
    }
    return { id, group, ...found };
  });
  const first = resolved[0];
  if (!first)
    return fail({
      field: ["fulfillment", "lineItemsByFulfillmentOrder"],
      message: "Line items by fulfillment order can't be blank",
    });
  const order: FakeOrder = first.order;
  if (resolved.some((r) => r.order !== order)) {
    return fail({ field: ["fulfillment"], message: "All fulfillment orders must belong to the same order." });
  }
  // One fulfillment ships from one place in one way: Shopify refuses a mix of locations
  // (observed: "All fulfillment orders must be assigned to a single location", microsoft/BCApps#7421)
  // and of delivery method types (wording assumed, see README).
  if (new Set(resolved.map((r) => r.fulfillmentOrder.locationId)).size > 1) {
    return fail({ field: ["fulfillment"], message: MIXED_LOCATIONS });
  }
  if (new Set(resolved.map((r) => r.fulfillmentOrder.deliveryMethodType)).size > 1) {
    return fail({ field: ["fulfillment"], message: MIXED_DELIVERY_METHODS });
  }
  const requests: FulfillmentRequest[] = [];
  for (const { id, group, fulfillmentOrder } of resolved) {
    if (!FULFILLABLE.has(fulfillmentOrder.status)) return fail(unfulfillable(fulfillmentOrder, id));
    if (order.cancelledAt)
      return fail({ field: ["fulfillment"], message: "Cannot fulfill a cancelled order." });
    const lines = objList(group, "fulfillmentOrderLineItems");
    if (!lines || lines.length === 0) {
      requests.push({ fulfillmentOrder, lines: null });
      continue;
    }
    const quantities = new Map<number, number>();
    for (const line of lines) {
      const lineId = parseGid(str(line, "id") ?? "")?.id;
      const quantity = int(line, "quantity") ?? 0;
      const target = fulfillmentOrder.lineItems.find((l) => l.id === lineId);
      const total = (quantities.get(target?.id ?? -1) ?? 0) + quantity;
      if (!target || quantity <= 0 || total > target.remainingQuantity) return fail(INVALID_QUANTITY);
      quantities.set(target.id, total);
    }
    requests.push({ fulfillmentOrder, lines: quantities });
  }
  const fulfillment = applyFulfillment(order, requests, {
    ids: ctx.ids,
    at: ctx.now,
    trackingInfo: trackingFromInput(obj(input, "trackingInfo")),
    notifyCustomer: bool(input, "notifyCustomer") ?? false,
    message: str(args, "message") ?? null,
  });
  const numbers = fulfillment.trackingInfo
    .map((t) => t.number)
    .filter(Boolean)
    .join(", ");
  ctx.shop.record(
    "fulfillment_success",
    `gid://shopify/Order/${order.id}`,
    `${fulfillment.name} created${numbers ? ` (${numbers})` : ""}`,
  );
  ctx.emit("fulfillments/create", () => fulfillmentWebhookBody(fulfillment, order, ctx.shop));
  ctx.emit(
    displayFulfillmentStatus(order) === "FULFILLED" ? "orders/fulfilled" : "orders/partially_fulfilled",
    () => orderWebhookBody(order, ctx.shop, ctx.app),
  );
  ctx.emit("orders/updated", () => orderWebhookBody(order, ctx.shop, ctx.app));
  return { fulfillment, userErrors: [] };
}
