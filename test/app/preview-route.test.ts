import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getJwt } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { APP, MERCHANT, useSimulator } from "../support/internetmarke-sim";
import { ORDERS_PER_QUERY } from "~/preview/orders.server";
import { createShopifyFake, DEMO_SHOP_DOMAIN, type ShopifyFake } from "../shopify-fake";
import { IM_BASE_PATH, PRODUCTS_BASE_PATH } from "../simulators/internetmarke";
import { createMigratedDatabase, type TestDatabase } from "../support/databases";
import { responseOf, stubAppEnv, TEST_APP } from "../support/app-env";
import { AppError, previewBatch } from "../../extensions/frankiermeister-admin/src/api";
import { extensionFetch } from "./extension-fetch";

/**
 * `POST /api/preview` and the Portokasse settings route through the real `authenticate.admin`: a bearer
 * session token signed with the app's secret (as the admin extension sends it), token exchange and the Admin
 * API served by the Shopify fake over HTTP, Deutsche Post by the simulator over HTTP.
 */
type Action = (args: ActionFunctionArgs) => Promise<unknown>;
type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
const SHOP = DEMO_SHOP_DOMAIN;

const env = useSimulator();
let fake: ShopifyFake;
let closeFake: () => Promise<void>;
let database: TestDatabase;
let previewAction: Action;
let previewLoader: Loader;
let kasseAction: Action;
let kasseLoader: Loader;

async function bearer(shop = SHOP, secret = TEST_APP.apiSecret) {
  const { token } = await getJwt(shop.replace(".myshopify.com", ""), TEST_APP.apiKey, secret);
  return `Bearer ${token}`;
}

async function postPreview(body: unknown, authorization?: string) {
  const request = new Request(`${TEST_APP.appUrl}/api/preview`, {
    method: "POST",
    headers: {
      Authorization: authorization ?? (await bearer()),
      "Content-Type": "application/json",
      Origin: "https://extensions.shopifycdn.com",
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return responseOf(() => previewAction({ request, params: {}, context: {} }));
}

async function kasse(form?: Record<string, string>) {
  const request = new Request(`${TEST_APP.appUrl}/app/settings/portokasse`, {
    method: form ? "POST" : "GET",
    headers: { Authorization: await bearer() },
    ...(form ? { body: new URLSearchParams(form) } : {}),
  });
  return responseOf(() => (form ? kasseAction : kasseLoader)({ request, params: {}, context: {} }));
}

beforeAll(async () => {
  fake = createShopifyFake({ apiKey: TEST_APP.apiKey, apiSecret: TEST_APP.apiSecret });
  fake.seedDemoShop();
  const server = await fake.listen();
  closeFake = server.close;
  database = await createMigratedDatabase("sqlite");
  stubAppEnv({
    DATABASE_URL: database.target.url,
    SHOPIFY_ADMIN_API_ORIGIN: server.origin,
    INTERNETMARKE_BASE_URL: `${env.origin()}${IM_BASE_PATH}`,
    PRODUCTS_API_BASE_URL: `${env.origin()}${PRODUCTS_BASE_PATH}`,
    INTERNETMARKE_CLIENT_ID: APP.clientId,
    INTERNETMARKE_CLIENT_SECRET: APP.clientSecret,
  });
  ({ action: previewAction, loader: previewLoader } = await import("~/routes/api.preview"));
  ({ action: kasseAction, loader: kasseLoader } = await import("~/routes/app.settings.portokasse"));
});

afterAll(async () => {
  const { db } = await import("~/db.server");
  await db().$disconnect();
  await database.drop();
  await closeFake();
});

describe("the Portokasse settings route", () => {
  it("connects, and neither the action's nor the loader's data nor any log holds the password", async () => {
    const logs: string[] = [];
    const spies = (["info", "warn", "debug", "log"] as const).map((m) =>
      vi
        .spyOn(console, m)
        .mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(" "))),
    );
    const connected = await kasse({ _action: "connect", ...MERCHANT });
    expect(connected.status).toBe(200);
    const actionText = await connected.text();
    expect(JSON.parse(actionText)).toMatchObject({
      ok: true,
      portokasse: { username: MERCHANT.username, balanceCents: 10_000 },
    });
    const loaderText = await (await kasse()).text();
    const { db } = await import("~/db.server");
    const stored = await db().portokasseAccount.findFirstOrThrow({ where: { shop: { domain: SHOP } } });
    for (const text of [actionText, loaderText, logs.join("\n")]) {
      expect(text).not.toContain(MERCHANT.password);
      expect(text).not.toContain(stored.passwordCiphertext);
      expect(text).not.toContain("passwordCiphertext");
    }
    expect(stored.passwordCiphertext).not.toContain(MERCHANT.password);
    for (const spy of spies) spy.mockRestore();
  });

  it("explains a Portokasse that has not approved the app (the spec's answer: wrong password or not approved)", async () => {
    env.sim.reset();
    env.sim.addApp(APP);
    env.addMerchant({ approvedApps: [] });
    const answer = await (await kasse({ _action: "connect", ...MERCHANT })).json();
    expect(answer).toMatchObject({ ok: false, problem: "login-refused" });
    env.sim.approveApp(MERCHANT.username, APP.clientId);
    expect(await (await kasse({ _action: "connect", ...MERCHANT })).json()).toMatchObject({ ok: true, problem: null });
  });
});

describe("POST /api/preview", () => {
  it("previews the bearer token's shop: every order explained, totals, balance, CORS for the extension", async () => {
    await kasse({ _action: "connect", ...MERCHANT });
    const ids = fake.shop(SHOP).orders.map((o) => `gid://shopify/Order/${o.id}`);
    const before = fake.calls.length;
    const response = await postPreview({ orderIds: ids });
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const preview = await response.json();
    expect(preview.lines).toHaveLength(ids.length);
    const errors = preview.lines.filter((l: { ok: boolean }) => !l.ok).map((l: { error: string }) => l.error);
    expect(errors).toEqual(
      expect.arrayContaining(["cancelled", "already-fulfilled", "nothing-to-ship", "postal-code-rejected"]),
    );
    const sum = preview.totals.reduce((s: number, t: { totalCents: number }) => s + t.totalCents, 0);
    expect(preview.balance).toMatchObject({
      totalCents: sum,
      balanceCents: 10_000,
      sufficient: true,
      missingCents: 0,
    });
    expect(preview.okCount + preview.errorCount).toBe(ids.length);
    const queries = fake.calls.slice(before).filter((c) => c.operationName === "PreviewOrders");
    expect(queries).toHaveLength(Math.ceil(ids.length / ORDERS_PER_QUERY));
  });

  it("answers what the admin extension's own previewBatch() reads, and refuses by a code it knows", async () => {
    await kasse({ _action: "connect", ...MERCHANT });
    const routes = [{ path: /^\/api\/preview$/, action: previewAction, loader: previewLoader }];
    vi.stubGlobal("fetch", extensionFetch(routes, SHOP));
    try {
      const ids = fake.shop(SHOP).orders.map((o) => `gid://shopify/Order/${o.id}`);
      const unknown = "gid://shopify/Order/999999999";
      const preview = await previewBatch([...ids, unknown]);
      expect(preview.lines.map((line) => line.orderId)).toEqual([...ids, unknown]);
      expect(preview.lines.at(-1)).toMatchObject({ orderName: null, ok: false, error: "not-found" });
      expect(preview.lines.some((line) => line.ok && line.productCode > 0)).toBe(true);
      expect(preview.totals.length).toBeGreaterThan(0);
      expect(preview.balance).toMatchObject({ balanceCents: 10_000, sufficient: true, missingCents: 0 });
      expect(preview.portokasse).toEqual({ connected: true, problem: null });

      const refused: unknown = await previewBatch([]).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({
        kind: "refused",
        status: 400,
        code: "invalid-request",
        appMessage: undefined,
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("explains each order in the language the extension asks for (the admin's), English by default", async () => {
    await kasse({ _action: "connect", ...MERCHANT });
    const ids = fake.shop(SHOP).orders.map((o) => `gid://shopify/Order/${o.id}`);
    const routes = [{ path: /^\/api\/preview$/, action: previewAction, loader: previewLoader }];
    vi.stubGlobal("fetch", extensionFetch(routes, SHOP));
    try {
      const [german, english] = [await previewBatch(ids, "de"), await previewBatch(ids)];
      const reasons = (preview: typeof german, error: string) =>
        preview.lines.flatMap((line) => (!line.ok && line.error === error ? [line.reason] : []));
      expect(reasons(german, "cancelled")).toContain("Die Bestellung wurde storniert.");
      expect(reasons(english, "cancelled")).toContain("The order was cancelled.");
      const chosen = german.lines.find((line) => line.ok);
      expect(chosen?.reason).toMatch(/ g inkl\. \d+ g Verpackung, (Inland|EU|Welt) \(/);
      expect(english.lines.find((line) => line.ok)?.reason).toMatch(/ g incl\. \d+ g packaging/);
    } finally {
      vi.unstubAllGlobals();
    }
    expect((await postPreview({ orderIds: ids, locale: "fr" })).status).toBe(400);
  });

  it("shows exact weights, the customs form and the Einschreiben the customer paid for, in German and English (issue 16)", async () => {
    await kasse({ _action: "connect", ...MERCHANT });
    const ids = fake.shop(SHOP).orders.map((o) => `gid://shopify/Order/${o.id}`);
    type Line = {
      ok: boolean;
      orderName: string;
      productName?: string;
      noticeTexts: string[];
      notices?: Array<{ code: string }>;
    };
    const [german, english] = await Promise.all(
      ["de", "en"].map(
        async (locale) => (await (await postPreview({ orderIds: ids, locale })).json()).lines as Line[],
      ),
    );
    const ok = (german ?? []).filter((line) => line.ok);
    expect(ok.length).toBeGreaterThan(3);
    for (const line of ok)
      expect(line.noticeTexts[0], line.orderName).toMatch(/^Gewicht \d{1,3}(\.\d{3})*,\d g \(/);
    const customs = (german ?? []).find((line) => line.notices?.some((n) => n.code === "customs-form"));
    expect(customs?.noticeTexts.join(" | ")).toMatch(
      /Zollinhaltserklärung CN 2[23]: Die Ware verlässt das Zoll- und Mehrwertsteuergebiet der EU \(/,
    );
    const same = (english ?? []).find((line) => line.orderName === customs?.orderName);
    expect(same?.noticeTexts.join(" | ")).toMatch(
      /Customs declaration CN 2[23]: goods leave the EU customs and VAT area/,
    );
    // The demo orders whose shipping method is "Einschreiben" get it by the built-in rule (issue 13.4).
    const paid = (german ?? []).filter((line) => line.ok && !/EINSCHREIBEN/.test(line.productName ?? ""));
    for (const line of paid)
      expect(
        line.notices?.map((n) => n.code),
        line.orderName,
      ).not.toContain("paid-service-missing");
    expect((german ?? []).some((line) => line.ok && /EINSCHREIBEN/.test(line.productName ?? ""))).toBe(true);
  });

  it("refuses a session token signed with another secret", async () => {
    const response = await postPreview({ orderIds: ["1"] }, await bearer(SHOP, "not-the-app-secret"));
    expect(response.status).toBe(401);
  });

  it.each([
    ["no ids", { orderIds: [] }],
    ["more than 250 ids", { orderIds: Array.from({ length: 251 }, (_, i) => String(i + 1)) }],
    ["not JSON", "orderIds=1"],
  ])("answers 400 for %s", async (_name, body) => {
    const response = await postPreview(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid-request" });
  });

  it("answers the extension's CORS preflight and refuses GET", async () => {
    const preflight = new Request(`${TEST_APP.appUrl}/api/preview`, {
      method: "OPTIONS",
      headers: { Origin: "https://extensions.shopifycdn.com", "Access-Control-Request-Method": "POST" },
    });
    const answer = await responseOf(() => previewAction({ request: preflight, params: {}, context: {} }));
    expect(answer.status).toBe(204);
    expect(answer.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
    const get = new Request(`${TEST_APP.appUrl}/api/preview`, { headers: { Authorization: await bearer() } });
    expect((await responseOf(() => previewLoader({ request: get, params: {}, context: {} }))).status).toBe(
      405,
    );
  });
});
