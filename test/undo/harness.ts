/**
 * Test support for undo: the refunds harness (simulator over HTTP, Shopify fake, migrated database, refund
 * worker) plus franked orders that are fulfilled in the fake the way the franking pipeline leaves them:
 * a fulfillment with the stamp's tracking number, the batch tag, and the FulfillmentTask with its id.
 */
import { randomUUID } from "node:crypto";
import { fakeAdmin } from "../support/fake-admin";
import type { TestDatabase } from "../support/databases";
import { STANDARDBRIEF, useRefunds, type BoughtCart, type RefundEnv } from "../refunds/harness";
import { FRANKING_FULFILL_MUTATION, CARRIER } from "~/franking/fulfill.server";
import type { AdminGraphql } from "~/shopify/graphql.server";
import type { ShopifyFake } from "../shopify-fake";

export interface UndoEnv extends RefundEnv {
  admin(): AdminGraphql;
  /** Buys, then fulfils each order in the fake with its tracking number and tag, as the pipeline does. */
  /** `shopify`: the fake to fulfil in (default the harness's). */
  frank(
    count: number,
    product?: typeof STANDARDBRIEF,
    shopify?: { fake: ShopifyFake; token: string },
  ): Promise<BoughtCart & { orders: Array<{ orderId: string; name: string; fulfillmentId: string }> }>;
}

export function useUndo(database: () => TestDatabase): UndoEnv {
  const env = useRefunds(database);
  const admin = () => fakeAdmin(env.fake, env.shop.domain, env.shop.token);
  return {
    ...env,
    admin,
    async frank(count, product = STANDARDBRIEF, shopify) {
      const fake = shopify?.fake ?? env.fake;
      const adminOf = () => (shopify ? fakeAdmin(shopify.fake, env.shop.domain, shopify.token) : admin());
      const orders = env.openOrders(count);
      const cart = await env.buy(orders, product);
      const db = database().db;
      const fulfilled = [];
      for (const order of orders) {
        const fakeOrder = fake.shop(env.shop.domain).requireOrder(order.orderId);
        const voucher = cart.vouchers.find((v) => v.orderId === order.orderId);
        const row = await db.voucher.findUniqueOrThrow({ where: { voucherId: voucher?.voucherId ?? "" } });
        const fulfillment = {
          lineItemsByFulfillmentOrder: fakeOrder.fulfillmentOrders.map((fo) => ({
            fulfillmentOrderId: `gid://shopify/FulfillmentOrder/${fo.id}`,
          })),
          notifyCustomer: false,
          ...(row.trackId ? { trackingInfo: { company: CARRIER, numbers: [row.trackId] } } : {}),
        };
        const response = await adminOf().graphql(FRANKING_FULFILL_MUTATION, {
          variables: { fulfillment, id: order.orderId, tags: ["frankiert"] },
        });
        const body = (await response.json()) as {
          data: { fulfillmentCreate: { fulfillment: { id: string } | null } };
        };
        const fulfillmentId = body.data.fulfillmentCreate.fulfillment?.id;
        if (!fulfillmentId) throw new Error(`not fulfilled: ${JSON.stringify(body)}`);
        await db.fulfillmentTask.create({
          data: {
            id: randomUUID(),
            batchOrderId: row.batchOrderId,
            batchId: row.batchId,
            shopId: env.shop.id,
            orderId: order.orderId,
            state: "DONE",
            nextAttemptAt: env.clock.now(),
            fulfillmentId,
            doneAt: env.clock.now(),
          },
        });
        await db.frankingOrder.update({ where: { id: row.batchOrderId }, data: { status: "FULFILLED" } });
        fulfilled.push({ ...order, fulfillmentId });
      }
      return { ...cart, orders: fulfilled };
    },
  };
}
