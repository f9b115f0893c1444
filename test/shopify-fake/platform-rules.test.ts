/**
 * The rules Shopify enforces that the fake must refuse as well (README "Platform rules"): access scopes,
 * protected customer data, fulfillment-order visibility, one location and delivery method per
 * fulfillment and expiring offline tokens. (The 60-day window is in orders.test.ts.)
 */
import { getJwt } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import {
  createShopifyFake,
  DEMO_SHOP_DOMAIN,
  LEVEL_1_ONLY,
  type FakeShopState,
  type ShopifyFake,
} from "./index";
import {
  API_KEY,
  API_SECRET,
  at,
  clientFor,
  list,
  manualClock,
  text,
  type GraphQLReply,
} from "./test-helpers";

const ORDER_FOS = `query($id: ID!) { order(id: $id) { name fulfillmentOrders(first: 5) { nodes { id status
  assignedLocation { name location { id isFulfillmentService } } deliveryMethod { methodType } } } } }`;
const FULFILL = `mutation($fulfillment: FulfillmentInput!) { fulfillmentCreate(fulfillment: $fulfillment) {
  fulfillment { id } userErrors { field message } } }`;
const ADDRESS = `query($id: ID!) { order(id: $id) { name email shippingAddress { name address1 zip city countryCodeV2 } } }`;

let clock: ReturnType<typeof manualClock>;
let fake: ShopifyFake;
let shop: FakeShopState;
let run: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLReply>;

function setUp(scopes?: string) {
  fake = createShopifyFake({ apiKey: API_KEY, apiSecret: API_SECRET, now: clock.now, scopes });
  const { shopDomain, accessToken } = fake.seedDemoShop();
  shop = fake.shop(shopDomain);
  run = clientFor(fake, shopDomain, accessToken);
}

beforeEach(() => {
  clock = manualClock();
  setUp();
});

const orderGid = (name: string) => `gid://shopify/Order/${shop.requireOrder(name).id}`;
const foGids = (name: string) =>
  shop.requireOrder(name).fulfillmentOrders.map((fo) => `gid://shopify/FulfillmentOrder/${fo.id}`);
const fulfill = (ids: string[]) =>
  run(FULFILL, {
    fulfillment: { lineItemsByFulfillmentOrder: ids.map((fulfillmentOrderId) => ({ fulfillmentOrderId })) },
  });

describe("access scopes", () => {
  it("answers a field the token lacks the scope for with ACCESS_DENIED and keeps the rest", async () => {
    setUp("read_products");
    const reply = await run(`query($id: ID!) { shop { name } order(id: $id) { id } }`, {
      id: orderGid("#1001"),
    });
    expect(at(reply.body, "data", "shop", "name")).toBe("Frankier Demo");
    expect(at(reply.body, "data", "order")).toBeNull();
    expect(list(reply.body, "errors")[0]).toMatchObject({
      message: "Access denied for order field. Required access: `read_orders` access scope.",
      extensions: { code: "ACCESS_DENIED" },
      path: ["order"],
    });
  });

  it("refuses fulfillmentCreate to a token with read scopes only", async () => {
    setUp("read_orders,read_merchant_managed_fulfillment_orders");
    const reply = await fulfill(foGids("#1001"));
    expect(list(reply.body, "errors")[0]).toMatchObject({ extensions: { code: "ACCESS_DENIED" } });
    expect(shop.requireOrder("#1001").fulfillments).toHaveLength(0);
  });
});

describe("protected customer data", () => {
  it("gives an approved app the name, address and e-mail", async () => {
    const reply = await run(ADDRESS, { id: orderGid("#1001") });
    expect(reply.body.errors).toBeUndefined();
    expect(at(reply.body, "data", "order", "shippingAddress")).toMatchObject({
      name: "Anna Schmidt",
      zip: "10969",
    });
  });

  it("denies each protected field of an unapproved app with null and ACCESS_DENIED, keeping the rest", async () => {
    fake.protectedCustomerData = LEVEL_1_ONLY;
    const reply = await run(ADDRESS, { id: orderGid("#1001") });
    expect(at(reply.body, "data", "order")).toEqual({
      name: "#1001",
      email: null,
      shippingAddress: { name: null, address1: null, zip: null, city: null, countryCodeV2: "DE" },
    });
    const errors = list(reply.body, "errors");
    expect(errors.map((e) => at(e, "path"))).toEqual([
      ["order", "email"],
      ["order", "shippingAddress", "name"],
      ["order", "shippingAddress", "address1"],
      ["order", "shippingAddress", "zip"],
      ["order", "shippingAddress", "city"],
    ]);
    expect(errors[1]).toMatchObject({
      message: expect.stringMatching(
        /^This app is not approved to use the name field\. See https:\/\/shopify\.dev/,
      ),
      extensions: { code: "ACCESS_DENIED" },
    });
  });

  it("approves fields one by one, as the Partner Dashboard does", async () => {
    fake.protectedCustomerData = { level1: true, fields: new Set(["address"]) };
    const reply = await run(ADDRESS, { id: orderGid("#1001") });
    expect(at(reply.body, "data", "order", "shippingAddress")).toMatchObject({ name: null, zip: "10969" });
  });
});

describe("fulfillment orders", () => {
  it("hides a 3PL location's fulfillment orders from an app with merchant-managed scopes only", async () => {
    const reply = await run(ORDER_FOS, { id: orderGid("#1021") });
    expect(list(reply.body, "data", "order", "fulfillmentOrders", "nodes")).toEqual([]);
    const direct = await run(`query($id: ID!) { fulfillmentOrder(id: $id) { id } }`, {
      id: foGids("#1021")[0],
    });
    expect(at(direct.body, "data", "fulfillmentOrder")).toBeNull();
    const attempt = await fulfill(foGids("#1021"));
    expect(list(attempt.body, "errors")[0]).toMatchObject({ message: "invalid id" });
    expect(shop.requireOrder("#1021").fulfillments).toHaveLength(0);
  });

  it("shows them to an app holding the third-party scope", async () => {
    setUp("read_orders,read_third_party_fulfillment_orders");
    const reply = await run(ORDER_FOS, { id: orderGid("#1021") });
    expect(list(reply.body, "data", "order", "fulfillmentOrders", "nodes")).toEqual([
      expect.objectContaining({
        assignedLocation: expect.objectContaining({
          location: expect.objectContaining({ isFulfillmentService: true }),
        }),
      }),
    ]);
  });

  it("answers each fulfillment order with its location and delivery method", async () => {
    const split = await run(ORDER_FOS, { id: orderGid("#1022") });
    expect(
      list(split.body, "data", "order", "fulfillmentOrders", "nodes").map((n) =>
        at(n, "assignedLocation", "name"),
      ),
    ).toEqual(["Lager Berlin-Schöneberg", "Laden Leipzig"]);
    const pickup = await run(ORDER_FOS, { id: orderGid("#1023") });
    expect(
      at(pickup.body, "data", "order", "fulfillmentOrders", "nodes", 0, "deliveryMethod", "methodType"),
    ).toBe("PICK_UP");
  });

  it("refuses one fulfillment across two locations and fulfils each location alone", async () => {
    const [berlin, leipzig] = foGids("#1022");
    const mixed = await fulfill([berlin ?? "", leipzig ?? ""]);
    expect(at(mixed.body, "data", "fulfillmentCreate")).toEqual({
      fulfillment: null,
      userErrors: [
        { field: ["fulfillment"], message: "All fulfillment orders must be assigned to a single location" },
      ],
    });
    expect(shop.requireOrder("#1022").fulfillments).toHaveLength(0);
    expect(at((await fulfill([berlin ?? ""])).body, "data", "fulfillmentCreate", "userErrors")).toEqual([]);
    expect(at((await fulfill([leipzig ?? ""])).body, "data", "fulfillmentCreate", "userErrors")).toEqual([]);
    expect(shop.requireOrder("#1022").fulfillmentOrders.map((fo) => fo.status)).toEqual(["CLOSED", "CLOSED"]);
  });

  it("refuses one fulfillment mixing delivery method types", async () => {
    const order = shop.addOrder({
      lineItems: [
        { title: "A", priceCents: 100 },
        { title: "B", priceCents: 100 },
      ],
      shippingLine: { title: "Brief", priceCents: 100 },
      fulfillmentOrders: [
        { location: "Laden Leipzig", lines: [0] },
        { location: "Laden Leipzig", lines: [1], deliveryMethod: "PICK_UP" },
      ],
    });
    const reply = await fulfill(foGids(order.name));
    expect(at(reply.body, "data", "fulfillmentCreate", "userErrors", 0, "message")).toBe(
      "All fulfillment orders must have the same delivery method type",
    );
  });

  it("refuses a fulfillment order that is not open", async () => {
    const ids = foGids("#1001");
    await fulfill(ids);
    const again = await fulfill(ids);
    expect(at(again.body, "data", "fulfillmentCreate", "userErrors", 0, "message")).toMatch(
      /unfulfillable status= closed/,
    );
  });
});

describe("expiring offline tokens", () => {
  async function exchange(body: Record<string, string>) {
    const response = await fake.fetch(`https://${DEMO_SHOP_DOMAIN}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ client_id: API_KEY, client_secret: API_SECRET, ...body }),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  it("expire after an hour with Shopify's 401 and are refreshed through the refresh-token grant", async () => {
    const { token } = await getJwt("frankier-demo", API_KEY, API_SECRET, {
      iat: Math.floor(clock.now().getTime() / 1000),
      exp: Math.floor(clock.now().getTime() / 1000) + 60,
      nbf: Math.floor(clock.now().getTime() / 1000) - 5,
    });
    const issued = await exchange({
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: token,
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
      expiring: "1",
    });
    expect(issued.body).toMatchObject({ expires_in: 3600, refresh_token: expect.stringMatching(/^shprt_/) });
    const access = text(issued.body, "access_token");
    const client = clientFor(fake, DEMO_SHOP_DOMAIN, access);
    expect((await client("{ shop { name } }")).status).toBe(200);

    clock.advance(3_600_000);
    const expired = await client("{ shop { name } }");
    expect(expired.status).toBe(401);
    expect(expired.body.errors).toBe(
      "[API] Invalid API key or access token (unrecognized login or wrong password)",
    );

    const refreshed = await exchange({
      grant_type: "refresh_token",
      refresh_token: text(issued.body, "refresh_token"),
    });
    expect(refreshed.status).toBe(200);
    expect(
      (await clientFor(fake, DEMO_SHOP_DOMAIN, text(refreshed.body, "access_token"))("{ shop { name } }"))
        .status,
    ).toBe(200);
    // A refresh token is used once.
    const reused = await exchange({
      grant_type: "refresh_token",
      refresh_token: text(issued.body, "refresh_token"),
    });
    expect(reused).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });
});
