import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getJwt } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP, useSimulator } from "../support/internetmarke-sim";
import { createShopifyFake, DEMO_SHOP_DOMAIN } from "../shopify-fake";
import { IM_BASE_PATH, PRODUCTS_BASE_PATH } from "../simulators/internetmarke";
import { createMigratedDatabase, type TestDatabase } from "../support/databases";
import { responseOf, stubAppEnv, TEST_APP } from "../support/app-env";

/** The settings pages' routes through the real `authenticate.admin`: form data in, field errors out. */
type Route = (args: ActionFunctionArgs | LoaderFunctionArgs) => Promise<unknown>;
const env = useSimulator();
let database: TestDatabase;
let closeFake: () => Promise<void>;
let fake: ReturnType<typeof createShopifyFake>;
let routes: Record<string, { loader: Route; action: Route }>;

async function call(page: string, form?: Record<string, string>) {
  const { token } = await getJwt(
    DEMO_SHOP_DOMAIN.replace(".myshopify.com", ""),
    TEST_APP.apiKey,
    TEST_APP.apiSecret,
  );
  const request = new Request(`${TEST_APP.appUrl}/app/settings/${page}?locale=de`, {
    method: form ? "POST" : "GET",
    headers: { Authorization: `Bearer ${token}` },
    ...(form ? { body: new URLSearchParams(form) } : {}),
  });
  const route = routes[page];
  if (!route) throw new Error(`no route ${page}`);
  return (
    await responseOf(() => (form ? route.action : route.loader)({ request, params: {}, context: {} }))
  ).json();
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
  routes = {
    sender: await import("~/routes/app.settings.sender"),
    rules: await import("~/routes/app.settings.rules"),
    packaging: await import("~/routes/app.settings.packaging"),
  };
});

afterAll(async () => {
  const { db } = await import("~/db.server");
  await db().$disconnect();
  await database.drop();
  await closeFake();
});

describe("settings routes", () => {
  it("answers field errors for an invalid sender and saves nothing; a valid one is saved", async () => {
    const sender = {
      "sender.name": "Katrin Vogel",
      "sender.street": "Hauptstraße 12",
      "sender.city": "Berlin",
    };
    const invalid = await call("sender", { ...sender, "sender.postalCode": "1082" });
    expect(invalid).toEqual({
      ok: false,
      errors: [{ path: "sender.postalCode", key: "settings.error.postalCode", params: {} }],
    });
    expect((await call("sender")).sender).toBeNull();
    expect(await call("sender", { ...sender, "sender.postalCode": "10827" })).toEqual({
      ok: true,
      errors: [],
    });
    expect((await call("sender")).sender).toMatchObject({ postalCode: "10827", country: "DE" });
  });

  it("takes registered-mail thresholds in euros and product codes from the price list", async () => {
    const saved = await call("rules", {
      "registeredMailRules.0.orderValueAboveEuros": "49,90",
      "registeredMailRules.0.service": "EINSCHREIBEN_EINWURF",
      "productOverrides.0.tag": "warensendung",
      "productOverrides.0.productCode": "290",
      allowWarensendung: "true",
    });
    expect(saved).toEqual({ ok: true, errors: [] });
    const rules = await call("rules");
    expect(rules.registeredMailRules).toEqual([
      { orderValueAboveCents: 4990, service: "EINSCHREIBEN_EINWURF", whenUnavailable: "substitute" },
    ]);
    expect(rules.registeredMailFromShippingMethod).toBe(true); // not sent: its default, on
    expect(rules.products.length).toBeGreaterThan(40);
    const unknown = await call("rules", { "productOverrides.0.productCode": "4711" });
    expect(unknown.errors).toEqual([
      { path: "productOverrides.0.productCode", key: "settings.error.unknownProduct", params: {} },
    ]);
  });

  it("refuses to remove a packaging a rule still uses", async () => {
    const answer = await call("packaging", {
      "packagingPresets.0.id": "dl",
      "packagingPresets.0.name": "DL",
      "packagingPresets.0.tareG": "5",
      "packagingPresets.0.lengthMm": "220",
      "packagingPresets.0.widthMm": "110",
      "packagingPresets.0.heightMm": "5",
      defaultPackagingId: "dl",
      "packagingRules.0.tag": "Kalender",
      "packagingRules.0.packagingId": "maxi-box",
    });
    expect(answer.errors).toEqual([
      { path: "packagingRules.0.packagingId", key: "settings.error.unknownPackaging", params: {} },
    ]);
    expect((await call("packaging")).presets).toHaveLength(5); // the default presets (issue 13.4)
  });

  it("saves a packaging's capacity (empty: derived) and the packaging choice (issue 13.4)", async () => {
    const preset = (i: number, id: string, maxContentG: string) => ({
      [`packagingPresets.${i}.id`]: id,
      [`packagingPresets.${i}.name`]: id.toUpperCase(),
      [`packagingPresets.${i}.tareG`]: "5",
      [`packagingPresets.${i}.lengthMm`]: "220",
      [`packagingPresets.${i}.widthMm`]: "110",
      [`packagingPresets.${i}.heightMm`]: "5",
      [`packagingPresets.${i}.maxContentG`]: maxContentG,
    });
    const saved = await call("packaging", {
      ...preset(0, "dl", "12"),
      ...preset(1, "dl2", ""),
      defaultPackagingId: "dl",
      packagingChoice: "default",
    });
    expect(saved).toEqual({ ok: true, errors: [] });
    const page = await call("packaging");
    expect(page.presets.map((p: { maxContentG: number | null }) => p.maxContentG)).toEqual([12, null]);
    expect(page.packagingChoice).toBe("default");
    const wrong = await call("packaging", { ...preset(0, "dl", "-1"), defaultPackagingId: "dl" });
    expect(wrong.errors.map((e: { path: string }) => e.path)).toEqual(["packagingPresets.0.maxContentG"]);
  });

  it("labels thresholds with the shop's currency as Shopify reports it, and keeps the per-rule choice (issue 16)", async () => {
    expect((await call("rules")).currency).toBe("EUR");
    fake.shop(DEMO_SHOP_DOMAIN).info.currencyCode = "CHF";
    expect((await call("rules")).currency).toBe("CHF");
    const saved = await call("rules", {
      "registeredMailRules.0.tag": "vip",
      "registeredMailRules.0.service": "EINSCHREIBEN_RUECKSCHEIN",
      "registeredMailRules.0.whenUnavailable": "leave-out",
      registeredMailFromShippingMethod: "true",
    });
    expect(saved).toEqual({ ok: true, errors: [] });
    const rules = await call("rules");
    expect(rules.registeredMailRules).toEqual([
      { tag: "vip", service: "EINSCHREIBEN_RUECKSCHEIN", whenUnavailable: "leave-out" },
    ]);
    expect(rules.registeredMailFromShippingMethod).toBe(true);
    const wrong = await call("rules", {
      "registeredMailRules.0.service": "EINSCHREIBEN",
      "registeredMailRules.0.whenUnavailable": "guess",
    });
    expect(wrong.ok).toBe(false);
  });
});
