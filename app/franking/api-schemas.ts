/** Request bodies and query strings of the franking API routes, parsed with zod. */
import { z } from "zod";
import { ORDER_GID } from "./model";

export const MAX_BATCH_ORDERS = 250;

export const createBatchBodySchema = z.object({
  orderIds: z.array(z.string().trim().min(1).max(100)).min(1).max(MAX_BATCH_ORDERS),
  startPosition: z.number().int().min(1).max(1000).default(1),
  labelFormat: z.enum(["PDF", "PNG"]).default("PDF"),
  /** Shopify emails the customer about the fulfillment (default off). */
  notifyCustomer: z.boolean().optional(),
  /**
   * The total of the frankable orders the merchant saw in the preview (cents). Given, a confirm that finds
   * another total buys nothing and answers 409 `prices_changed` (ADR 021).
   */
  expectedTotalCents: z.number().int().min(0).optional(),
});

export type CreateBatchBody = z.infer<typeof createBatchBodySchema>;

/** `?ids=gid://shopify/Order/1,gid://shopify/Order/2` (1..250 order gids). */
export const orderIdsQuerySchema = z
  .string()
  .transform((value) => value.split(",").map((id) => id.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(ORDER_GID)).min(1).max(MAX_BATCH_ORDERS));

export const batchStatusUrl = (batchId: string): string => `/api/batches/${encodeURIComponent(batchId)}`;
