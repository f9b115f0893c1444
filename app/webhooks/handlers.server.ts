import { z } from "zod";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "~/db/errors";

/** A delivery that receiveWebhook (receive.server.ts) has verified: payload parsed with its topic's schema. */
export interface WebhookDelivery {
  shop: string;
  topic: string;
  webhookId: string;
  eventId?: string;
  payload: unknown;
}

/** app/uninstalled: the shop's sessions go (its tokens are dead) and the shop is marked uninstalled. */
export async function appUninstalled(db: Db, delivery: WebhookDelivery) {
  await db.$transaction([
    db.session.deleteMany({ where: { shop: delivery.shop } }),
    db.shop.updateMany({ where: { domain: delivery.shop }, data: { uninstalledAt: new Date() } }),
  ]);
}

const scopesPayload = z.object({ current: z.array(z.string()) }).loose();

/** app/scopes_update: keep the stored sessions' and the shop's scopes in step with what was granted. */
export async function scopesUpdated(db: Db, delivery: WebhookDelivery) {
  const { current } = scopesPayload.parse(delivery.payload);
  const scope = current.join(",");
  await db.$transaction([
    db.session.updateMany({ where: { shop: delivery.shop }, data: { scope } }),
    db.shop.updateMany({ where: { domain: delivery.shop }, data: { scopes: scope } }),
  ]);
}

const cancelledPayload = z
  .object({
    id: z.union([z.number(), z.string()]),
    admin_graphql_api_id: z.string(),
    name: z.string().optional(),
    cancelled_at: z.string().nullable().optional(),
    customer: z
      .object({ id: z.union([z.number(), z.string()]) })
      .loose()
      .nullable()
      .optional(),
  })
  .loose();

/**
 * orders/cancelled: recorded once per Shopify event (deliveries repeat), and the refund work for the
 * order (app/refunds) queued in the same write, so an event is never recorded without its job. Only ids
 * and dates are kept. Returns false when this event was already recorded.
 */
export async function orderCancelled(
  db: Db,
  delivery: WebhookDelivery,
  now: Date = new Date(),
): Promise<boolean> {
  const order = cancelledPayload.parse(delivery.payload);
  // Never creates a shop: a webhook for a domain that never installed the app changes nothing.
  const shop = await db.shop.findUnique({ where: { domain: delivery.shop } });
  if (!shop) return false;
  const payload = {
    orderId: order.admin_graphql_api_id,
    name: order.name ?? null,
    cancelledAt: order.cancelled_at ?? null,
    customerId: order.customer ? String(order.customer.id) : null,
  };
  try {
    // One create with a nested create: Prisma runs both in one transaction.
    await db.webhookEvent.create({
      data: {
        shopId: shop.id,
        topic: delivery.topic,
        eventId: delivery.eventId ?? delivery.webhookId,
        webhookId: delivery.webhookId,
        payload: JSON.stringify(payload),
        refundJob: { create: { shopId: shop.id, orderId: payload.orderId, nextAttemptAt: now } },
      },
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
