import "@shopify/shopify-api/adapters/web-api";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { createShopifyFake, DEMO_SHOP_DOMAIN } from "./index";
import { API_KEY, API_SECRET } from "./test-helpers";

describe("webhooks and the official validator", () => {
  it("sends webhooks that @shopify/shopify-api's webhooks.validate accepts (in-process delivery)", async () => {
    const shopify = shopifyApi({
      apiKey: API_KEY,
      apiSecretKey: API_SECRET,
      scopes: ["read_orders"],
      hostName: "localhost:3000",
      apiVersion: ApiVersion.October26,
      isEmbeddedApp: true,
      logger: { log: async () => undefined },
    });
    const validations: unknown[] = [];
    const fake = createShopifyFake({
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      webhookFetch: async (request) => {
        const rawBody = await request.clone().text();
        validations.push(await shopify.webhooks.validate({ rawBody, rawRequest: request }));
        return new Response(null, { status: 200 });
      },
    });
    fake.seedDemoShop();
    fake.subscribeWebhooks(DEMO_SHOP_DOMAIN, "https://frankier.example/webhooks/orders/cancelled", [
      "orders/cancelled",
    ]);
    await fake.cancelOrder(DEMO_SHOP_DOMAIN, "#1009");
    expect(validations).toEqual([
      expect.objectContaining({
        valid: true,
        topic: "ORDERS_CANCELLED",
        domain: DEMO_SHOP_DOMAIN,
        apiVersion: "2026-10",
      }),
    ]);
  });
});
