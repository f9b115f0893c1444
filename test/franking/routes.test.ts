import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getJwt } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { encryptSecret } from "~/crypto.server";
import type { Db } from "~/db.server";
import { createBatch } from "~/franking/create-batch.server";
import { createFrankingWorker } from "~/franking/worker.server";
import { INTERNETMARKE_TERMS } from "~/terms/internetmarke-terms";
import { APP, MERCHANT, useSimulator } from "../support/internetmarke-sim";
import { createShopifyFake } from "../shopify-fake";
import { IM_BASE_PATH, PRODUCTS_BASE_PATH } from "../simulators/internetmarke";
import { responseOf, stubAppEnv, TEST_APP } from "../support/app-env";
import { createMigratedDatabase, type TestDatabase } from "../support/databases";
import { fakeAdmin } from "../support/fake-admin";
import { OPTIONS, SENDER } from "./harness";

type Handler<A> = (args: A) => Promise<unknown>;
const SHOP = "frankier-demo.myshopify.com";
const sim = useSimulator();
const fake = createShopifyFake({ apiKey: TEST_APP.apiKey, apiSecret: TEST_APP.apiSecret });
let database: TestDatabase;
let db: Db;
let closeFake: () => Promise<void> = async () => undefined;
let routes: {
  create: Handler<ActionFunctionArgs>;
  status: Handler<LoaderFunctionArgs>;
  statusAction: Handler<ActionFunctionArgs>;
  orders: Handler<LoaderFunctionArgs>;
};
let shopId = "";
let token = "";

const SETTINGS = {
  sender: { name: "Katrin Vogel", company: "Frankier Demo GmbH", street: "Hauptstraße 12", postalCode: "10827", city: "Berlin", country: "DE" },
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
  const batches = await import("~/routes/api.batches");
  const batch = await import("~/routes/api.batches.$id");
  const orders = await import("~/routes/api.orders.franking");
  routes = { create: batches.action, status: batch.loader, statusAction: batch.action, orders: orders.loader };
  db = (await import("~/db.server")).db();
});
afterAll(async () => {
  await closeFake();
  await db.$disconnect();
  await database.drop();
});

beforeEach(async () => {
  fake.reset();
  token = fake.seedDemoShop().accessToken;
  const { SCOPES } = await import("~/shopify.server");
  await db.session.deleteMany({});
  await db.shop.deleteMany({});
  await db.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", accessToken: token, scope: SCOPES.join(",") } });
  shopId = (await db.shop.create({ data: { domain: SHOP, settings: JSON.stringify(SETTINGS) } })).id;
  await db.portokasseAccount.create({
    data: { shopId, username: MERCHANT.username, passwordCiphertext: encryptSecret(MERCHANT.password, TEST_APP.encryptionKey, shopId) },
  });
  // The INTERNETMARKE terms are accepted (their refusal is tested in test/app/deutsche-post-routes.test.ts).
  await db.termsAcceptance.create({ data: { shopId, version: INTERNETMARKE_TERMS.version, acceptedBy: "test", acceptedAt: new Date() } });
});

async function request(path: string, init: { method?: string; body?: unknown; shop?: string; auth?: boolean } = {}) {
  const { token: jwt } = await getJwt((init.shop ?? SHOP).replace(".myshopify.com", ""), TEST_APP.apiKey, TEST_APP.apiSecret);
  return new Request(`${TEST_APP.appUrl}${path}`, {
    method: init.method ?? "GET",
    headers: { ...(init.auth === false ? {} : { Authorization: `Bearer ${jwt}` }), "Content-Type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

const created = z.object({ batchId: z.string(), statusUrl: z.string() });
const orderGid = (name: string) => `gid://shopify/Order/${fake.shop(SHOP).requireOrder(name).id}`;
const post = async (body: unknown) => responseOf(async () => routes.create({ request: await request("/api/batches", { method: "POST", body }), params: {}, context: {} }));
const getStatus = async (id: string, shop?: string) => responseOf(async () => routes.status({ request: await request(`/api/batches/${id}`, { shop }), params: { id }, context: {} }));

function worker() {
  return createFrankingWorker({
    db,
    internetmarke: sim.client().client,
    portokasseFor: async (_shop, im) => im.portokasse(MERCHANT),
    adminFor: async () => fakeAdmin(fake, SHOP, token),
    sleep: async () => undefined,
  });
}

describe("the franking API", () => {
  it("POST /api/batches answers 202 at once; the batch is bought in the background and reported by GET", async () => {
    const ids = ["#1001", "#1002", "#1016"].map(orderGid);
    const response = await post({ orderIds: ids, startPosition: 3 });
    expect(response.status).toBe(202);
    const { batchId, statusUrl } = created.parse(await response.json());
    expect(statusUrl).toBe(`/api/batches/${batchId}`);
    expect((await db.frankingBatch.findUniqueOrThrow({ where: { id: batchId } })).status).toBe("QUEUED");

    await worker().workOnce();
    const status = await getStatus(batchId);
    expect(status.status).toBe(200);
    const view = await status.json();
    expect(view).toMatchObject({ id: batchId, status: "DONE", counts: { orders: 3, bought: 2, fulfilled: 2, failed: 0, skipped: 1 }, finishedAt: expect.any(String) });
    expect(view.orders[2]).toMatchObject({ orderId: ids[2], status: "SKIPPED", voucherIds: [], error: "nothing-to-ship" });
    expect(view.orders[0]).toMatchObject({ orderId: ids[0], status: "FULFILLED", productName: expect.any(String), priceCents: expect.any(Number), voucherIds: [expect.stringMatching(/^\w{20}$/)] });

    const other = orderGid("#1004");
    const franking = await responseOf(async () => routes.orders({ request: await request(`/api/orders/franking?ids=${ids[0]},${other}`), params: {}, context: {} }));
    const body = await franking.json();
    expect(body.orders).toEqual([
      expect.objectContaining({ orderId: ids[0], status: "FULFILLED", batchId, voucherIds: view.orders[0].voucherIds }),
      expect.objectContaining({ orderId: other, status: "NOT_FRANKED", batchId: null }),
    ]);
  });

  it("buys an address stamp where it fits and the franking zone with a printed address where it does not", async () => {
    const ids = ["#1006", "#1001"].map(orderGid);
    const response = await post({ orderIds: ids });
    expect(response.status).toBe(202);
    const { batchId } = created.parse(await response.json());
    const orders = await db.frankingOrder.findMany({ where: { batchId }, orderBy: { position: "asc" } });
    // Label order: by order number, whatever order the ids came in.
    expect(orders.map((o) => o.orderName)).toEqual(["#1001", "#1006"]);
    const [cart] = await db.frankingCart.findMany({ where: { batchId } });
    const positions = JSON.parse(cart?.positions ?? "[]") as Array<{ voucherLayout: string; address: unknown }>;
    expect(positions.map((p) => p.voucherLayout)).toEqual(["ADDRESS_ZONE", "FRANKING_ZONE"]);
    expect(positions[1]?.address).toBeNull();
    expect(orders[0]?.labelAddress).toBeNull();
    expect(JSON.parse(orders[1]?.labelAddress ?? "[]")).toEqual(["Katharina Huber", "Mariahilfer Straße 88", "1070 WIEN", "ÖSTERREICH"]);

    await worker().workOnce();
    const view = await (await getStatus(batchId)).json();
    expect(view.counts).toMatchObject({ orders: 2, bought: 2, failed: 0, skipped: 0 });
  });

  it("lays the labels out by SKU when the merchant chose that order", async () => {
    await db.shop.update({ where: { id: shopId }, data: { settings: JSON.stringify({ ...SETTINGS, labelOrder: "SKU" }) } });
    const names = ["#1001", "#1002", "#1004", "#1009"];
    const sku = (name: string) => fake.shop(SHOP).requireOrder(name).lineItems.find((l) => l.sku)?.sku ?? "";
    const bySku = [...names].sort((a, b) => sku(a).localeCompare(sku(b), "de", { numeric: true }));
    expect(bySku).not.toEqual(names);
    const { batchId } = created.parse(await (await post({ orderIds: names.map(orderGid) })).json());
    const orders = await db.frankingOrder.findMany({ where: { batchId }, orderBy: { position: "asc" } });
    expect(orders.map((o) => o.orderName)).toEqual(bySku);
  });

  it("refuses a malformed body with 400 and a request without a session token", async () => {
    expect((await post({ orderIds: [] })).status).toBe(400);
    expect((await post({ orderIds: [orderGid("#1001")], labelFormat: "GIF" })).status).toBe(400);
    const anonymous = await responseOf(async () => routes.create({ request: await request("/api/batches", { method: "POST", body: { orderIds: ["1"] }, auth: false }), params: {}, context: {} }));
    expect(anonymous.status).not.toBe(202);
    expect(await db.frankingBatch.count()).toBe(0);
  });

  it("answers 409 when no batch can be made: no Portokasse linked, no sender for address stamps", async () => {
    const ids = [orderGid("#1001")];
    await db.portokasseAccount.deleteMany({});
    let response = await post({ orderIds: ids });
    expect([response.status, await response.json()]).toEqual([409, { error: "portokasse_not_linked" }]);
    await db.portokasseAccount.create({
      data: { shopId, username: MERCHANT.username, passwordCiphertext: encryptSecret(MERCHANT.password, TEST_APP.encryptionKey, shopId) },
    });
    await db.shop.update({ where: { id: shopId }, data: { settings: JSON.stringify({ ...SETTINGS, sender: null }) } });
    response = await post({ orderIds: ids });
    expect([response.status, await response.json()]).toEqual([409, { error: "no_sender" }]);
    expect(await db.frankingBatch.count()).toBe(0);
  });

  it("answers 409 prices_changed with both totals, buying nothing, when the orders cost another total than the merchant saw", async () => {
    const ids = ["#1001", "#1002"].map(orderGid);
    const refused = await post({ orderIds: ids, expectedTotalCents: 1 });
    const body = await refused.json();
    expect([refused.status, body.error, body.expectedTotalCents]).toEqual([409, "prices_changed", 1]);
    expect(body.totalCents).toBeGreaterThan(1);
    expect(await db.frankingBatch.count()).toBe(0);
    // The total the orders cost now, as the merchant sees it after the preview again: bought.
    const accepted = await post({ orderIds: ids, expectedTotalCents: body.totalCents });
    expect(accepted.status).toBe(202);
    const { batchId } = created.parse(await accepted.json());
    expect((await db.frankingBatch.findUniqueOrThrow({ where: { id: batchId } })).totalCents).toBe(body.totalCents);
  });

  it("answers the admin extensions' CORS preflight", async () => {
    const preflight = new Request(`${TEST_APP.appUrl}/api/batches/x`, { method: "OPTIONS", headers: { Origin: "https://extensions.shopifycdn.com", "Access-Control-Request-Headers": "authorization" } });
    const response = await responseOf(() => routes.statusAction({ request: preflight, params: { id: "x" }, context: {} }));
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });

  it("does not show another shop's batch or orders", async () => {
    const other = await db.shop.create({ data: { domain: "other-shop.myshopify.com" } });
    const orderId = orderGid("#1001");
    const { batchId } = await createBatch(db, {
      shopId: other.id,
      orders: [{ orderId, orderName: "#1001", productCode: 1, productName: "Standardbrief", priceCents: 95, address: { sender: SENDER, receiver: SENDER } }],
      options: OPTIONS,
      now: new Date(),
    });
    expect((await getStatus(batchId)).status).toBe(404);
    const franking = await responseOf(async () => routes.orders({ request: await request(`/api/orders/franking?ids=${orderId}`), params: {}, context: {} }));
    expect((await franking.json()).orders).toEqual([expect.objectContaining({ orderId, status: "NOT_FRANKED", batchId: null })]);
  });

  it("buys once when the same orders are posted twice at the same moment", async () => {
    const ids = ["#1001", "#1002"].map(orderGid);
    const answers = await Promise.all([post({ orderIds: ids }), post({ orderIds: ids })]);
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    await worker().workOnce();
    const vouchers = await db.voucher.findMany({ where: { shopId } });
    expect(vouchers.map((v) => v.orderId).sort()).toEqual([...ids].sort());
    expect(sim.sim.account(MERCHANT.username).vouchers).toHaveLength(2);
  });
});
