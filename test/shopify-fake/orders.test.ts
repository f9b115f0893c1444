import { beforeEach, describe, expect, it } from "vitest";
import { createShopifyFake, type ShopifyFake } from "./index";
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

let fake: ShopifyFake;
let run: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLReply>;
const clock = manualClock();

beforeEach(() => {
  fake = createShopifyFake({ apiKey: API_KEY, apiSecret: API_SECRET, now: clock.now });
  const { shopDomain, accessToken } = fake.seedDemoShop();
  run = clientFor(fake, shopDomain, accessToken);
});

const names = (reply: GraphQLReply) => list(reply.body, "data", "orders", "nodes").map((n) => at(n, "name"));

const PAGE = `query Page($first: Int, $last: Int, $after: String, $before: String, $query: String, $sortKey: OrderSortKeys, $reverse: Boolean) {
  orders(first: $first, last: $last, after: $after, before: $before, query: $query, sortKey: $sortKey, reverse: $reverse) {
    nodes { name }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe("orders connection", () => {
  it("pages forward and backward with opaque cursors", async () => {
    const first = await run(PAGE, { first: 8 });
    expect(names(first)).toEqual(["#1001", "#1002", "#1003", "#1004", "#1005", "#1006", "#1007", "#1008"]);
    expect(at(first.body, "data", "orders", "pageInfo")).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
    });
    const endCursor = text(first.body, "data", "orders", "pageInfo", "endCursor");
    const second = await run(PAGE, { first: 8, after: endCursor });
    expect(names(second)).toEqual(["#1009", "#1010", "#1011", "#1012", "#1013", "#1014", "#1015", "#1016"]);
    const third = await run(PAGE, {
      first: 8,
      after: text(second.body, "data", "orders", "pageInfo", "endCursor"),
    });
    expect(names(third)).toEqual(["#1017", "#1018", "#1019", "#1020", "#1021", "#1022", "#1023"]);
    expect(at(third.body, "data", "orders", "pageInfo")).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: true,
    });
    const back = await run(PAGE, {
      last: 2,
      before: text(third.body, "data", "orders", "pageInfo", "startCursor"),
    });
    expect(names(back)).toEqual(["#1015", "#1016"]);
  });

  it("sorts by key, reversed", async () => {
    expect(names(await run(PAGE, { first: 3, sortKey: "CREATED_AT", reverse: true }))).toEqual([
      "#1023",
      "#1022",
      "#1021",
    ]);
    expect(names(await run(PAGE, { first: 2, sortKey: "TOTAL_PRICE", reverse: true }))).toEqual([
      "#1013",
      "#1005",
    ]);
  });

  it("filters with the search syntax: id, name, status, fulfillment_status, tag", async () => {
    const id = fake.shop("frankier-demo.myshopify.com").requireOrder("#1003").id;
    expect(names(await run(PAGE, { first: 10, query: `id:${id}` }))).toEqual(["#1003"]);
    expect(names(await run(PAGE, { first: 10, query: "name:#1014" }))).toEqual(["#1014"]);
    expect(names(await run(PAGE, { first: 10, query: "name:1014" }))).toEqual(["#1014"]);
    expect(names(await run(PAGE, { first: 10, query: "status:cancelled" }))).toEqual(["#1017"]);
    expect(names(await run(PAGE, { first: 10, query: "fulfillment_status:shipped" }))).toEqual(["#1018"]);
    expect(names(await run(PAGE, { first: 10, query: "tag:stammkundin" }))).toEqual(["#1005"]);
    const open = names(await run(PAGE, { first: 50, query: "status:open fulfillment_status:unshipped" }));
    expect(open).toHaveLength(21);
    expect(open).not.toContain("#1017");
    expect(open).not.toContain("#1018");
    expect(names(await run(PAGE, { first: 10, query: "tag:Geschenk OR name:#1001" }))).toEqual([
      "#1001",
      "#1014",
    ]);
    expect(names(await run(PAGE, { first: 50, query: "-fulfillment_status:unshipped" }))).toEqual(["#1018"]);
    expect(names(await run(PAGE, { first: 50, query: "total_weight:>=1.5kg" }))).toEqual(["#1005", "#1013"]);
  });

  it("ignores an unknown search field and says so in extensions.search, as Shopify does", async () => {
    const reply = await run(PAGE, { first: 2, query: "colour:blue" });
    expect(names(reply)).toEqual(["#1001", "#1002"]);
    expect(at(reply.body, "extensions", "search")).toEqual([
      {
        path: ["orders"],
        query: "colour:blue",
        warnings: [{ field: "colour", message: "Invalid search field for this query." }],
      },
    ]);
  });

  it("shows only the last 60 days without read_all_orders", async () => {
    const shop = fake.shop("frankier-demo.myshopify.com");
    shop.addOrder({
      createdAt: new Date(clock.now().getTime() - 90 * 86_400_000),
      lineItems: [{ title: "Alt", priceCents: 100 }],
    });
    const reply = await run(PAGE, { first: 50 });
    expect(names(reply)).toHaveLength(23);
  });
});

describe("an order in detail", () => {
  it("answers the fields the franking app reads, in Shopify's scalar formats", async () => {
    const reply = await run(`{
      orders(first: 1, query: "name:#1012") { nodes {
        id legacyResourceId name email phone displayFinancialStatus displayFulfillmentStatus closed cancelledAt tags note currencyCode
        totalWeight totalPriceSet { shopMoney { amount currencyCode } } subtotalPriceSet { presentmentMoney { amount } }
        shippingAddress { name firstName lastName company address1 address2 city zip province provinceCode country countryCodeV2 phone }
        shippingLines(first: 1) { nodes { title code source carrierIdentifier originalPriceSet { shopMoney { amount } } } }
        lineItems(first: 5) { nodes { title name quantity currentQuantity sku requiresShipping originalUnitPriceSet { shopMoney { amount } }
          variant { title inventoryItem { harmonizedSystemCode countryCodeOfOrigin measurement { weight { unit value } } } } } }
        customer { email firstName lastName displayName }
      } }
    }`);
    const order = at(reply.body, "data", "orders", "nodes", 0);
    expect(order).toMatchObject({
      legacyResourceId: expect.stringMatching(/^\d+$/),
      name: "#1012",
      totalWeight: "120",
      totalPriceSet: { shopMoney: { amount: "17.4", currencyCode: "EUR" } },
      subtotalPriceSet: { presentmentMoney: { amount: "12.9" } },
      shippingAddress: {
        name: "Oliver Smith",
        zip: "SW1A 1AA",
        country: "United Kingdom",
        countryCodeV2: "GB",
      },
      shippingLines: {
        nodes: [
          {
            title: "Internationaler Brief",
            code: "brief-international",
            originalPriceSet: { shopMoney: { amount: "4.5" } },
          },
        ],
      },
      lineItems: {
        nodes: [
          {
            name: "Briefpapier-Set Bütten - 20 Bogen, 10 Umschläge",
            variant: {
              inventoryItem: {
                harmonizedSystemCode: "481710",
                measurement: { weight: { unit: "GRAMS", value: 120 } },
              },
            },
          },
        ],
      },
      customer: { displayName: "Oliver Smith" },
    });
  });

  it("finds orders and fulfillment orders by id, and unknown ids as null", async () => {
    const shop = fake.shop("frankier-demo.myshopify.com");
    const order = shop.requireOrder("#1001");
    const fulfillmentOrder = order.fulfillmentOrders[0];
    const reply = await run(
      `query($ids: [ID!]!, $id: ID!) {
        nodes(ids: $ids) { __typename id ... on Order { name } ... on FulfillmentOrder { status orderName } }
        order(id: $id) { name fulfillmentOrders(first: 1) { nodes { assignedLocation { name } } } }
      }`,
      {
        ids: [
          `gid://shopify/Order/${order.id}`,
          `gid://shopify/FulfillmentOrder/${fulfillmentOrder?.id}`,
          "gid://shopify/Order/1",
        ],
        id: `gid://shopify/Order/${order.id}`,
      },
    );
    expect(at(reply.body, "data")).toEqual({
      nodes: [
        { __typename: "Order", id: `gid://shopify/Order/${order.id}`, name: "#1001" },
        {
          __typename: "FulfillmentOrder",
          id: `gid://shopify/FulfillmentOrder/${fulfillmentOrder?.id}`,
          status: "OPEN",
          orderName: "#1001",
        },
        null,
      ],
      order: {
        name: "#1001",
        fulfillmentOrders: { nodes: [{ assignedLocation: { name: "Lager Berlin-Schöneberg" } }] },
      },
    });
  });

  it("serves the shop and the app installation", async () => {
    const reply = await run(
      "{ shop { name myshopifyDomain currencyCode ianaTimezone weightUnit shopAddress { city zip countryCodeV2 } } currentAppInstallation { id app { id } } }",
    );
    expect(at(reply.body, "data", "shop")).toEqual({
      name: "Frankier Demo",
      myshopifyDomain: "frankier-demo.myshopify.com",
      currencyCode: "EUR",
      ianaTimezone: "Europe/Berlin",
      weightUnit: "KILOGRAMS",
      shopAddress: { city: "Berlin", zip: "10827", countryCodeV2: "DE" },
    });
    expect(text(reply.body, "data", "currentAppInstallation", "app", "id")).toBe(
      `gid://shopify/App/${fake.appId}`,
    );
  });
});
