/**
 * Candidate orders for automatic franking: recorded from Shopify's orders/create and orders/paid webhooks
 * and by the safety-net query, so a missed webhook delays an order until the next run but never loses
 * it. Only the order id is stored.
 */
import { z } from "zod";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "~/db/errors";
import { loadAutomation } from "./settings.server";

export type CandidateSource = "webhook" | "query";

/** Records the orders; an order already known (pending or done) is left as it is. */
export async function recordCandidates(
  db: Db,
  shopId: string,
  orderIds: readonly string[],
  source: CandidateSource,
  now: Date,
): Promise<number> {
  if (orderIds.length === 0) return 0;
  const known = await db.automationCandidate.findMany({
    where: { shopId, orderId: { in: [...orderIds] } },
    select: { orderId: true },
  });
  const seen = new Set(known.map((k) => k.orderId));
  let added = 0;
  for (const orderId of new Set(orderIds)) {
    if (seen.has(orderId)) continue;
    try {
      await db.automationCandidate.create({ data: { shopId, orderId, source, seenAt: now } });
      added++;
    } catch (error) {
      // Another process (a webhook and a sweep at once) recorded it first.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return added;
}

/** The fields of an orders/create or orders/paid body this app reads (REST shape, shopify.dev webhook reference). */
export const orderWebhookSchema = z
  .object({
    admin_graphql_api_id: z.string().regex(/^gid:\/\/shopify\/Order\/\d+$/),
    financial_status: z.string().nullable().optional(),
    cancelled_at: z.string().nullable().optional(),
  })
  .loose();

/**
 * orders/create and orders/paid for one shop: a paid, not cancelled order becomes a candidate when the shop
 * has automatic franking switched on. Everything else is ignored (an unpaid order comes back with
 * orders/paid). Throws a ZodError for a malformed body. Returns true when a candidate was added.
 */
export async function orderWebhookReceived(
  db: Db,
  shop: { id: string },
  payload: unknown,
  now: Date,
): Promise<boolean> {
  const order = orderWebhookSchema.parse(payload);
  if (order.financial_status !== "paid" || order.cancelled_at) return false;
  const { config } = await loadAutomation(db, shop.id);
  if (!config.enabled) return false;
  return (await recordCandidates(db, shop.id, [order.admin_graphql_api_id], "webhook", now)) > 0;
}
