/**
 * Issue 12 through the app's routes with the real `authenticate.admin` (session tokens as the embedded
 * app and the admin extensions send them): the Portokasse page's login diagnosis from the spec's generic
 * 401, topping up from the Portokasse page, and the INTERNETMARKE terms guard on every purchase path
 * (POST /api/batches, as the admin extensions call it, and the preview page's confirm).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getJwt } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "~/db.server";
import { messages } from "~/i18n/messages";
import { INTERNETMARKE_TERMS, TERMS_PAGE_PATH } from "~/terms/internetmarke-terms";
import { APP, MERCHANT, useSimulator } from "../support/internetmarke-sim";
import { createShopifyFake } from "../shopify-fake";
import { IM_BASE_PATH, PRODUCTS_BASE_PATH } from "../simulators/internetmarke";
import { responseOf, stubAppEnv, TEST_APP } from "../support/app-env";
import { createMigratedDatabase, type TestDatabase } from "../support/databases";

type Route = {
  loader?: (a: LoaderFunctionArgs) => Promise<unknown>;
  action?: (a: ActionFunctionArgs) => Promise<unknown>;
};
const SHOP = "frankier-demo.myshopify.com";
const sim = useSimulator();
const fake = createShopifyFake({ apiKey: TEST_APP.apiKey, apiSecret: TEST_APP.apiSecret });
let database: TestDatabase;
let db: Db;
let closeFake: () => Promise<void> = async () => undefined;
let routes: Record<"portokasse" | "terms" | "batches" | "preview" | "layout" | "batch", Route>;
let shopId = "";

const SETTINGS = {
  sender: {
    name: "Katrin Vogel",
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
  routes = {
    portokasse: await import("~/routes/app.settings.portokasse"),
    terms: await import("~/routes/app.settings.terms"),
    batches: await import("~/routes/api.batches"),
    preview: await import("~/routes/app.preview"),
    layout: await import("~/routes/app"),
    batch: await import("~/routes/app.batches.$id"),
  };
  db = (await import("~/db.server")).db();
});
afterAll(async () => {
  await closeFake();
  await db.$disconnect();
  await database.drop();
});

beforeEach(async () => {
  fake.reset();
  const { accessToken } = fake.seedDemoShop();
  const { SCOPES } = await import("~/shopify.server");
  await db.session.deleteMany({});
  await db.shop.deleteMany({});
  await db.session.create({
    data: { id: `offline_${SHOP}`, shop: SHOP, state: "", accessToken, scope: SCOPES.join(",") },
  });
  shopId = (await db.shop.create({ data: { domain: SHOP, settings: JSON.stringify(SETTINGS) } })).id;
});

async function call(
  route: Route,
  path: string,
  init: { form?: Record<string, string>; json?: unknown; params?: Record<string, string> } = {},
) {
  const { token } = await getJwt(SHOP.replace(".myshopify.com", ""), TEST_APP.apiKey, TEST_APP.apiSecret);
  const post = init.form !== undefined || init.json !== undefined;
  const request = new Request(`${TEST_APP.appUrl}${path}`, {
    method: post ? "POST" : "GET",
    headers: {
      Authorization: `Bearer ${token}`,
      ...(init.json !== undefined ? { "Content-Type": "application/json" } : {}),
    },
    body: init.form
      ? new URLSearchParams(init.form)
      : init.json !== undefined
        ? JSON.stringify(init.json)
        : undefined,
  });
  const handler = post ? route.action : route.loader;
  if (!handler) throw new Error(`no handler for ${path}`);
  return responseOf(() => handler({ request, params: init.params ?? {}, context: {} }));
}

const connect = (password: string) =>
  call(routes.portokasse, "/app/settings/portokasse?locale=de", {
    form: { _action: "connect", username: MERCHANT.username, password },
  });

describe("the Portokasse page", () => {
  it("a wrong password: names wrong password and unapproved app, never suggests a retry (both languages)", async () => {
    const answer = (await (await connect("Falsch-Passwort-1")).json()) as { ok: boolean; problem: string };
    expect(answer).toMatchObject({ ok: false, problem: "login-refused" });
    for (const locale of ["de", "en"] as const) {
      const text =
        messages[locale][`portokasse.problem.${answer.problem}` as "portokasse.problem.login-refused"];
      expect(text).not.toBe(messages[locale]["portokasse.problem.unexpected"]);
      expect(text).toMatch(locale === "de" ? /Passwort falsch/ : /password is wrong/);
      expect(text).toMatch(locale === "de" ? /nicht freigegeben/ : /not yet approved/);
      expect(text).toMatch(locale === "de" ? /drei fehlgeschlagenen Anmeldungen/ : /three failed logins/);
    }
    expect(await db.portokasseAccount.count()).toBe(0);
    expect(sim.sim.account(MERCHANT.username).failedLogins).toBe(1);
  });

  it("tops up after the merchant confirmed, and shows the new balance and the top-up", async () => {
    expect((await (await connect(MERCHANT.password)).json()) as unknown).toMatchObject({ ok: true });
    const answer = (await (
      await call(routes.portokasse, "/app/settings/portokasse", {
        form: { _action: "top-up", amount: "25.00" },
      })
    ).json()) as Record<string, unknown>;
    expect(answer).toMatchObject({
      action: "top-up",
      topUp: { ok: true, amountCents: 2_500, balanceCents: 12_500 },
      portokasse: { balanceCents: 12_500 },
      topUps: [{ amountCents: 2_500, state: "DONE" }],
    });
    const page = (await (await call(routes.portokasse, "/app/settings/portokasse")).json()) as Record<
      string,
      unknown
    >;
    expect(page).toMatchObject({
      portokasse: { balanceCents: 12_500 },
      topUps: [{ amountCents: 2_500, state: "DONE" }],
    });
    const refused = (await (
      await call(routes.portokasse, "/app/settings/portokasse", { form: { _action: "top-up", amount: "5" } })
    ).json()) as Record<string, unknown>;
    expect(refused).toMatchObject({ topUp: { ok: false, problem: "below-minimum" } });
  });
});

describe("the INTERNETMARKE terms guard", () => {
  const orderIds = () => [`gid://shopify/Order/${fake.shop(SHOP).requireOrder("#1001").id}`];

  it("refuses every purchase path until the terms are accepted, then records who, when and which version", async () => {
    expect((await connect(MERCHANT.password)).status).toBe(200);
    const api = await call(routes.batches, "/api/batches", { json: { orderIds: orderIds() } });
    expect(api.status).toBe(409);
    expect(await api.json()).toEqual({ error: "terms_not_accepted", acceptUrl: TERMS_PAGE_PATH });
    const page = await call(routes.preview, "/app/preview", {
      form: { intent: "frank", orderIds: orderIds()[0] ?? "", startPosition: "1", labelFormat: "PDF" },
    });
    expect(await page.json()).toEqual({ error: "terms_not_accepted" });
    expect(await db.frankingBatch.count()).toBe(0);

    const unticked = (await (await call(routes.terms, TERMS_PAGE_PATH, { form: {} })).json()) as Record<
      string,
      unknown
    >;
    expect(unticked).toMatchObject({ ok: false, problem: "must-tick", terms: { accepted: null } });
    const accepted = (await (
      await call(routes.terms, TERMS_PAGE_PATH, { form: { accept: "yes" } })
    ).json()) as Record<string, unknown>;
    expect(accepted).toMatchObject({
      ok: true,
      terms: { version: INTERNETMARKE_TERMS.version, url: INTERNETMARKE_TERMS.url },
    });
    const row = await db.termsAcceptance.findFirstOrThrow({ where: { shopId } });
    expect(row).toMatchObject({ version: INTERNETMARKE_TERMS.version });
    expect(row.acceptedBy).toMatch(/Shopify user|frankier-demo/);

    const after = await call(routes.batches, "/api/batches", { json: { orderIds: orderIds() } });
    expect(after.status).toBe(202);
  });
});

describe("Deutsche Post's availability on every page", () => {
  it("the layout hands the last failed health check to the banner, with its time; nothing when it is up", async () => {
    const checkedAt = new Date("2026-12-31T22:15:00Z");
    await db.serviceHealth.deleteMany({});
    expect(await (await call(routes.layout, "/app?locale=de")).json()).toMatchObject({ deutschePost: null });
    await db.serviceHealth.create({
      data: { id: "internetmarke", up: false, checkedAt, downSince: checkedAt },
    });
    expect(await (await call(routes.layout, "/app?locale=de")).json()).toMatchObject({
      deutschePost: { up: false, checkedAt: checkedAt.toISOString() },
    });
    expect(messages.de["availability.down"]).toBe("Deutsche Post nicht erreichbar – Kauf pausiert");
    expect(messages.en["availability.down"]).toBe("Deutsche Post unreachable – buying paused");
    await db.serviceHealth.deleteMany({});
  });
});

describe("the batch page's money actions", () => {
  const batchRow = (status: string, extra: Record<string, unknown> = {}) =>
    db.frankingBatch.create({
      data: {
        shopId,
        status,
        labelFormat: "PDF",
        layout: "ADDRESS_ZONE",
        maxPositionsPerCart: 250,
        tag: "frankiert",
        ...extra,
      },
    });

  it("shows new prices side by side and queues the batch again when the merchant confirms them", async () => {
    const priceChange = {
      oldTotalCents: 95,
      newTotalCents: 110,
      lines: [{ orderName: "#1001", productName: "Standardbrief", oldCents: 95, newCents: 110 }],
    };
    const batch = await batchRow("AWAITING_PRICE_CONFIRMATION", {
      totalCents: 110,
      priceChange: JSON.stringify(priceChange),
    });
    const page = (await (
      await call(routes.batch, `/app/batches/${batch.id}`, { params: { id: batch.id } })
    ).json()) as Record<string, unknown>;
    expect(page).toMatchObject({ money: { priceChange } });
    const confirmed = await call(routes.batch, `/app/batches/${batch.id}`, {
      form: { _action: "confirm-prices" },
      params: { id: batch.id },
    });
    expect(await confirmed.json()).toEqual({ intent: "confirm-prices", ok: true });
    expect(await db.frankingBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({
      status: "QUEUED",
      confirmedTotalCents: 110,
    });
  });

  it("a batch stopped for money: top-up offered with the shortfall, then one click starts the orders it did not buy", async () => {
    expect((await connect(MERCHANT.password)).status).toBe(200);
    await db.termsAcceptance.create({
      data: { shopId, version: INTERNETMARKE_TERMS.version, acceptedBy: "test", acceptedAt: new Date() },
    });
    const orderId = `gid://shopify/Order/${fake.shop(SHOP).requireOrder("#1001").id}`;
    const stopped = await batchRow("INSUFFICIENT_FUNDS", {
      missingCents: 2_301,
      stopReason: "insufficient_balance",
    });
    await db.frankingOrder.create({
      data: {
        batchId: stopped.id,
        shopId,
        orderId,
        orderName: "#1001",
        status: "FAILED",
        error: "insufficient_balance",
        position: 0,
      },
    });
    const page = (await (
      await call(routes.batch, `/app/batches/${stopped.id}`, { params: { id: stopped.id } })
    ).json()) as Record<string, unknown>;
    expect(page).toMatchObject({
      money: { priceChange: null, topUp: { username: MERCHANT.username, missingCents: 2_301, resumable: 1 } },
    });
    const toppedUp = await call(routes.batch, `/app/batches/${stopped.id}`, {
      form: { _action: "top-up", amount: "24,00" },
      params: { id: stopped.id },
    });
    expect(await toppedUp.json()).toMatchObject({
      intent: "top-up",
      topUp: { ok: true, amountCents: 2_400, balanceCents: 12_400 },
    });
    const resumed = await call(routes.batch, `/app/batches/${stopped.id}`, {
      form: { _action: "resume" },
      params: { id: stopped.id },
    });
    expect(resumed.status).toBe(302);
    const next = await db.frankingBatch.findFirstOrThrow({
      where: { shopId, id: { not: stopped.id }, status: { in: ["QUEUED", "RUNNING"] } },
      include: { orders: true },
    });
    expect(resumed.headers.get("location")).toBe(`/app/batches/${next.id}`);
    expect(next.orders.map((o) => o.orderId)).toEqual([orderId]);
  });
});
