import { gid, parseGid } from "../../gid";
import { applyFulfillmentCancellation, fulfillmentCancelProblem } from "../../order-logic";
import { str } from "../../graphql/args";
import type { FakeContext } from "../../graphql/context";
import { invalidGlobalId, shopifyError, type Args } from "../../graphql/registry";
import { FULFILLMENT_ORDER_WRITE_SCOPES, requireScope } from "../../graphql/scopes";
import { fulfillmentWebhookBody, orderWebhookBody } from "../../webhooks/payloads";

/**
 * fulfillmentCancel(id: ID!): FulfillmentCancelPayload. Cancels a fulfillment and reverses its effect on the
 * fulfillment orders (shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentCancel: "creates new
 * fulfillment orders for the cancelled items so they can be fulfilled again"; a fulfillment order still in
 * progress takes the quantities back). Needs a fulfillment-order write scope, like fulfillmentCreate.
 * Refused as userErrors (field ["id"]): a fulfillment already cancelled, and one of a cancelled order.
 * An id of another type is Shopify's "Invalid global id"; an unknown fulfillment is a top-level
 * RESOURCE_NOT_FOUND "invalid id" as for fulfillmentCreate (assumption, see README). Emits
 * `fulfillments/update` (status "cancelled") and `orders/updated`.
 */
export function fulfillmentCancel(_source: unknown, args: Args, ctx: FakeContext) {
  requireScope(ctx, "fulfillmentCancel", FULFILLMENT_ORDER_WRITE_SCOPES);
  const id = str(args, "id") ?? "";
  const parsed = parseGid(id);
  if (!parsed) throw invalidGlobalId(id);
  const fulfillment = parsed.type === "Fulfillment" ? ctx.shop.fulfillment(parsed.id) : undefined;
  const order = fulfillment ? ctx.shop.order(fulfillment.orderId) : undefined;
  if (!fulfillment || !order) throw shopifyError("invalid id", "RESOURCE_NOT_FOUND");
  const problem = fulfillmentCancelProblem(order, fulfillment);
  if (problem) return { fulfillment: null, userErrors: [{ field: ["id"], message: problem }] };
  applyFulfillmentCancellation(order, fulfillment, { ids: ctx.ids, at: ctx.now });
  ctx.shop.record(
    "fulfillment_cancelled",
    gid("Order", order.id),
    `Fulfillment ${fulfillment.name} of order ${order.name} was cancelled`,
  );
  ctx.emit("fulfillments/update", () => fulfillmentWebhookBody(fulfillment, order, ctx.shop));
  ctx.emit("orders/updated", () => orderWebhookBody(order, ctx.shop, ctx.app));
  return { fulfillment, userErrors: [] };
}
