/**
 * Whether an order a webhook names exists in the shop, asked of the shop's own Admin API (one query of
 * 1 point). For topics about orders the app has not franked yet (orders/create, orders/paid): a genuine
 * body of another shop, re-sent under this shop's domain, names an order this shop does not have. When
 * Shopify cannot be asked (no session, access lost, network), the delivery is acknowledged without effect:
 * automatic franking's safety-net query finds the order at its next run.
 */
import { z } from "zod";
import type { Db } from "~/db.server";

export const ORDER_IN_SHOP_QUERY = `#graphql
  query WebhookOrderInShop($id: ID!) {
    order(id: $id) {
      id
    }
  }`;

const answer = z.object({ data: z.object({ order: z.object({ id: z.string() }).nullable() }).optional() });

export async function orderInShopify(db: Db, shopId: string, orderId: string): Promise<boolean> {
  const shop = await db.shop.findUnique({ where: { id: shopId }, select: { domain: true } });
  if (!shop) return false;
  try {
    // Loaded on use: the Shopify wiring reads the app's configuration, which the webhook checks do not need.
    const { workerAdmin } = await import("~/shopify/worker-admin.server");
    const admin = await workerAdmin(shop.domain);
    const response = await admin.graphql(ORDER_IN_SHOP_QUERY, { variables: { id: orderId } });
    const parsed = answer.safeParse(await response.json());
    return parsed.success && parsed.data.data?.order?.id === orderId;
  } catch {
    return false;
  }
}
