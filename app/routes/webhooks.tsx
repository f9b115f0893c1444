import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { authenticate } from "~/shopify.server";
import { kickRefundWorkers } from "~/refunds/worker.server";
import { dispatchWebhook } from "~/webhooks/dispatch.server";

/**
 * Every webhook of shopify.app.toml arrives here. authenticate.webhook verifies the HMAC and
 * answers 401 to a forged one before any handler runs; handlers only touch the database, so the
 * answer is fast (slow work, like refunds, is queued in the database).
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const delivery = await authenticate.webhook(request);
  const handled = await dispatchWebhook(db(), delivery);
  if (!handled) console.warn(`Webhook topic ${delivery.topic} is not handled by this app`);
  // Queued work (refunds for orders/cancelled) starts now rather than at the workers' next poll.
  kickRefundWorkers();
  return new Response(null, { status: 200 });
};
