import type { Db } from "~/db.server";
import type { WebhookDelivery } from "./handlers.server";
import { topicName, TOPICS } from "./topics.server";

/** The topics the app has a handler for (app/webhooks/topics.server.ts). */
export const HANDLED_TOPICS = Object.keys(TOPICS).filter((t) => TOPICS[t]?.handler);

/**
 * Runs the handler for a delivery that receiveWebhook has already verified; false when the app has no
 * handler for the topic. Only for verified deliveries: the checks live in receive.server.ts.
 */
export async function dispatchWebhook(db: Db, delivery: WebhookDelivery): Promise<boolean> {
  const handler = TOPICS[topicName(delivery.topic)]?.handler;
  if (!handler) return false;
  await handler(db, delivery);
  return true;
}
