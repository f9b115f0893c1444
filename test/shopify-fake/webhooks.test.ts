import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createShopifyFake, DEMO_SHOP_DOMAIN, type FakeShopState, type ShopifyFake } from "./index";
import { API_KEY, API_SECRET, at, clientFor } from "./test-helpers";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on port 0 that fails the first `failures` requests with HTTP 500. */
async function startReceiver(failures = 0) {
  const received: Received[] = [];
  let remainingFailures = failures;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      if (remainingFailures > 0) {
        remainingFailures -= 1;
        res.writeHead(500).end();
      } else {
        res.writeHead(200).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let fake: ShopifyFake;
let shop: FakeShopState;
let accessToken: string;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeEach(() => {
  fake = createShopifyFake({ apiKey: API_KEY, apiSecret: API_SECRET, webhookRetry: { baseDelayMs: 5 } });
  accessToken = fake.seedDemoShop().accessToken;
  shop = fake.shop(DEMO_SHOP_DOMAIN);
});

afterEach(async () => {
  await receiver.close();
});

const verify = (body: string, hmac: string | string[] | undefined) =>
  createHmac("sha256", API_SECRET).update(body, "utf8").digest("base64") === hmac;

describe("webhook delivery", () => {
  it("delivers orders/cancelled with Shopify's headers and a verifiable HMAC", async () => {
    receiver = await startReceiver();
    fake.subscribeWebhooks(DEMO_SHOP_DOMAIN, receiver.url, ["ORDERS_CANCELLED"]);
    const order = shop.requireOrder("#1012");
    await fake.cancelOrder(DEMO_SHOP_DOMAIN, `gid://shopify/Order/${order.id}`, { reason: "customer" });

    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    expect(delivery?.headers).toMatchObject({
      "content-type": "application/json",
      "x-shopify-topic": "orders/cancelled",
      "x-shopify-shop-domain": DEMO_SHOP_DOMAIN,
      "x-shopify-api-version": "2026-10",
      "x-shopify-webhook-id": expect.stringMatching(/^[0-9a-f-]{36}$/),
      "x-shopify-event-id": expect.stringMatching(/^[0-9a-f-]{36}$/),
      "x-shopify-triggered-at": expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(verify(delivery?.body ?? "", delivery?.headers["x-shopify-hmac-sha256"])).toBe(true);
    const payload: unknown = JSON.parse(delivery?.body ?? "null");
    expect(payload).toMatchObject({
      id: order.id,
      admin_graphql_api_id: `gid://shopify/Order/${order.id}`,
      name: "#1012",
      email: "oliver.smith@example.com",
      cancel_reason: "customer",
      cancelled_at: expect.stringMatching(/[+-]\d{2}:\d{2}$/),
      financial_status: "paid",
      fulfillment_status: null,
      total_weight: 120,
      shipping_address: {
        name: "Oliver Smith",
        zip: "SW1A 1AA",
        country_code: "GB",
        country: "United Kingdom",
      },
      line_items: [{ sku: "BP-BUE-20", grams: 120, quantity: 1, price: "12.90" }],
    });
    expect(shop.webhookDeliveries).toMatchObject([
      { topic: "orders/cancelled", status: "delivered", attempts: 1 },
    ]);
  });

  it("retries a failed delivery with backoff, keeping the webhook id", async () => {
    receiver = await startReceiver(2);
    fake.subscribeWebhooks(DEMO_SHOP_DOMAIN, receiver.url, ["orders/cancelled"]);
    await fake.cancelOrder(DEMO_SHOP_DOMAIN, String(shop.requireOrder("#1001").id));
    expect(receiver.received).toHaveLength(3);
    const ids = new Set(receiver.received.map((r) => r.headers["x-shopify-webhook-id"]));
    expect(ids.size).toBe(1);
    expect(shop.webhookDeliveries[0]).toMatchObject({
      status: "delivered",
      attempts: 3,
      lastResponseStatus: 200,
    });
  });

  it("gives up after the configured attempts", async () => {
    receiver = await startReceiver(10);
    fake.subscribeWebhooks(DEMO_SHOP_DOMAIN, receiver.url, ["orders/cancelled"]);
    await fake.cancelOrder(DEMO_SHOP_DOMAIN, "#1002");
    expect(receiver.received).toHaveLength(4);
    expect(shop.webhookDeliveries[0]).toMatchObject({
      status: "failed",
      attempts: 4,
      lastResponseStatus: 500,
    });
  });

  it("sends orders/cancelled after the orderCancel mutation, and fulfillments/create after fulfillmentCreate", async () => {
    receiver = await startReceiver();
    fake.subscribeWebhooks(DEMO_SHOP_DOMAIN, receiver.url, ["orders/cancelled", "fulfillments/create"]);
    const run = clientFor(fake, DEMO_SHOP_DOMAIN, accessToken);
    await run(
      `mutation { orderCancel(orderId: "gid://shopify/Order/${shop.requireOrder("#1004").id}", reason: STAFF, restock: true) { job { id } userErrors { message } } }`,
    );
    const fo = shop.requireOrder("#1005").fulfillmentOrders[0];
    const created = await run(
      `mutation { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: "gid://shopify/FulfillmentOrder/${fo?.id}" }], trackingInfo: { company: "DHL", number: "00340434161094042557" } }) { userErrors { message } } }`,
    );
    expect(at(created.body, "data", "fulfillmentCreate", "userErrors")).toEqual([]);
    await fake.whenIdle();
    const topics = receiver.received.map((r) => r.headers["x-shopify-topic"]);
    expect(topics.sort()).toEqual(["fulfillments/create", "orders/cancelled"]);
    const fulfillment: unknown = JSON.parse(
      receiver.received.find((r) => r.headers["x-shopify-topic"] === "fulfillments/create")?.body ?? "null",
    );
    expect(fulfillment).toMatchObject({
      name: "#1005-F1",
      tracking_company: "DHL",
      tracking_number: "00340434161094042557",
      status: "success",
    });
  });

  it("delivers app/uninstalled with the shop", async () => {
    receiver = await startReceiver();
    fake.subscribeWebhooks(DEMO_SHOP_DOMAIN, receiver.url, ["APP_UNINSTALLED"]);
    await fake.uninstall(DEMO_SHOP_DOMAIN);
    expect(receiver.received.map((r) => r.headers["x-shopify-topic"])).toEqual(["app/uninstalled"]);
    expect(JSON.parse(receiver.received[0]?.body ?? "null")).toMatchObject({
      myshopify_domain: DEMO_SHOP_DOMAIN,
      name: "Frankier Demo",
    });
  });
});
