/**
 * Test support for automatic franking, wired the way production runs: the app's configuration points at
 * the Deutsche Post simulator and the Shopify fake (real HTTP), the shop has an offline session, a linked
 * Portokasse and settings, the fake delivers orders/create and orders/paid through the app's real
 * webhooks route (HMAC checked by authenticate.webhook), and the run uses `appAutomationDeps` with the
 * simulated clock.
 */
import { acceptTerms } from "~/terms/terms.server";
import type { ActionFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import type { AutomationDeps } from "~/automation/run.server";
import type { AutomationConfig } from "~/automation/rules";
import { automationConfigSchema } from "~/automation/rules";
import { encryptSecret } from "~/crypto.server";
import type { Db } from "~/db.server";
import { createFrankingWorker } from "~/franking/worker.server";
import { createShopifyFake, type ShopifyFake } from "../shopify-fake";
import { PRODUCTS } from "../shopify-fake/seed-data";
import { IM_BASE_PATH, PRODUCTS_BASE_PATH } from "../simulators/internetmarke";
import { responseOf, stubAppEnv, TEST_APP } from "../support/app-env";
import type { DatabaseProvider } from "~/db/database-url";
import { createMigratedDatabase, type TestDatabase } from "../support/databases";
import { fakeAdmin } from "../support/fake-admin";
import { APP, MERCHANT, useSimulator, type SimEnv } from "../support/internetmarke-sim";

export const SHOP = "frankier-demo.myshopify.com";
export const SETTINGS = {
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

export interface AutomationEnv extends SimEnv {
  fake: ShopifyFake;
  db(): Db;
  database(): TestDatabase;
  shopId(): string;
  fakeOrigin(): string;
  deps(overrides?: Partial<AutomationDeps>): Promise<AutomationDeps>;
  rules(config: Partial<AutomationConfig>): Promise<void>;
  /** A paid order placed at checkout; its webhooks are delivered unless `deliver` is false. */
  place(spec?: {
    country?: string;
    shipping?: string;
    tags?: string[];
    deliver?: boolean;
    paid?: boolean;
  }): Promise<string>;
  /** Buys every queued batch with a franking worker (the simulator, the fake). */
  buy(): Promise<void>;
  /** Shopify order gids with a bought voucher, each once per voucher. */
  frankedOrders(): Promise<string[]>;
}

export function useAutomation(provider: DatabaseProvider): AutomationEnv {
  const sim = useSimulator();
  let current: TestDatabase | null = null;
  const database = () => {
    if (!current) throw new Error("database not ready");
    return current;
  };
  let webhookAction: ((args: ActionFunctionArgs) => Promise<Response>) | null = null;
  const fake = createShopifyFake({
    apiKey: TEST_APP.apiKey,
    apiSecret: TEST_APP.apiSecret,
    now: sim.clock.now,
    webhookFetch: (request) => {
      if (!webhookAction) throw new Error("webhooks route not loaded");
      const action = webhookAction;
      // The fake runs on the simulator's clock (2025) while the route checks a delivery's freshness against
      // the real one: the delivery is stamped with the real time it is sent at, as Shopify stamps it.
      const headers = new Headers(request.headers);
      headers.set("X-Shopify-Triggered-At", new Date().toISOString());
      const stamped = new Request(request, { headers });
      return responseOf(() => action({ request: stamped, params: {}, context: {} }));
    },
  });
  let origin = "";
  let closeFake: () => Promise<void> = async () => undefined;
  let shopId = "";
  let token = "";
  let db: Db | null = null;

  beforeAll(async () => {
    current = await createMigratedDatabase(provider);
    const server = await fake.listen();
    origin = server.origin;
    closeFake = () => server.close();
    stubAppEnv({
      DATABASE_URL: database().target.url,
      SHOPIFY_ADMIN_API_ORIGIN: server.origin,
      INTERNETMARKE_CLIENT_ID: APP.clientId,
      INTERNETMARKE_CLIENT_SECRET: APP.clientSecret,
      INTERNETMARKE_BASE_URL: `${sim.origin()}${IM_BASE_PATH}`,
      PRODUCTS_API_BASE_URL: `${sim.origin()}${PRODUCTS_BASE_PATH}`,
    });
    webhookAction = (await import("~/routes/webhooks")).action as (
      args: ActionFunctionArgs,
    ) => Promise<Response>;
    db = (await import("~/db.server")).db();
  });
  afterAll(async () => {
    await closeFake();
    await db?.$disconnect();
    await current?.drop();
  });

  const theDb = () => {
    if (!db) throw new Error("database not ready");
    return db;
  };

  beforeEach(async () => {
    fake.reset();
    token = fake.seedDemoShop().accessToken;
    fake.subscribeWebhooks(SHOP, `${TEST_APP.appUrl}/webhooks`, ["orders/create", "orders/paid"]);
    const { SCOPES } = await import("~/shopify.server");
    await theDb().session.deleteMany({});
    await theDb().shop.deleteMany({});
    await theDb().session.create({
      data: { id: `offline_${SHOP}`, shop: SHOP, state: "", accessToken: token, scope: SCOPES.join(",") },
    });
    shopId = (await theDb().shop.create({ data: { domain: SHOP, settings: JSON.stringify(SETTINGS) } })).id;
    // The merchant accepted the INTERNETMARKE terms (every purchase path needs it, app/terms).
    await acceptTerms(theDb(), { shopId, acceptedBy: "test", now: sim.clock.now() });
    await theDb().portokasseAccount.create({
      data: {
        shopId,
        username: MERCHANT.username,
        passwordCiphertext: encryptSecret(MERCHANT.password, TEST_APP.encryptionKey, shopId),
      },
    });
  });

  let orderNumber = 0;
  const env: AutomationEnv = {
    ...sim,
    fake,
    db: theDb,
    database,
    shopId: () => shopId,
    fakeOrigin: () => origin,
    async deps(overrides = {}) {
      const { appAutomationDeps } = await import("~/automation/start.server");
      return appAutomationDeps({
        now: sim.clock.now,
        owner: "test",
        logger: { warn: () => undefined },
        ...overrides,
      });
    },
    async rules(config) {
      const { saveAutomation } = await import("~/automation/settings.server");
      await saveAutomation(
        theDb(),
        shopId,
        automationConfigSchema.parse({ enabled: true, ...config }),
        sim.clock.now(),
      );
    },
    async place(spec = {}) {
      orderNumber++;
      const order = await fake.placeOrder(
        SHOP,
        {
          customer: {
            email: `kunde${orderNumber}@example.com`,
            firstName: "Kim",
            lastName: `Kunde ${orderNumber}`,
          },
          shippingAddress: {
            firstName: "Kim",
            lastName: `Kunde ${orderNumber}`,
            address1: "Ringstraße 1",
            zip: "10115",
            city: "Berlin",
            countryCode: spec.country ?? "DE",
          },
          shippingLine: { title: spec.shipping ?? "Brief", priceCents: 160 },
          lineItems: [{ ...PRODUCTS.grusskarte, quantity: 1 }],
          tags: spec.tags ?? [],
          financialStatus: spec.paid === false ? "PENDING" : "PAID",
        },
        { deliver: spec.deliver ?? true },
      );
      return `gid://shopify/Order/${order.id}`;
    },
    async buy() {
      const worker = createFrankingWorker({
        db: theDb(),
        internetmarke: sim.client().client,
        portokasseFor: async (_shop, im) => im.portokasse(MERCHANT),
        adminFor: async () => fakeAdmin(fake, SHOP, token),
        now: sim.clock.now,
        sleep: async () => undefined,
      });
      await worker.workOnce();
    },
    async frankedOrders() {
      const vouchers = await theDb().voucher.findMany({ where: { shopId } });
      return vouchers.map((v) => v.orderId).sort();
    },
  };
  return env;
}

/** The simulator's ledger matches the app's vouchers: nothing bought twice, nothing lost. */
export async function expectLedgerMatches(env: AutomationEnv): Promise<void> {
  const account = env.sim.account(MERCHANT.username);
  const vouchers = await env.db().voucher.findMany({ where: { shopId: env.shopId() } });
  expect(vouchers.map((v) => v.voucherId).sort()).toEqual(account.vouchers.map((v) => v.voucherId).sort());
  const debits = account.ledger.filter((e) => e.kind === "purchase");
  expect(-debits.reduce((sum, e) => sum + e.cents, 0)).toBe(
    vouchers.reduce((sum, v) => sum + v.priceCents, 0),
  );
}
