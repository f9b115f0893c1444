import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getHmac, RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { z } from "zod";
import { countRequests, MERCHANT } from "../support/internetmarke-sim";
import { createShopifyFake, type ShopifyFake } from "../shopify-fake";
import { responseOf, stubAppEnv, TEST_APP } from "../support/app-env";
import { describeEachDatabase } from "../support/databases";
import { useRefunds } from "./harness";

/**
 * The real routes: /webhooks with Shopify's HMAC (authenticate.webhook) and /api/refunds with a session
 * token (authenticate.admin, token exchange with a Shopify fake that knows the test app's keys).
 */
type Handler = (args: ActionFunctionArgs | LoaderFunctionArgs) => Promise<unknown>;
const call = (handler: Handler, request: Request) => responseOf(() => handler({ request, params: {}, context: {} }));

function signed(payload: unknown, opts: { secret?: string; eventId: string; shop: string }) {
  const body = JSON.stringify(payload);
  return new Request(`${TEST_APP.appUrl}/webhooks`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": "orders/cancelled",
      "X-Shopify-Hmac-Sha256": getHmac(body, opts.secret ?? TEST_APP.apiSecret),
      "X-Shopify-Shop-Domain": opts.shop,
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": `wh-${Math.random()}`,
      "X-Shopify-Event-Id": opts.eventId,
      "X-Shopify-Triggered-At": new Date().toISOString(),
    },
  });
}

const api = async (body: unknown) =>
  setUpValidRequest(
    { type: RequestType.Bearer, store: "frankier-demo", apiKey: TEST_APP.apiKey, apiSecretKey: TEST_APP.apiSecret },
    new Request(`${TEST_APP.appUrl}/api/refunds`, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }),
  );

describeEachDatabase("refund routes", (database) => {
  const env = useRefunds(database);
  let webhook: Handler;
  let refundsAction: Handler;
  let refundsPage: Handler;
  let shopifyForApp: ShopifyFake;
  let closeFake: () => Promise<void>;

  beforeAll(async () => {
    // The Shopify that signs webhooks with, and exchanges session tokens for, the test app's keys.
    shopifyForApp = createShopifyFake({
      apiKey: TEST_APP.apiKey,
      apiSecret: TEST_APP.apiSecret,
      webhookFetch: (request) => call(webhook, request),
    });
    const server = await shopifyForApp.listen();
    closeFake = server.close;
    vi.resetModules();
    globalThis.__frankiermeisterDb = undefined;
    stubAppEnv({ DATABASE_URL: database().target.url, SHOPIFY_ADMIN_API_ORIGIN: server.origin });
    ({ action: webhook } = await import("~/routes/webhooks"));
    ({ action: refundsAction } = await import("~/routes/api.refunds"));
    ({ loader: refundsPage } = await import("~/routes/app.refunds"));
  });
  // The routes stamp what they queue with the real time: the simulated clock starts there too.
  beforeEach(() => env.clock.advance(Date.now() - env.clock.now().getTime()));
  afterAll(async () => {
    await globalThis.__frankiermeisterDb?.$disconnect();
    globalThis.__frankiermeisterDb = undefined;
    vi.unstubAllEnvs();
    await closeFake();
  });

  it("the same orders/cancelled delivered 10 times at once, validly signed, gives one job and one Retoure", async () => {
    const [order] = env.openOrders(1);
    if (!order) throw new Error("order");
    await env.buy([order]);
    // The fields of Shopify's order payload that the orders/cancelled schema requires (app/webhooks/topics.server.ts).
    const payload = { id: Number(order.orderId.split("/").pop()), admin_graphql_api_id: order.orderId, name: order.name, created_at: "2026-11-30T10:00:00+01:00", cancelled_at: new Date().toISOString(), financial_status: "refunded", line_items: [{ id: 1 }] };
    const started = Date.now();
    const responses = await Promise.all(Array.from({ length: 10 }, () => call(webhook, signed(payload, { eventId: "ev-cancel-10x", shop: env.shop.domain }))));
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 200));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await env.db().webhookEvent.count({ where: { shopId: env.shop.id } })).toBe(1);
    expect(await env.db().refundJob.count({ where: { shopId: env.shop.id } })).toBe(1);
    await env.settle();
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    expect(await env.db().refund.findFirst({ where: { shopId: env.shop.id } })).toMatchObject({ state: "REFUNDED", refundedCents: 95 });
    await env.expectMoneyReconciles();
  });

  it("refuses a forged orders/cancelled with 401 and queues nothing", async () => {
    const [order] = env.openOrders(1);
    if (!order) throw new Error("order");
    await env.buy([order]);
    const payload = { id: 1, admin_graphql_api_id: order.orderId };
    const response = await call(webhook, signed(payload, { eventId: "ev-forged", shop: env.shop.domain, secret: "not-the-secret" }));
    expect(response.status).toBe(401);
    expect(await env.db().refundJob.count()).toBe(0);
    await env.settle();
    expect(env.sim.requests.filter((r) => r.method === "POST" && r.path.endsWith("/app/retoure"))).toHaveLength(0);
  });

  it("cancelling in Shopify sends the signed webhook through the route, and the stamp is refunded", async () => {
    const [order] = env.openOrders(1);
    if (!order) throw new Error("order");
    await env.buy([order]);
    shopifyForApp.reset();
    const { shopDomain } = shopifyForApp.seedDemoShop();
    shopifyForApp.subscribeWebhooks(shopDomain, `${TEST_APP.appUrl}/webhooks`, ["orders/cancelled"]);
    await shopifyForApp.cancelOrder(shopDomain, order.orderId);
    expect(shopifyForApp.shop(shopDomain).webhookDeliveries.filter((d) => d.topic === "orders/cancelled").at(-1)).toMatchObject({ status: "delivered", lastResponseStatus: 200 });
    await env.settle();
    expect(await env.db().refund.findFirst({ where: { orderId: order.orderId } })).toMatchObject({ state: "REFUNDED", source: "CANCELLATION" });
  });

  it("POST /api/refunds files the shop's chosen vouchers (202) and refuses another shop's (404)", async () => {
    const orders = env.openOrders(2);
    const cart = await env.buy(orders);
    const other = await env.db().shop.create({ data: { domain: `other-${Math.random()}.myshopify.com` } });
    const foreign = await env.db().voucher.findFirstOrThrow({ where: { shopId: env.shop.id } });
    await env.db().voucher.update({ where: { id: foreign.id }, data: { shopId: other.id } });

    const notOurs = await call(refundsAction, await api({ voucherIds: [foreign.voucherId] }));
    expect(notOurs.status).toBe(404);
    expect(await env.db().refund.count()).toBe(0);
    await env.db().voucher.update({ where: { id: foreign.id }, data: { shopId: env.shop.id } });

    expect((await call(refundsAction, await api({ voucherIds: [] }))).status).toBe(400);
    const ids = cart.vouchers.map((v) => v.voucherId);
    const response = await call(refundsAction, await api({ voucherIds: ids }));
    expect(response.status).toBe(202);
    const { refundIds } = z.object({ refundIds: z.array(z.string()) }).parse(await response.json());
    expect(refundIds).toHaveLength(2);
    const again = await call(refundsAction, await api({ voucherIds: ids }));
    expect(await again.json()).toEqual({ refundIds });
    await env.settle();
    const refunds = await env.db().refund.findMany({ where: { id: { in: refundIds } } });
    expect(refunds.map((r) => [r.source, r.state])).toEqual([["MANUAL", "REFUNDED"], ["MANUAL", "REFUNDED"]]);
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    await env.expectMoneyReconciles();
  });

  it("the Refunds page shows pending, confirmed and refused refunds with amounts and the reason", async () => {
    const [a, b, c] = env.openOrders(3);
    if (!a || !b || !c) throw new Error("orders");
    const first = await env.buy([a, b]);
    await env.client().client.portokasse(MERCHANT).requestRetoure({ vouchers: [{ voucherId: first.vouchers[0]?.voucherId ?? "" }] });
    await env.cancel(a.orderId);
    await env.cancel(b.orderId);
    await env.settle();
    const [third] = (await env.buy([c])).vouchers;
    await call(refundsAction, await api({ voucherIds: [third?.voucherId] }));

    const page = await setUpValidRequest(
      { type: RequestType.Admin, store: "frankier-demo", apiKey: TEST_APP.apiKey, apiSecretKey: TEST_APP.apiSecret },
      new Request(`${TEST_APP.appUrl}/app/refunds?locale=de`),
    );
    const response = await call(refundsPage, page);
    expect(response.status).toBe(200);
    const view = await response.json();
    expect(view.locale).toBe("de");
    expect(view.pending).toMatchObject([{ voucherId: third?.voucherId, orderName: c.name, priceCents: 95, source: "MANUAL" }]);
    expect(view.confirmed).toMatchObject([{ orderName: b.name, refundedCents: 95, state: "REFUNDED" }]);
    expect(view.rejected).toMatchObject([{ orderName: a.name, reason: "refused", state: "NOT_REFUNDED" }]);
    expect(view.totals).toEqual({ pendingCents: 95, refundedCents: 95, rejectedCents: 95 });
  });
});
