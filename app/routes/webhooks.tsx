import type { ActionFunctionArgs } from "@remix-run/node";
import { config } from "~/config.server";
import { db } from "~/db.server";
import { kickRefundWorkers } from "~/refunds/worker.server";
import { receiveWebhook } from "~/webhooks/receive.server";

/**
 * Every webhook of shopify.app.toml arrives here. receiveWebhook checks size, HMAC, freshness and that
 * the signed body fits the topic and the shop before any handler runs (ADR 011); handlers only touch the
 * database, so the answer is fast (slow work, like refunds, is queued in the database).
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const response = await receiveWebhook(db(), request, { apiSecret: config().SHOPIFY_API_SECRET });
  // Queued work (refunds for orders/cancelled) starts now rather than at the workers' next poll.
  if (response.ok) kickRefundWorkers();
  return response;
};

/** GET, HEAD: Shopify only POSTs here. */
export const loader = () => new Response(null, { status: 405, headers: { Allow: "POST" } });
