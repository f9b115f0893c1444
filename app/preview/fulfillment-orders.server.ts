/**
 * What the app reads of an order's fulfillment orders (preview, confirm and write-back): what decides
 * whether one letter can fulfil the order, i.e. status, assigned location and delivery method.
 * Requested cost per order: the connection 2 + 5 × (node, assignedLocation, location, deliveryMethod) = 22.
 */
import { z } from "zod";
import type { FulfillmentOrderState } from "./fulfillability";

/** The queries ask for `first: 5` (written out in each document; keep them in step). */
export const FULFILLMENT_ORDERS_PER_ORDER = 5;
export const FULFILLMENT_ORDERS_COST = 2 + 4 * FULFILLMENT_ORDERS_PER_ORDER;
/** The write-back's read of one order's fulfillment orders: the order (1) and the connection. */
export const FULFILLMENT_READ_COST = 1 + FULFILLMENT_ORDERS_COST;

export const fulfillmentOrderSchema = z.object({
  id: z.string(),
  status: z.string(),
  assignedLocation: z.object({ location: z.object({ id: z.string() }).nullable() }).nullable(),
  deliveryMethod: z.object({ methodType: z.string() }).nullable(),
});

export function toFulfillmentOrderState(fo: z.infer<typeof fulfillmentOrderSchema>): FulfillmentOrderState {
  return {
    id: fo.id,
    status: fo.status,
    locationId: fo.assignedLocation?.location?.id ?? null,
    methodType: fo.deliveryMethod?.methodType ?? null,
  };
}
