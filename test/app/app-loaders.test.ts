import type { LoaderFunctionArgs } from "@remix-run/node";
import { RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopifyFake } from "../shopify-fake";
import { createMigratedDatabase, type TestDatabase } from "../support/databases";
import { responseOf, stubAppEnv, TEST_APP } from "../support/app-env";

/**
 * The app's loaders through the real authenticate.admin: requests are made valid with Shopify's own
 * test helpers (session token signed with the app secret), the offline token comes from a real token
 * exchange with the Shopify fake, and the Admin API answers from the fake.
 */
type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
const STORE = "frankier-demo";
const SHOP = `${STORE}.myshopify.com`;

let database: TestDatabase;
let closeFake: () => Promise<void>;
let homeLoader: Loader;
let layoutLoader: Loader;

const valid = (request: Request, type: RequestType.Admin | RequestType.Bearer = RequestType.Admin) =>
  setUpValidRequest(
    { type, store: STORE, apiKey: TEST_APP.apiKey, apiSecretKey: TEST_APP.apiSecret },
    request,
  );
const call = (loader: Loader, request: Request) =>
  responseOf(() => loader({ request, params: {}, context: {} }));

beforeAll(async () => {
  const fake = createShopifyFake({ apiKey: TEST_APP.apiKey, apiSecret: TEST_APP.apiSecret });
  fake.seedDemoShop();
  const server = await fake.listen();
  closeFake = server.close;
  database = await createMigratedDatabase("sqlite");
  stubAppEnv({ DATABASE_URL: database.target.url, SHOPIFY_ADMIN_API_ORIGIN: server.origin });
  ({ loader: homeLoader } = await import("~/routes/app._index"));
  ({ loader: layoutLoader } = await import("~/routes/app"));
});

afterAll(async () => {
  const { db } = await import("~/db.server");
  await db().$disconnect();
  await database.drop();
  await closeFake();
});

describe("app loaders behind authenticate.admin", () => {
  it("renders the overview for a valid embedded request: token exchange, session stored, Admin API read", async () => {
    const response = await call(homeLoader, await valid(new Request(`${TEST_APP.appUrl}/app?locale=de`)));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.shop).toMatchObject({ name: "Frankier Demo", myshopifyDomain: SHOP });
    expect(data.orders.length).toBeGreaterThan(5);
    expect(data.locale).toBe("de");
    expect(data.portokasse).toBeNull();
    const { db } = await import("~/db.server");
    expect(await db().session.findUnique({ where: { id: `offline_${SHOP}` } })).toMatchObject({ shop: SHOP });
    expect(await db().shop.findUnique({ where: { domain: SHOP } })).toMatchObject({ uninstalledAt: null });
  });

  it("accepts the bearer session token an admin extension or App Bridge fetch sends", async () => {
    const response = await call(
      homeLoader,
      await valid(new Request(`${TEST_APP.appUrl}/app`), RequestType.Bearer),
    );
    expect(response.status).toBe(200);
    expect((await response.json()).shop.name).toBe("Frankier Demo");
  });

  it("does not serve a request without a session token", async () => {
    const response = await call(layoutLoader, new Request(`${TEST_APP.appUrl}/app?shop=${SHOP}&embedded=1`));
    expect(response.status).toBeGreaterThanOrEqual(300);
    expect(response.status).not.toBe(200);
  });

  it("refuses a session token signed with another secret", async () => {
    const forged = await setUpValidRequest(
      { type: RequestType.Bearer, store: STORE, apiKey: TEST_APP.apiKey, apiSecretKey: "not-the-app-secret" },
      new Request(`${TEST_APP.appUrl}/app`),
    );
    const response = await call(homeLoader, forged);
    expect(response.status).toBe(401);
  });
});
