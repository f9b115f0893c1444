import { acceptTerms } from "~/terms/terms.server";
import { getJwt } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { encryptSecret } from "~/crypto.server";
import type { Db } from "~/db.server";
import { APP, MERCHANT, useSimulator } from "../support/internetmarke-sim";
import { createShopifyFake } from "../shopify-fake";
import { IM_BASE_PATH, PRODUCTS_BASE_PATH } from "../simulators/internetmarke";
import { stubAppEnv, TEST_APP } from "../support/app-env";
import { createMigratedDatabase, type TestDatabase } from "../support/databases";
import { serveApp, type ServedApp } from "../app/served-app";

/**
 * POST /api/batches with an Idempotency-Key, through the real server: the same key from the same shop
 * gets the first answer again, at once or concurrently (a double click), and never a second batch.
 */
const SHOP = "frankier-demo.myshopify.com";
const sim = useSimulator();
const fake = createShopifyFake({ apiKey: TEST_APP.apiKey, apiSecret: TEST_APP.apiSecret });
let database: TestDatabase;
let db: Db;
let app: ServedApp;
let closeFake: () => Promise<void> = async () => undefined;

const SETTINGS = {
  sender: {
    name: "Katrin Vogel",
    company: "Frankier Demo GmbH",
    street: "Hauptstraße 12",
    postalCode: "10827",
    city: "Berlin",
    country: "DE",
  },
  pageFormatId: 1,
  voucherLayout: "ADDRESS_ZONE",
};

beforeAll(async () => {
  database = await createMigratedDatabase("sqlite");
  const server = await fake.listen();
  closeFake = () => server.close();
  stubAppEnv({
    DATABASE_URL: database.target.url,
    SHOPIFY_ADMIN_API_ORIGIN: server.origin,
    INTERNETMARKE_CLIENT_ID: APP.clientId,
    INTERNETMARKE_CLIENT_SECRET: APP.clientSecret,
    INTERNETMARKE_BASE_URL: `${sim.origin()}${IM_BASE_PATH}`,
    PRODUCTS_API_BASE_URL: `${sim.origin()}${PRODUCTS_BASE_PATH}`,
  });
  db = (await import("~/db.server")).db();
  app = await serveApp();
});
afterAll(async () => {
  await app.close();
  await closeFake();
  await db.$disconnect();
  await database.drop();
});

beforeEach(async () => {
  fake.reset();
  const token = fake.seedDemoShop().accessToken;
  const { SCOPES } = await import("~/shopify.server");
  await db.batchRequest.deleteMany({});
  await db.session.deleteMany({});
  await db.shop.deleteMany({});
  await db.session.create({
    data: { id: `offline_${SHOP}`, shop: SHOP, state: "", accessToken: token, scope: SCOPES.join(",") },
  });
  const shopId = (await db.shop.create({ data: { domain: SHOP, settings: JSON.stringify(SETTINGS) } })).id;
  await acceptTerms(db, { shopId, acceptedBy: "test", now: new Date() });
  await db.portokasseAccount.create({
    data: {
      shopId,
      username: MERCHANT.username,
      passwordCiphertext: encryptSecret(MERCHANT.password, TEST_APP.encryptionKey, shopId),
    },
  });
});

const orderGid = (name: string) => `gid://shopify/Order/${fake.shop(SHOP).requireOrder(name).id}`;

async function post(body: unknown, key?: string) {
  const { token } = await getJwt(SHOP.replace(".myshopify.com", ""), TEST_APP.apiKey, TEST_APP.apiSecret);
  const response = await fetch(`${app.origin}/api/batches`, {
    method: "POST",
    // A browser (the admin extension); shopify-app-remix answers 410 to bots, and Node's fetch looks like one.
    headers: {
      "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0",
      Authorization: `Bearer ${token}`,
      "Content-Type": "application/json",
      ...(key ? { "Idempotency-Key": key } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!text) throw new Error(`${response.status} ${JSON.stringify([...response.headers])}`);
  return {
    status: response.status,
    replayed: response.headers.get("idempotent-replayed"),
    body: JSON.parse(text) as unknown,
  };
}

describe("POST /api/batches with an Idempotency-Key", () => {
  it("returns the first batch for a repeated key instead of making a second", async () => {
    const body = { orderIds: ["#1001", "#1002"].map(orderGid) };
    const first = await post(body, "click-1");
    expect(first.status).toBe(202);
    const again = await post(body, "click-1");
    expect(again).toEqual({ ...first, replayed: "true" });
    expect(await db.frankingBatch.count()).toBe(1);
  });

  it("gives a double click (two requests at once) one batch and the same answer", async () => {
    const body = { orderIds: [orderGid("#1001")] };
    const [a, b] = await Promise.all([post(body, "click-2"), post(body, "click-2")]);
    expect(a.body).toEqual(b.body);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(await db.frankingBatch.count()).toBe(1);
  });

  it("without a key, a repeat is a new request and makes a second batch (the key is what prevents it)", async () => {
    const body = { orderIds: [orderGid("#1001")] };
    expect((await post(body)).status).toBe(202);
    expect((await post(body)).status).toBe(202);
    expect(await db.frankingBatch.count()).toBe(2);
  });

  it("refuses a malformed key with 400", async () => {
    expect((await post({ orderIds: [orderGid("#1001")] }, "mit leerzeichen")).status).toBe(400);
    expect(await db.frankingBatch.count()).toBe(0);
  });
});
