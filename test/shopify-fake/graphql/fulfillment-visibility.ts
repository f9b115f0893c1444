/**
 * Which fulfillment orders an app may see and fulfil. Shopify: "API access scopes govern which
 * fulfillment orders are returned to clients. An API client will only receive a subset of the
 * fulfillment orders which belong to an order if they don't have the necessary access scopes to view all
 * of the fulfillment orders." (https://shopify.dev/docs/api/admin-graphql/latest/objects/FulfillmentOrder,
 * "Retrieving fulfillment orders"). The scope follows the assigned location
 * (https://shopify.dev/docs/api/usage/access-scopes):
 * - a merchant-managed location: `*_merchant_managed_fulfillment_orders`;
 * - a fulfillment service's location: `*_assigned_fulfillment_orders` when the service is this app,
 *   `*_third_party_fulfillment_orders` when it is another app (a 3PL).
 */
import type { FakeFulfillmentOrder } from "../model";
import type { FakeContext } from "./context";

type Access = "read" | "write";

function scopeFor(ctx: FakeContext, fulfillmentOrder: FakeFulfillmentOrder, access: Access): string {
  const location = ctx.shop.location(fulfillmentOrder.locationId);
  const service = location?.fulfillmentService ?? null;
  if (service === null) return `${access}_merchant_managed_fulfillment_orders`;
  return service === ctx.app.handle
    ? `${access}_assigned_fulfillment_orders`
    : `${access}_third_party_fulfillment_orders`;
}

export function canSeeFulfillmentOrder(ctx: FakeContext, fulfillmentOrder: FakeFulfillmentOrder): boolean {
  return ctx.scopes.has(scopeFor(ctx, fulfillmentOrder, "read"));
}

export function canWriteFulfillmentOrder(ctx: FakeContext, fulfillmentOrder: FakeFulfillmentOrder): boolean {
  return ctx.scopes.has(scopeFor(ctx, fulfillmentOrder, "write"));
}

export function visibleFulfillmentOrders(
  ctx: FakeContext,
  fulfillmentOrders: readonly FakeFulfillmentOrder[],
): FakeFulfillmentOrder[] {
  return fulfillmentOrders.filter((fo) => canSeeFulfillmentOrder(ctx, fo));
}
