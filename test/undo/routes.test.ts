import type { ActionFunctionArgs } from "@remix-run/node";
import { RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { z } from "zod";
import { countRequests } from "../support/internetmarke-sim";
import { createShopifyFake, type ShopifyFake } from "../shopify-fake";
import { responseOf, stubAppEnv, TEST_APP } from "../support/app-env";
import { describeEachDatabase } from "../support/databases";
import { useUndo } from "./harness";

/**
 * The real routes: POST /api/undo with a session token (authenticate.admin; Admin API calls go to a
 * Shopify fake that knows the test app's keys), and /webhooks receiving that fake's signed
 * fulfillments/update.
 */
type Handler = (args: ActionFunctionArgs) => Promise<unknown>;
const call = (handler: Handler, request: Request) =>
  responseOf(() => handler({ request, params: {}, context: {} }));
const outcomes = z.object({
  outcomes: z.array(
    z.object({ orderId: z.string(), result: z.string(), reason: z.string().nullable(), message: z.string() }),
  ),
});

const undoRequest = (body: unknown) =>
  setUpValidRequest(
    {
      type: RequestType.Bearer,
      store: "frankier-demo",
      apiKey: TEST_APP.apiKey,
      apiSecretKey: TEST_APP.apiSecret,
    },
    new Request(`${TEST_APP.appUrl}/api/undo`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "Content-Type": "application/json" },
    }),
  );

describeEachDatabase("undo routes", (database) => {
  const env = useUndo(database);
  let webhook: Handler;
  let undo: Handler;
  let shopify: ShopifyFake;
  let closeFake: () => Promise<void>;

  beforeAll(async () => {
    shopify = createShopifyFake({
      apiKey: TEST_APP.apiKey,
      apiSecret: TEST_APP.apiSecret,
      webhookFetch: (request) => call(webhook, request),
    });
    const server = await shopify.listen();
    closeFake = server.close;
    vi.resetModules();
    globalThis.__frankiermeisterDb = undefined;
    stubAppEnv({ DATABASE_URL: database().target.url, SHOPIFY_ADMIN_API_ORIGIN: server.origin });
    ({ action: webhook } = await import("~/routes/webhooks"));
    ({ action: undo } = await import("~/routes/api.undo"));
  });
  beforeEach(async () => {
    // The fake hands out the same ids after a reset, so its deliveries repeat earlier tests' bodies to the
    // byte: forget the deliveries the route has seen, or it takes them for Shopify's repeats.
    await env.db().receivedWebhook.deleteMany();
    // The routes stamp what they record with the real time: the simulated clock starts there too.
    env.clock.advance(Date.now() - env.clock.now().getTime());
    shopify.reset();
    const { shopDomain } = shopify.seedDemoShop();
    shopify.subscribeWebhooks(shopDomain, `${TEST_APP.appUrl}/webhooks`, ["fulfillments/update"]);
  });
  afterAll(async () => {
    await globalThis.__frankiermeisterDb?.$disconnect();
    globalThis.__frankiermeisterDb = undefined;
    vi.unstubAllEnvs();
    await closeFake();
  });

  const franked = async () => {
    const token = [...shopify.shop(env.shop.domain).accessTokens.keys()][0] ?? "";
    const { orders } = await env.frank(1, undefined, { fake: shopify, token });
    const order = orders[0];
    if (!order) throw new Error("no order");
    return order;
  };

  it("POST /api/undo clicked five times at once: one cancelled fulfillment, one Retoure, answers in German", async () => {
    const order = await franked();
    const responses = await Promise.all(
      Array.from({ length: 5 }, async () =>
        call(undo, await undoRequest({ orderIds: [order.orderId], locale: "de" })),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const results = await Promise.all(responses.map(async (r) => outcomes.parse(await r.json()).outcomes[0]));
    expect(results.filter((r) => r?.result === "undone")).toHaveLength(1);
    expect(results.every((r) => r?.result === "undone" || r?.result === "already_undone")).toBe(true);
    expect(results.find((r) => r?.result === "undone")?.message).toMatch(
      /storniert, die Erstattung ist beantragt/,
    );
    const fakeOrder = shopify.shop(env.shop.domain).requireOrder(order.orderId);
    expect(fakeOrder.fulfillments.map((f) => f.status)).toEqual(["CANCELLED"]);
    expect(fakeOrder.tags).not.toContain("frankiert");
    await shopify.whenIdle();
    // The fulfillments/update of the app's own cancel reached /webhooks and found the undo: nothing new.
    expect(
      shopify.shop(env.shop.domain).webhookDeliveries.filter((d) => d.topic === "fulfillments/update"),
    ).toMatchObject([{ status: "delivered", lastResponseStatus: 200 }]);
    expect(await env.db().frankingUndo.count()).toBe(1);
    await env.settle();
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    await env.expectMoneyReconciles();
  });

  it("refuses bad requests before touching anything, and explains a refusal in the admin's language", async () => {
    expect((await call(undo, await undoRequest({ orderIds: ["1"] }))).status).toBe(400);
    expect((await call(undo, await undoRequest({ orderIds: [] }))).status).toBe(400);
    const unknown = await call(
      undo,
      await undoRequest({ orderIds: ["gid://shopify/Order/1"], locale: "en" }),
    );
    expect(outcomes.parse(await unknown.json()).outcomes).toEqual([
      {
        orderId: "gid://shopify/Order/1",
        result: "refused",
        reason: "not_franked",
        message: "1: not franked by this app.",
      },
    ]);
  });

  it("the merchant unfulfilling in Shopify sends a signed fulfillments/update to /webhooks and, with the setting on, one Retoure", async () => {
    await env.db().bookkeepingSettings.create({ data: { shopId: env.shop.id, refundOnShopifyCancel: true } });
    const order = await franked();
    await shopify.cancelFulfillment(env.shop.domain, order.fulfillmentId);
    expect(
      shopify.shop(env.shop.domain).webhookDeliveries.filter((d) => d.topic === "fulfillments/update"),
    ).toMatchObject([{ status: "delivered", lastResponseStatus: 200 }]);
    expect(await env.db().frankingUndo.findMany()).toMatchObject([{ source: "SHOPIFY", state: "FILED" }]);
    await env.settle();
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    await env.expectMoneyReconciles();
  });
});
