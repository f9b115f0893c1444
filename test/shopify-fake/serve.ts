/**
 * Runs the fake on its own for the local demo:
 *   npx tsx test/shopify-fake/serve.ts
 * Env: SHOPIFY_API_KEY / SHOPIFY_API_SECRET (must match the app's), FAKE_SHOPIFY_PORT (default 4100),
 * FAKE_SHOPIFY_WEBHOOKS (optional, "topic=url,topic=url", e.g. "orders/cancelled=http://localhost:3000/webhooks").
 */
import { createShopifyFake, SHOP_DOMAIN_HEADER } from "./index";

const fake = createShopifyFake({
  apiKey: process.env.SHOPIFY_API_KEY ?? "frankier-demo-key",
  apiSecret: process.env.SHOPIFY_API_SECRET ?? "frankier-demo-secret",
});
const { shopDomain, accessToken } = fake.seedDemoShop();
for (const pair of (process.env.FAKE_SHOPIFY_WEBHOOKS ?? "").split(",").filter(Boolean)) {
  const [topic = "", address = ""] = pair.split("=");
  fake.subscribeWebhooks(shopDomain, address, [topic]);
}
const server = await fake.listen({ port: Number(process.env.FAKE_SHOPIFY_PORT ?? 4100) });
console.info(`Shopify fake for ${shopDomain} on ${server.origin}`);
console.info(
  `  GraphQL: POST ${server.origin}/admin/api/2026-10/graphql.json with ${SHOP_DOMAIN_HEADER}: ${shopDomain}`,
);
console.info(`  Offline token: ${accessToken}`);
console.info(`  Fake admin: ${server.origin}/admin`);
process.once("SIGINT", () => void server.close().then(() => process.exit(0)));
