import type { Db } from "~/db.server";
import { customerDataRequested, customerRedacted, shopRedacted } from "./compliance.server";
import { appUninstalled, orderCancelled, scopesUpdated, type WebhookDelivery } from "./handlers.server";
import { fulfillmentUpdated } from "~/undo/shopify-cancelled.server";

type Handler = (db: Db, delivery: WebhookDelivery) => Promise<unknown>;

/** Topic names arrive as "app/uninstalled" (header) or "APP_UNINSTALLED" (library enum): one key for both. */
export const topicKey = (topic: string) => topic.toUpperCase().replace(/[/.]/g, "_");

const HANDLERS: Record<string, Handler> = {
  APP_UNINSTALLED: appUninstalled,
  APP_SCOPES_UPDATE: scopesUpdated,
  ORDERS_CANCELLED: orderCancelled,
  // A cancelled fulfillment of the app offers (or files) the stamp's Retoure (app/undo).
  FULFILLMENTS_UPDATE: (db, delivery) => fulfillmentUpdated(db, delivery),
  CUSTOMERS_DATA_REQUEST: customerDataRequested,
  CUSTOMERS_REDACT: customerRedacted,
  SHOP_REDACT: shopRedacted,
};

/** The topics subscribed in shopify.app.toml, as the app handles them. */
export const HANDLED_TOPICS = Object.keys(HANDLERS);

/** Runs the handler for a verified delivery; false when the app does not handle the topic. */
export async function dispatchWebhook(db: Db, delivery: WebhookDelivery): Promise<boolean> {
  const handler = HANDLERS[topicKey(delivery.topic)];
  if (!handler) return false;
  await handler(db, delivery);
  return true;
}
