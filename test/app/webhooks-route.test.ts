import type { ActionFunctionArgs } from "@remix-run/node";
import { getHmac } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/db.server";
import { createMigratedDatabase, type TestDatabase } from "../support/databases";
import { responseOf, stubAppEnv, TEST_APP } from "../support/app-env";

const SHOP = "frankier-demo.myshopify.com";
let database: TestDatabase;
let db: Db;
let action: (args: ActionFunctionArgs) => Promise<Response>;

function delivery(topic: string, payload: unknown, opts: { secret?: string; eventId?: string } = {}) {
  const body = JSON.stringify(payload);
  return new Request(`${TEST_APP.appUrl}/webhooks`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": topic,
      "X-Shopify-Hmac-Sha256": getHmac(body, opts.secret ?? TEST_APP.apiSecret),
      "X-Shopify-Shop-Domain": SHOP,
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": `wh-${Math.random()}`,
      "X-Shopify-Event-Id": opts.eventId ?? `ev-${Math.random()}`,
      "X-Shopify-Triggered-At": new Date().toISOString(),
    },
  });
}

const post = (request: Request) => responseOf(() => action({ request, params: {}, context: {} }));

beforeAll(async () => {
  database = await createMigratedDatabase("sqlite");
  stubAppEnv({ DATABASE_URL: database.target.url });
  ({ action } = await import("~/routes/webhooks"));
  ({ db } = await import("~/db.server").then((m) => ({ db: m.db() })));
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

async function seedShop() {
  await db.session.deleteMany({});
  await db.shop.deleteMany({});
  await db.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", accessToken: "tok" } });
  return db.shop.create({ data: { domain: SHOP } });
}

describe("POST /webhooks", () => {
  it("refuses a forged HMAC with 401 and changes nothing", async () => {
    await seedShop();
    const response = await post(delivery("app/uninstalled", { id: 1 }, { secret: "not-the-secret" }));
    expect(response.status).toBe(401);
    expect(await db.session.count({ where: { shop: SHOP } })).toBe(1);
    expect((await db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).uninstalledAt).toBeNull();
  });

  it("refuses a body altered after signing", async () => {
    await seedShop();
    const signed = delivery("shop/redact", { shop_domain: SHOP });
    const tampered = new Request(signed.url, {
      method: "POST",
      headers: signed.headers,
      body: JSON.stringify({ shop_domain: "other.myshopify.com" }),
    });
    expect((await post(tampered)).status).toBe(401);
    expect(await db.shop.count()).toBe(1);
  });

  it("processes a valid app/uninstalled: sessions removed, shop marked uninstalled", async () => {
    await seedShop();
    const response = await post(delivery("app/uninstalled", { id: 1, domain: SHOP }));
    expect(response.status).toBe(200);
    expect(await db.session.count({ where: { shop: SHOP } })).toBe(0);
    expect((await db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).uninstalledAt).toBeInstanceOf(Date);
  });

  it("records orders/cancelled once however often Shopify delivers the same event", async () => {
    await seedShop();
    const payload = {
      id: 5501,
      admin_graphql_api_id: "gid://shopify/Order/5501",
      name: "#1005",
      customer: { id: 77 },
    };
    for (let i = 0; i < 3; i++)
      expect((await post(delivery("orders/cancelled", payload, { eventId: "ev-cancel-1" }))).status).toBe(
        200,
      );
    const events = await db.webhookEvent.findMany({
      where: { topic: { in: ["orders/cancelled", "ORDERS_CANCELLED"] } },
    });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.payload ?? "{}")).toMatchObject({
      orderId: "gid://shopify/Order/5501",
      customerId: "77",
    });
  });

  it("processes shop/redact: nothing of the shop is left", async () => {
    const shop = await seedShop();
    await db.portokasseAccount.create({
      data: { shopId: shop.id, username: "u", passwordCiphertext: "v1:x:y:z" },
    });
    expect((await post(delivery("shop/redact", { shop_id: 1, shop_domain: SHOP }))).status).toBe(200);
    expect(await db.shop.count({ where: { domain: SHOP } })).toBe(0);
    expect(await db.portokasseAccount.count()).toBe(0);
    expect(await db.session.count({ where: { shop: SHOP } })).toBe(0);
  });
});
