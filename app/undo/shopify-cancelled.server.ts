/**
 * The reverse of an undo: the merchant cancelled the app's fulfillment in Shopify ("Versand stornieren").
 * Shopify sends `fulfillments/update` with status "cancelled"; the app then offers the stamp's Retoure
 * (an OFFERED undo the merchant confirms in the app) or, when the shop chose so
 * (BookkeepingSettings.refundOnShopifyCancel), files it at once. Only the database is touched, so the
 * webhook is answered at once; the refund worker sends the Retoure. Deliveries repeat and the app's own
 * "Frankierung stornieren" causes the same webhook: the undo row is unique per franked order, so every
 * repeat finds it and does nothing.
 */
import { z } from "zod";
import type { Db } from "~/db.server";
import { shopFor } from "~/shops.server";
import type { WebhookDelivery } from "~/webhooks/handlers.server";
import { isUniqueViolation } from "~/db/errors";
import { fileUndoRefund } from "./undo.server";

const fulfillmentPayload = z
  .object({
    admin_graphql_api_id: z.string(),
    order_id: z.union([z.number(), z.string()]),
    status: z.string(),
    tracking_numbers: z.array(z.string()).optional(),
  })
  .loose();

export type ShopifyCancelResult = "ignored" | "not_ours" | "known" | "offered" | "filed";

export async function refundOnShopifyCancel(db: Db, shopId: string): Promise<boolean> {
  const settings = await db.bookkeepingSettings.findUnique({
    where: { shopId },
    select: { refundOnShopifyCancel: true },
  });
  return settings?.refundOnShopifyCancel ?? false;
}

/** The franked order whose fulfillment this is: by the recorded fulfillment id, else by tracking number. */
async function frankedOrderOf(
  db: Db,
  shopId: string,
  fulfillmentId: string,
  orderId: string,
  trackingNumbers: readonly string[],
) {
  const include = { voucher: true } as const;
  const byTask = await db.frankingOrder.findFirst({
    where: { shopId, fulfillmentTask: { fulfillmentId }, voucher: { isNot: null } },
    include,
  });
  if (byTask) return byTask;
  if (trackingNumbers.length === 0) return null;
  return db.frankingOrder.findFirst({
    where: { shopId, orderId, voucher: { trackId: { in: [...trackingNumbers] } } },
    include,
  });
}

/** fulfillments/update: a cancelled fulfillment of the app offers (or files) the stamp's Retoure. */
export async function fulfillmentUpdated(
  db: Db,
  delivery: WebhookDelivery,
  now: Date = new Date(),
): Promise<ShopifyCancelResult> {
  const payload = fulfillmentPayload.parse(delivery.payload);
  if (payload.status !== "cancelled") return "ignored";
  const shop = await shopFor(db, delivery.shop);
  const orderId = String(payload.order_id).startsWith("gid://")
    ? String(payload.order_id)
    : `gid://shopify/Order/${payload.order_id}`;
  const franked = await frankedOrderOf(
    db,
    shop.id,
    payload.admin_graphql_api_id,
    orderId,
    payload.tracking_numbers ?? [],
  );
  if (!franked?.voucher) return "not_ours";
  const automatic = await refundOnShopifyCancel(db, shop.id);
  let row;
  try {
    row = await db.frankingUndo.create({
      data: {
        shopId: shop.id,
        orderId: franked.orderId,
        orderName: franked.orderName,
        batchId: franked.batchId,
        batchOrderId: franked.id,
        voucherId: franked.voucher.voucherId,
        source: "SHOPIFY",
        state: "OFFERED",
        fulfillmentId: payload.admin_graphql_api_id,
        createdAt: now,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return "known";
    throw error;
  }
  if (!automatic) return "offered";
  // FILED: the Retoure is filed; the fulfillment is cancelled already, and the app's tag is removed when
  // the merchant opens the undo in the app (a webhook handler does not call Shopify).
  await fileUndoRefund(db, row, now);
  return "filed";
}
