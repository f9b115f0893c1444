import { gidTail, parseGid } from "../../gid";
import type { FakeFulfillmentOrder, FakeOrder, FakeTrackingInfo } from "../../model";
import { applyFulfillment, displayFulfillmentStatus, type FulfillmentRequest } from "../../order-logic";
import { bool, int, obj, objList, str, strList } from "../../graphql/args";
import type { FakeContext } from "../../graphql/context";
import { shopifyError, type Args } from "../../graphql/registry";
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
    if (!found) throw shopifyError("invalid id", "RESOURCE_NOT_FOUND");
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
