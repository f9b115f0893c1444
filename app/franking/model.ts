/**
 * The franking pipeline's vocabulary: states of batches, orders, carts and fulfillment tasks, the
 * priced order a batch is created from, and the JSON stored in the database (parsed on read, never cast).
 */
import { z } from "zod";
import type { AddressBinding } from "~/internetmarke";

export const BATCH_STATUS = [
  "QUEUED",
  "RUNNING",
  "DONE",
  "INSUFFICIENT_FUNDS",
  "FAILED",
  // Re-priced before buying and dearer now: waits for the merchant (reprice.server.ts).
  "AWAITING_PRICE_CONFIRMATION",
] as const;
export type BatchStatus = (typeof BATCH_STATUS)[number];
/** Batches a worker still has to look at. */
export const ACTIVE_BATCH_STATUS: readonly BatchStatus[] = ["QUEUED", "RUNNING"];

export const ORDER_STATUS = ["QUEUED", "BOUGHT", "FULFILLED", "FAILED", "SKIPPED"] as const;
export type OrderStatus = (typeof ORDER_STATUS)[number];

export const CART_STATE = ["PLANNED", "INITIALIZED", "CHECKOUT_SENT", "BOUGHT", "NOT_BOUGHT"] as const;
export type CartState = (typeof CART_STATE)[number];

export const cartState = (value: string): CartState => z.enum(CART_STATE).parse(value);

export const TASK_STATE = ["PENDING", "DONE", "FAILED"] as const;
export type TaskState = (typeof TASK_STATE)[number];

export type LabelFormat = "PDF" | "PNG";
export type VoucherLayout = "ADDRESS_ZONE" | "FRANKING_ZONE";

/**
 * One order as confirmed in the batch preview: product and price are fixed here and never looked up
 * again. `address` is the address binding printed on ADDRESS_ZONE stamps (null: none could be made).
 */
export interface PricedOrder {
  orderId: string;
  orderName: string;
  productCode: number;
  productName: string;
  priceCents: number;
  address: AddressBinding | null;
  /** This order's stamp layout (default: the batch's). FRANKING_ZONE orders carry `labelAddress`. */
  layout?: VoucherLayout;
  /** The recipient address the app prints beside a franking-zone stamp (ADR 014). */
  labelAddress?: string[] | null;
  /** Einschreiben (registered mail): the batch asks for the posting list. Default: from the product name. */
  registered?: boolean;
  /**
   * The order's open fulfillment orders as the confirm saw them, one group per `fulfillmentCreate`
   * (ADR 021). Absent: the write-back reads them first.
   */
  fulfillmentOrderIds?: string[][];
}

/** An order the preview already knows cannot be franked (no address, cancelled, ...). */
export interface LeftOutOrder {
  orderId: string;
  orderName: string;
  reason: string;
}

export const addressSchema = z.object({
  name: z.string(),
  additionalName: z.string().optional(),
  addressLine1: z.string(),
  addressLine2: z.string().optional(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string(),
});

export const addressBindingSchema = z.object({ sender: addressSchema, receiver: addressSchema });

export const slotSchema = z.object({
  labelX: z.number().int().min(1),
  labelY: z.number().int().min(1),
  page: z.number().int().min(1),
});
export type Slot = z.infer<typeof slotSchema>;

/** One stamp inside a cart, as stored in `FrankingCart.positions`. */
export const cartPositionSchema = z.object({
  batchOrderId: z.string(),
  orderId: z.string(),
  productCode: z.number().int(),
  productName: z.string(),
  priceCents: z.number().int(),
  registered: z.boolean(),
  voucherLayout: z.enum(["ADDRESS_ZONE", "FRANKING_ZONE"]),
  address: addressBindingSchema.nullable(),
  /** The label slot on the batch's printout (PDF only; pages counted across the whole batch). */
  slot: slotSchema.nullable(),
  /** The open fulfillment orders the confirm saw, grouped per `fulfillmentCreate` (see PricedOrder). */
  fulfillmentOrderIds: z.array(z.array(z.string())).optional(),
});
export type CartPosition = z.infer<typeof cartPositionSchema>;

export const cartPositionsSchema = z.array(cartPositionSchema);

export function parsePositions(json: string): CartPosition[] {
  return cartPositionsSchema.parse(JSON.parse(json));
}

export function parseLabelAddress(json: string | null): string[] | null {
  if (json === null) return null;
  const parsed = z.array(z.string()).safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export function parseAddress(json: string | null): AddressBinding | null {
  return json === null ? null : addressBindingSchema.parse(JSON.parse(json));
}

export const isRegisteredProduct = (productName: string): boolean => /einschreiben/i.test(productName);

export const ORDER_GID = /^gid:\/\/shopify\/Order\/\d+$/;
