/**
 * The admin extensions call the app cross-origin with a bearer session token, so the browser sends a CORS
 * preflight first. Through the app's real HTTP server (test/support/app-server.ts): every route the
 * extensions call answers the preflight with the headers the call needs, and Chromium, on a page of another
 * origin, starts a batch with the extension's `fetch`.
 */
import { getJwt } from "@shopify/shopify-api/test-helpers";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchBrowser } from "../e2e/local-mode";
import { createShopifyFake, DEMO_SHOP_DOMAIN, type ShopifyFake } from "../shopify-fake";
import { IM_BASE_PATH, PRODUCTS_BASE_PATH } from "../simulators/internetmarke";
import { TEST_APP } from "../support/app-env";
import { startTestApp, type TestApp } from "../support/app-server";
import { createMigratedDatabase, type TestDatabase } from "../support/databases";
import { APP, useSimulator } from "../support/internetmarke-sim";
import { linkDemoShop } from "../support/preview-shop";

const EXTENSION_ORIGIN = "https://extensions.shopifycdn.com";
const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const env = useSimulator();
let fake: ShopifyFake;
let fakeServer: { origin: string; close(): Promise<void> };
let database: TestDatabase;
let app: TestApp;

const bearer = async () =>
  `Bearer ${(await getJwt(DEMO_SHOP_DOMAIN.replace(".myshopify.com", ""), TEST_APP.apiKey, TEST_APP.apiSecret)).token}`;
const orderGid = (name: string) => `gid://shopify/Order/${fake.shop(DEMO_SHOP_DOMAIN).requireOrder(name).id}`;

beforeAll(async () => {
  fake = createShopifyFake({ apiKey: TEST_APP.apiKey, apiSecret: TEST_APP.apiSecret });
  fake.seedDemoShop();
  fakeServer = await fake.listen();
  database = await createMigratedDatabase("sqlite");
  const { db } = database;
  // useSimulator seeds the Portokasse before each test; this link is made once, before them.
  env.sim.reset();
  env.sim.addApp(APP);
  env.addMerchant();
  const { client } = env.client();
  await linkDemoShop(db, client, {
    settings: { voucherLayout: "FRANKING_ZONE" },
    encryptionKey: TEST_APP.encryptionKey,
    now: env.clock.now(),
  });
  app = await startTestApp({
    DATABASE_URL: database.target.url,
    SHOPIFY_ADMIN_API_ORIGIN: fakeServer.origin,
    INTERNETMARKE_BASE_URL: `${env.origin()}${IM_BASE_PATH}`,
    PRODUCTS_API_BASE_URL: `${env.origin()}${PRODUCTS_BASE_PATH}`,
    INTERNETMARKE_CLIENT_ID: APP.clientId,
    INTERNETMARKE_CLIENT_SECRET: APP.clientSecret,
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await database?.drop();
  await fakeServer?.close();
});

describe("CORS preflight of the extensions' routes, through the real request handler", () => {
  it.each([
    ["POST", "/api/preview"],
    ["POST", "/api/batches"],
    ["GET", "/api/batches/some-batch"],
    ["GET", "/api/orders/franking?ids=gid://shopify/Order/1"],
    ["GET", "/api/refunds?orderId=gid://shopify/Order/1"],
  ])("%s %s", async (method, path) => {
    const response = await app.request(path, {
      method: "OPTIONS",
      headers: {
        Origin: EXTENSION_ORIGIN,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": "authorization,content-type",
        "User-Agent": BROWSER,
      },
    });
    expect(response.status, app.output()).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
    expect(response.headers.get("access-control-allow-headers")).toMatch(/Content-Type/);
  });

  it("allows the Idempotency-Key the extension sends with POST /api/batches", async () => {
    const response = await app.request("/api/batches", {
      method: "OPTIONS",
      headers: {
        Origin: EXTENSION_ORIGIN,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type,idempotency-key",
        "User-Agent": BROWSER,
      },
    });
    expect(response.status, app.output()).toBe(204);
    const allowed = (response.headers.get("access-control-allow-headers") ?? "").toLowerCase().split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(["authorization", "content-type", "idempotency-key"]));
  });

  it("answers a GET on the batch-creating route 405 with CORS headers, not a stack trace", async () => {
    const response = await app.request("/api/batches", {
      // shopify-app-remix answers bots (Node's own user agent counts as one) 410.
      headers: { Origin: EXTENSION_ORIGIN, Authorization: await bearer(), "User-Agent": BROWSER },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe.skipIf(!chromiumAvailable())("the extension's cross-origin fetch in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("starts a batch from a page of another origin with a bearer session token and the click's Idempotency-Key", async () => {
    // Headless Chromium names itself "HeadlessChrome", which shopify-app-remix refuses as a bot (410);
    // the admin runs in the merchant's ordinary browser.
    const page = await browser.newPage({ userAgent: BROWSER });
    const logs: string[] = [];
    page.on("console", (m) => logs.push(m.text()));
    page.on("requestfailed", (r) => logs.push(`${r.method()} ${r.url()} ${r.failure()?.errorText}`));
    // Another origin than the app's: the fake's admin page stands in for Shopify's extension sandbox.
    await page.goto(`${fakeServer.origin}/admin`);
    const answer = await page
      .evaluate(
        async ({ url, authorization, orderId }) => {
          const response = await fetch(url, {
            method: "POST",
            // The headers the extension sends (app-fetch.ts, api.ts startBatch); Shopify adds Authorization.
            headers: {
              Authorization: authorization,
              Accept: "application/json",
              "Content-Type": "application/json",
              "Idempotency-Key": "click-e2e-1",
            },
            body: JSON.stringify({ orderIds: [orderId], labelFormat: "PNG" }),
          });
          return { status: response.status, body: await response.text() };
        },
        { url: `${app.origin}/api/batches`, authorization: await bearer(), orderId: orderGid("#1001") },
      )
      .catch((error: unknown) => {
        throw new Error(`${String(error)}\n${logs.join("\n")}\n${app.output().slice(-2000)}`);
      });
    expect(answer.status, `${answer.body}\n${app.output()}`).toBe(202);
    const { batchId } = JSON.parse(answer.body) as { batchId: string };
    const batch = await database.db.frankingBatch.findUniqueOrThrow({
      where: { id: batchId },
      include: { orders: true },
    });
    expect(batch.orders.map((o) => o.orderName)).toEqual(["#1001"]);
    await page.close();
  });
});
