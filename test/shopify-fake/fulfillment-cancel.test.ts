import { beforeEach, describe, expect, it } from "vitest";
import { createShopifyFake, DEMO_SHOP_DOMAIN, type FakeShopState, type ShopifyFake } from "./index";
import { API_KEY, API_SECRET, at, clientFor, type GraphQLReply } from "./test-helpers";

const FULFILL = `mutation Frank($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id } userErrors { field message } }
}`;
const CANCEL = `mutation Undo($id: ID!) {
  fulfillmentCancel(id: $id) { fulfillment { id status displayStatus } userErrors { field message } }
}`;

let fake: ShopifyFake;
let shop: FakeShopState;
let run: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLReply>;
let delivered: Array<{ topic: string; body: unknown }>;

function setUp(scopes?: string) {
  delivered = [];
  fake = createShopifyFake({
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    ...(scopes ? { scopes } : {}),
    webhookFetch: async (request: Request) => {
      delivered.push({ topic: request.headers.get("x-shopify-topic") ?? "", body: await request.json() });
      return new Response(null, { status: 200 });
    },
  });
  const { shopDomain, accessToken } = fake.seedDemoShop();
  shop = fake.shop(shopDomain);
  fake.subscribeWebhooks(shopDomain, "https://app.example/webhooks", [
    "fulfillments/update",
    "orders/updated",
  ]);
  run = clientFor(fake, shopDomain, accessToken);
}

beforeEach(() => setUp());

async function fulfil(name: string): Promise<string> {
  const fo = shop.requireOrder(name).fulfillmentOrders[0];
  const reply = await run(FULFILL, {
    fulfillment: {
      lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: `gid://shopify/FulfillmentOrder/${fo?.id}` }],
    },
  });
  const id = at(reply.body, "data", "fulfillmentCreate", "fulfillment", "id");
  if (typeof id !== "string") throw new Error(JSON.stringify(reply.body));
  return id;
}

describe("fulfillmentCancel", () => {
  it("cancels the fulfillment, opens the items again and sends fulfillments/update (cancelled)", async () => {
    const id = await fulfil("#1001");
    await fake.whenIdle();
    delivered.length = 0;
    const reply = await run(CANCEL, { id });
    expect(at(reply.body, "data", "fulfillmentCancel")).toEqual({
      fulfillment: { id, status: "CANCELLED", displayStatus: "CANCELED" },
      userErrors: [],
    });
    const order = shop.requireOrder("#1001");
    // The closed fulfillment order stays closed; a new OPEN one holds the cancelled items (shopify.dev).
    expect(order.fulfillmentOrders.map((fo) => fo.status)).toEqual(["CLOSED", "OPEN"]);
    await fake.whenIdle();
    const update = delivered.find((d) => d.topic === "fulfillments/update");
    expect(update?.body).toMatchObject({ admin_graphql_api_id: id, order_id: order.id, status: "cancelled" });
    expect(delivered.map((d) => d.topic).sort()).toEqual(["fulfillments/update", "orders/updated"]);
  });

  it("refuses a fulfillment that is already cancelled, and one of a cancelled order", async () => {
    const id = await fulfil("#1002");
    await run(CANCEL, { id });
    const again = await run(CANCEL, { id });
    expect(at(again.body, "data", "fulfillmentCancel")).toEqual({
      fulfillment: null,
      userErrors: [{ field: ["id"], message: "Fulfillment has already been cancelled" }],
    });
    await fake.cancelOrder(DEMO_SHOP_DOMAIN, "#1002");
    const other = await fulfil("#1001");
    shop.requireOrder("#1001").cancelledAt = new Date();
    const ofCancelled = await run(CANCEL, { id: other });
    expect(at(ofCancelled.body, "data", "fulfillmentCancel", "userErrors")).toEqual([
      { field: ["id"], message: "Cannot cancel a fulfillment of a cancelled order" },
    ]);
  });

  it("answers an unknown fulfillment with a top-level error and a malformed id as Shopify does", async () => {
    const unknown = await run(CANCEL, { id: "gid://shopify/Fulfillment/999999" });
    expect(at(unknown.body, "errors", 0, "extensions", "code")).toBe("RESOURCE_NOT_FOUND");
    expect(at(unknown.body, "data", "fulfillmentCancel")).toBeNull();
    const malformed = await run(CANCEL, { id: "nope" });
    expect(at(malformed.body, "errors", 0, "message")).toMatch(/Invalid global id/i);
  });

  it("needs a fulfillment-order write scope", async () => {
    setUp("read_orders,write_orders,read_merchant_managed_fulfillment_orders");
    const reply = await run(CANCEL, { id: "gid://shopify/Fulfillment/1" });
    expect(at(reply.body, "errors", 0, "extensions", "code")).toBe("ACCESS_DENIED");
  });

  it("reports carrier tracking: in transit, then delivered", async () => {
    const id = await fulfil("#1003");
    fake.trackShipment(DEMO_SHOP_DOMAIN, id, "in_transit");
    const read = `{ node(id: "${id}") { ... on Fulfillment { displayStatus inTransitAt deliveredAt } } }`;
    expect(at((await run(read)).body, "data", "node")).toMatchObject({
      displayStatus: "IN_TRANSIT",
      deliveredAt: null,
    });
    fake.trackShipment(DEMO_SHOP_DOMAIN, id, "delivered");
    expect(at((await run(read)).body, "data", "node", "displayStatus")).toBe("DELIVERED");
  });
});
