/**
 * The webhook side of automatic franking, as one plain function per delivery: orders/create and
 * orders/paid (signature already verified by the webhooks route) record the order as a candidate. The
 * run itself happens in the automation worker, never inside the webhook request.
 */
import type { Db } from "~/db.server";
import { shopFor } from "~/shops.server";
import { orderWebhookReceived } from "./candidates.server";
import { kickAutomationWorkers } from "./scheduler.server";

export async function automationOrderWebhook(
  db: Db,
  delivery: { shop: string; payload: unknown },
  now: Date = new Date(),
) {
  const shop = await shopFor(db, delivery.shop);
  const added = await orderWebhookReceived(db, shop, delivery.payload, now);
  if (added) kickAutomationWorkers();
  return added;
}
