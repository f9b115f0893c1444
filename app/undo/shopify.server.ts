/**
 * The Shopify side of an undo: read the order's fulfillments (status and carrier tracking), cancel the
 * app's fulfillment (`fulfillmentCancel`) and remove the app's tag. Both writes are safe to repeat: a
 * cancelled fulfillment is not cancelled again, and removing a missing tag changes nothing.
 */
import { z } from "zod";
import { shopifyCall } from "~/shopify/call.server";
import type { AdminGraphql } from "~/shopify/graphql.server";
import type { ShopifyFulfillmentState } from "./model";

export const UNDO_ORDER_QUERY = `#graphql
  query UndoOrderFulfillments($id: ID!) {
    order(id: $id) {
      id
      cancelledAt
      fulfillments(first: 25) {
        id
        status
        displayStatus
        inTransitAt
        deliveredAt
        trackingInfo(first: 10) {
          number
        }
      }
    }
  }`;

export const UNDO_CANCEL_MUTATION = `#graphql
  mutation UndoFulfillment($fulfillmentId: ID!) {
    fulfillmentCancel(id: $fulfillmentId) {
      fulfillment {
        id
        status
      }
      userErrors {
        field
        message
      }
    }
  }`;

export const UNDO_UNTAG_MUTATION = `#graphql
  mutation UndoRemoveTag($id: ID!, $tags: [String!]!) {
    tagsRemove(id: $id, tags: $tags) {
      userErrors {
        field
        message
      }
    }
  }`;

const userErrors = z.array(
  z.object({ field: z.array(z.string()).nullable().optional(), message: z.string() }),
);
const orderData = z.object({
  order: z
    .object({
      id: z.string(),
      cancelledAt: z.string().nullable(),
      fulfillments: z.array(
        z.object({
          id: z.string(),
          status: z.string(),
          displayStatus: z.string().nullable(),
          inTransitAt: z.string().nullable(),
          deliveredAt: z.string().nullable(),
          trackingInfo: z.array(z.object({ number: z.string().nullable() })),
        }),
      ),
    })
    .nullable(),
});
const cancelData = z.object({
  fulfillmentCancel: z
    .object({ fulfillment: z.object({ id: z.string(), status: z.string() }).nullable(), userErrors })
    .nullable(),
});
const untagData = z.object({ tagsRemove: z.object({ userErrors }).nullable() });

export interface UndoOrderState {
  cancelled: boolean;
  fulfillments: ShopifyFulfillmentState[];
}

/** The order's fulfillments as Shopify has them now; null when the order is gone. */
/** How a call waits when Shopify's cost bucket is empty (THROTTLED answers are waited for, then sent again). */
export interface UndoCall {
  sleep: (ms: number) => Promise<void>;
}

export async function readOrderForUndo(
  admin: AdminGraphql,
  orderId: string,
  call: UndoCall,
): Promise<UndoOrderState | null> {
  const { order } = await shopifyCall(admin, UNDO_ORDER_QUERY, { id: orderId }, orderData, {
    ...call,
    cost: 40,
  });
  if (!order) return null;
  return {
    cancelled: order.cancelledAt !== null,
    fulfillments: order.fulfillments.map((f) => ({
      id: f.id,
      status: f.status,
      displayStatus: f.displayStatus,
      inTransitAt: f.inTransitAt,
      deliveredAt: f.deliveredAt,
      trackingNumbers: f.trackingInfo.flatMap((t) => (t.number ? [t.number] : [])),
    })),
  };
}

/** Shopify refused a write of the undo (its userErrors, joined). */
export class UndoShopifyRefusedError extends Error {
  override name = "UndoShopifyRefusedError";
}

/** Cancels the fulfillment unless it is cancelled already; an "already cancelled" refusal counts as done. */
export async function cancelFulfillment(
  admin: AdminGraphql,
  fulfillment: ShopifyFulfillmentState,
  call: UndoCall,
): Promise<void> {
  if (fulfillment.status === "CANCELLED") return;
  const data = await shopifyCall(admin, UNDO_CANCEL_MUTATION, { fulfillmentId: fulfillment.id }, cancelData, {
    ...call,
    cost: 10,
  });
  const errors = data.fulfillmentCancel?.userErrors ?? [];
  if (errors.length === 0) return;
  // A concurrent request (a second click, the merchant in Shopify) cancelled it first: the goal is reached.
  const again = errors.every((e) => /already been cancel/i.test(e.message));
  if (!again)
    throw new UndoShopifyRefusedError(`fulfillmentCancel: ${errors.map((e) => e.message).join("; ")}`);
}

export async function removeTag(
  admin: AdminGraphql,
  orderId: string,
  tag: string,
  call: UndoCall,
): Promise<void> {
  const data = await shopifyCall(admin, UNDO_UNTAG_MUTATION, { id: orderId, tags: [tag] }, untagData, {
    ...call,
    cost: 10,
  });
  const errors = data.tagsRemove?.userErrors ?? [];
  if (errors.length > 0)
    throw new UndoShopifyRefusedError(`tagsRemove: ${errors.map((e) => e.message).join("; ")}`);
}
