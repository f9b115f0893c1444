import { describe, expect, it } from "vitest";
import { createShopifyFake, DEMO_SHOP_DOMAIN } from "./index";
import { PRODUCTS } from "./seed-data";
import { API_KEY, API_SECRET } from "./test-helpers";
import { webhookHmac } from "./webhooks/deliver";

/** A customer placing an order: orders/create, then orders/paid when paid, each signed like Shopify's. */
describe("placeOrder", () => {
  const spec = (financialStatus: "PAID" | "PENDING") => ({
    shippingAddress: {
      firstName: "Kim",
      lastName: "Kunde",
      address1: "Ringstraße 1",
      zip: "10115",
      city: "Berlin",
      countryCode: "DE",
    },
    lineItems: [{ ...PRODUCTS.grusskarte, quantity: 1 }],
    financialStatus,
  });

  async function place(financialStatus: "PAID" | "PENDING", deliver = true) {
    const received: Array<{ topic: string | null; id: unknown; signed: boolean }> = [];
    const fake = createShopifyFake({
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      webhookFetch: async (request) => {
        const body = await request.text();
        received.push({
          topic: request.headers.get("X-Shopify-Topic"),
          id: (JSON.parse(body) as { admin_graphql_api_id?: unknown }).admin_graphql_api_id,
          signed: request.headers.get("X-Shopify-Hmac-Sha256") === webhookHmac(body, API_SECRET),
        });
        return new Response(null, { status: 200 });
      },
    });
    fake.seedDemoShop();
    fake.subscribeWebhooks(DEMO_SHOP_DOMAIN, "https://frankier.example/webhooks", [
      "orders/create",
      "orders/paid",
    ]);
    const order = await fake.placeOrder(DEMO_SHOP_DOMAIN, spec(financialStatus), { deliver });
    return { order, received, fake };
  }

  it("delivers orders/create and orders/paid for a paid order", async () => {
    const { order, received, fake } = await place("PAID");
    const id = `gid://shopify/Order/${order.id}`;
    expect(received).toEqual([
      { topic: "orders/create", id, signed: true },
      { topic: "orders/paid", id, signed: true },
    ]);
    expect(fake.shop(DEMO_SHOP_DOMAIN).order(order.id)).toBe(order);
  });

  it("delivers only orders/create for an unpaid order, and nothing when told not to deliver", async () => {
    expect((await place("PENDING")).received.map((r) => r.topic)).toEqual(["orders/create"]);
    expect((await place("PAID", false)).received).toEqual([]);
  });
});
