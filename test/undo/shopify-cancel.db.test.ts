import { createServer, type Server } from "node:http";
import { afterEach, expect, it } from "vitest";
import { countRequests } from "../support/internetmarke-sim";
import { describeEachDatabase } from "../support/databases";
import { webhookHmac } from "../shopify-fake/webhooks/deliver";
import { API_SECRET } from "../shopify-fake/test-helpers";
import { dispatchWebhook } from "~/webhooks/dispatch.server";
import { undoFranking } from "~/undo/undo.server";
import { fulfillmentUpdated } from "~/undo/shopify-cancelled.server";
import type { Db } from "~/db.server";
import { useUndo } from "./harness";

/**
 * A webhook receiver on port 0 that checks Shopify's HMAC and hands fulfillments/update to the app's
 * handler on the simulators' clock (the dispatch uses the wall clock; its registration is checked below).
 */
async function receiver(db: () => Db, now: () => Date) {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      if (webhookHmac(body, API_SECRET) !== req.headers["x-shopify-hmac-sha256"])
        return void res.writeHead(401).end();
      const header = (name: string) => String(req.headers[name] ?? "");
      fulfillmentUpdated(
        db(),
        {
          shop: header("x-shopify-shop-domain"),
          topic: header("x-shopify-topic"),
          webhookId: header("x-shopify-webhook-id"),
          eventId: header("x-shopify-event-id"),
          payload: JSON.parse(body) as unknown,
        },
        now(),
      ).then(
        () => res.writeHead(200).end(),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describeEachDatabase("a fulfillment cancelled in Shopify", (database) => {
  const env = useUndo(database);
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });
  async function subscribe() {
    const r = await receiver(env.db, env.clock.now);
    close = r.close;
    env.fake.subscribeWebhooks(env.shop.domain, r.url, ["fulfillments/update"]);
  }

  it("with the setting on, leads to one Retoure however often the webhook arrives", async () => {
    await env.db().bookkeepingSettings.create({ data: { shopId: env.shop.id, refundOnShopifyCancel: true } });
    await subscribe();
    const franked = await env.frank(1);
    const order = franked.orders[0];
    if (!order) throw new Error("no order");
    await env.fake.cancelFulfillment(env.shop.domain, order.fulfillmentId);
    const delivery = env.fake
      .shop(env.shop.domain)
      .webhookDeliveries.find((d) => d.topic === "fulfillments/update");
    expect(delivery?.status).toBe("delivered");
    // Shopify delivers at least once: the same payload again changes nothing.
    const payload = {
      admin_graphql_api_id: order.fulfillmentId,
      order_id: order.orderId.split("/").pop(),
      status: "cancelled",
    };
    for (let i = 0; i < 3; i++) {
      await dispatchWebhook(env.db(), {
        shop: env.shop.domain,
        topic: "fulfillments/update",
        webhookId: `again-${i}`,
        eventId: `again-${i}`,
        payload,
      });
    }
    expect(await env.db().frankingUndo.findMany()).toMatchObject([
      { source: "SHOPIFY", state: "FILED", orderId: order.orderId },
    ]);
    await env.settle();
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    expect(await env.db().refund.findMany()).toMatchObject([
      { source: "UNDO", state: "REFUNDED", refundedCents: 95 },
    ]);
    // Opening it in the app finishes the Shopify side (the tag) without a second Retoure.
    const done = await undoFranking(
      { db: env.db(), admin: env.admin(), now: env.clock.now, sleep: async (ms) => env.clock.advance(ms) },
      env.shop.id,
      [order.orderId],
    );
    expect(done).toMatchObject([{ result: "undone" }]);
    expect(env.fake.shop(env.shop.domain).requireOrder(order.orderId).tags).not.toContain("frankiert");
    await env.settle();
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    await env.expectMoneyReconciles();
  });

  it("by default offers the Retoure; the merchant's undo files it once", async () => {
    await subscribe();
    const franked = await env.frank(1);
    const order = franked.orders[0];
    if (!order) throw new Error("no order");
    await env.fake.cancelFulfillment(env.shop.domain, order.fulfillmentId);
    expect(await env.db().frankingUndo.findMany()).toMatchObject([{ source: "SHOPIFY", state: "OFFERED" }]);
    expect(await env.db().refund.count()).toBe(0);
    const sleep = async (ms: number) => env.clock.advance(ms);
    const results = await Promise.all(
      [1, 2].map(() =>
        undoFranking({ db: env.db(), admin: env.admin(), now: env.clock.now, sleep }, env.shop.id, [
          order.orderId,
        ]),
      ),
    );
    expect(
      results
        .flat()
        .map((r) => r.result)
        .sort(),
    ).toEqual(["already_undone", "undone"]);
    await env.settle();
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    await env.expectMoneyReconciles();
  });

  it("ignores fulfillments that are not the app's, and updates that are not cancellations", async () => {
    await env.db().bookkeepingSettings.create({ data: { shopId: env.shop.id, refundOnShopifyCancel: true } });
    const franked = await env.frank(1);
    const order = franked.orders[0];
    if (!order) throw new Error("no order");
    const shop = env.shop.domain;
    await dispatchWebhook(env.db(), {
      shop,
      topic: "fulfillments/update",
      webhookId: "w1",
      payload: { admin_graphql_api_id: order.fulfillmentId, order_id: 1, status: "success" },
    });
    await dispatchWebhook(env.db(), {
      shop,
      topic: "fulfillments/update",
      webhookId: "w2",
      payload: { admin_graphql_api_id: "gid://shopify/Fulfillment/999", order_id: 1, status: "cancelled" },
    });
    expect(await env.db().frankingUndo.count()).toBe(0);
    expect(await env.db().refund.count()).toBe(0);
  });
});
