import { beforeEach, describe, expect, it } from "vitest";
import { createShopifyFake, DEMO_SHOP_DOMAIN, type FakeShopState, type ShopifyFake } from "./index";
import { API_KEY, API_SECRET, at, clientFor, type GraphQLReply } from "./test-helpers";

const FULFILL = `mutation Frank($fulfillment: FulfillmentInput!, $message: String) {
  fulfillmentCreate(fulfillment: $fulfillment, message: $message) {
    fulfillment { id name status displayStatus createdAt trackingInfo(first: 5) { company number url }
      fulfillmentLineItems(first: 10) { nodes { quantity lineItem { sku } } } }
    userErrors { field message }
  }
}`;

let fake: ShopifyFake;
let shop: FakeShopState;
let run: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLReply>;

beforeEach(() => {
  fake = createShopifyFake({ apiKey: API_KEY, apiSecret: API_SECRET });
  const { shopDomain, accessToken } = fake.seedDemoShop();
  shop = fake.shop(shopDomain);
  run = clientFor(fake, shopDomain, accessToken);
});

const foGid = (name: string, index = 0) =>
  `gid://shopify/FulfillmentOrder/${shop.requireOrder(name).fulfillmentOrders[index]?.id}`;
const foLineGid = (name: string, sku: string) => {
  const order = shop.requireOrder(name);
  const line = order.lineItems.find((l) => l.sku === sku);
  const foLine = order.fulfillmentOrders[0]?.lineItems.find((l) => l.lineItemId === line?.id);
  return `gid://shopify/FulfillmentOrderLineItem/${foLine?.id}`;
};

describe("fulfillmentCreate", () => {
  it("fulfils a whole fulfillment order with tracking and closes it", async () => {
    const reply = await run(FULFILL, {
      fulfillment: {
        lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: foGid("#1003") }],
        trackingInfo: {
          company: "Deutsche Post",
          number: "RR987654321DE",
          url: "https://www.deutschepost.de/sendung/RR987654321DE",
        },
        notifyCustomer: true,
      },
      message: "Frankiert mit INTERNETMARKE",
    });
    expect(at(reply.body, "data", "fulfillmentCreate")).toMatchObject({
      fulfillment: {
        name: "#1003-F1",
        status: "SUCCESS",
        displayStatus: "FULFILLED",
        trackingInfo: [
          {
            company: "Deutsche Post",
            number: "RR987654321DE",
            url: "https://www.deutschepost.de/sendung/RR987654321DE",
          },
        ],
        fulfillmentLineItems: { nodes: [{ quantity: 1, lineItem: { sku: "NB-A5-DOT" } }] },
      },
      userErrors: [],
    });
    const order = shop.requireOrder("#1003");
    expect(order.fulfillmentOrders[0]?.status).toBe("CLOSED");
    expect(order.fulfillments[0]).toMatchObject({
      notifyCustomer: true,
      message: "Frankiert mit INTERNETMARKE",
    });
    const read = await run(`{ order(id: "gid://shopify/Order/${order.id}") { displayFulfillmentStatus
      fulfillments { status trackingInfo { number } }
      fulfillmentOrders(first: 1) { nodes { status supportedActions { action } lineItems(first: 1) { nodes { remainingQuantity totalQuantity } } } } } }`);
    expect(at(read.body, "data", "order")).toEqual({
      displayFulfillmentStatus: "FULFILLED",
      fulfillments: [{ status: "SUCCESS", trackingInfo: [{ number: "RR987654321DE" }] }],
      fulfillmentOrders: {
        nodes: [
          {
            status: "CLOSED",
            supportedActions: [],
            lineItems: { nodes: [{ remainingQuantity: 0, totalQuantity: 1 }] },
          },
        ],
      },
    });
  });

  it("fulfils part of an order: fulfillment order IN_PROGRESS, order PARTIALLY_FULFILLED", async () => {
    const reply = await run(FULFILL, {
      fulfillment: {
        lineItemsByFulfillmentOrder: [
          {
            fulfillmentOrderId: foGid("#1014"),
            fulfillmentOrderLineItems: [{ id: foLineGid("#1014", "KS-BUCHE"), quantity: 1 }],
          },
        ],
        trackingInfo: { numbers: ["A0001", "A0002"], company: "Deutsche Post" },
      },
    });
    expect(at(reply.body, "data", "fulfillmentCreate", "fulfillment", "trackingInfo")).toEqual([
      { company: "Deutsche Post", number: "A0001", url: null },
      { company: "Deutsche Post", number: "A0002", url: null },
    ]);
    const order = shop.requireOrder("#1014");
    expect(order.fulfillmentOrders[0]?.status).toBe("IN_PROGRESS");
    const read = await run(`{ order(id: "gid://shopify/Order/${order.id}") { displayFulfillmentStatus } }`);
    expect(at(read.body, "data", "order", "displayFulfillmentStatus")).toBe("PARTIALLY_FULFILLED");
  });

  it("refuses a fulfillment order that is already fulfilled (closed)", async () => {
    const reply = await run(FULFILL, {
      fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: foGid("#1018") }] },
    });
    const id = shop.requireOrder("#1018").fulfillmentOrders[0]?.id;
    expect(at(reply.body, "data", "fulfillmentCreate")).toEqual({
      fulfillment: null,
      userErrors: [
        { field: ["fulfillment"], message: `Fulfillment order ${id} has an unfulfillable status= closed.` },
      ],
    });
  });

  it("refuses the fulfillment order of a cancelled order (cancelling closed it)", async () => {
    const reply = await run(FULFILL, {
      fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: foGid("#1017") }] },
    });
    expect(at(reply.body, "data", "fulfillmentCreate", "userErrors", 0, "message")).toMatch(
      /has an unfulfillable status= closed\.$/,
    );
    expect(shop.requireOrder("#1017").fulfillments).toHaveLength(0);
  });

  it("answers an unknown fulfillment order id with a top-level RESOURCE_NOT_FOUND", async () => {
    const reply = await run(FULFILL, {
      fulfillment: {
        lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: "gid://shopify/FulfillmentOrder/1" }],
      },
    });
    expect(reply.body.errors).toEqual([
      {
        message: "invalid id",
        locations: [{ line: 2, column: 3 }],
        extensions: { code: "RESOURCE_NOT_FOUND" },
        path: ["fulfillmentCreate"],
      },
    ]);
    expect(at(reply.body, "data", "fulfillmentCreate")).toBeNull();
  });

  it("refuses a quantity larger than what remains, and changes nothing", async () => {
    const reply = await run(FULFILL, {
      fulfillment: {
        lineItemsByFulfillmentOrder: [
          {
            fulfillmentOrderId: foGid("#1014"),
            fulfillmentOrderLineItems: [{ id: foLineGid("#1014", "GK-BER-01"), quantity: 4 }],
          },
        ],
      },
    });
    expect(at(reply.body, "data", "fulfillmentCreate")).toEqual({
      fulfillment: null,
      userErrors: [
        { field: ["fulfillment"], message: "Invalid fulfillment order line item quantity requested." },
      ],
    });
    expect(shop.requireOrder("#1014").fulfillmentOrders[0]?.status).toBe("OPEN");
  });

  it("prices the mutation at 10 plus the connections in its payload, and records the call", async () => {
    const reply = await run(FULFILL, {
      fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: foGid("#1001") }] },
    });
    expect(at(reply.body, "extensions", "cost")).toMatchObject({
      requestedQueryCost: 32,
      actualQueryCost: 14,
    });
    expect(fake.calls.at(-1)).toMatchObject({
      shopDomain: DEMO_SHOP_DOMAIN,
      operationName: "Frank",
      requestedCost: 32,
      actualCost: 14,
      throttled: false,
    });
  });
});

describe("orderCancel", () => {
  const CANCEL = `mutation Cancel($orderId: ID!, $reason: OrderCancelReason!, $restock: Boolean!) {
    orderCancel(orderId: $orderId, reason: $reason, restock: $restock, notifyCustomer: false) {
      job { id done } orderCancelUserErrors { field message code } userErrors { field message }
    }
  }`;

  it("answers with a job that is not done yet and cancels the order", async () => {
    const order = shop.requireOrder("#1002");
    const reply = await run(CANCEL, {
      orderId: `gid://shopify/Order/${order.id}`,
      reason: "CUSTOMER",
      restock: true,
    });
    expect(at(reply.body, "data", "orderCancel")).toMatchObject({
      job: { id: expect.stringMatching(/^gid:\/\/shopify\/Job\/[0-9a-f-]{36}$/), done: false },
      orderCancelUserErrors: [],
      userErrors: [],
    });
    expect(order).toMatchObject({ cancelReason: "CUSTOMER", closed: false });
    expect(order.fulfillmentOrders[0]?.status).toBe("CLOSED");
    const job = await run(
      `{ job(id: "${String(at(reply.body, "data", "orderCancel", "job", "id"))}") { done } }`,
    );
    expect(at(job.body, "data", "job", "done")).toBe(true);
  });

  it("refuses orders already cancelled or with fulfillments", async () => {
    const cancelled = await run(CANCEL, {
      orderId: `gid://shopify/Order/${shop.requireOrder("#1017").id}`,
      reason: "OTHER",
      restock: false,
    });
    expect(at(cancelled.body, "data", "orderCancel")).toEqual({
      job: null,
      orderCancelUserErrors: [
        {
          field: ["orderId"],
          message: "Cannot cancel an order that has already been canceled",
          code: "INVALID",
        },
      ],
      userErrors: [{ field: ["orderId"], message: "Cannot cancel an order that has already been canceled" }],
    });
    const fulfilled = await run(CANCEL, {
      orderId: `gid://shopify/Order/${shop.requireOrder("#1018").id}`,
      reason: "OTHER",
      restock: false,
    });
    expect(at(fulfilled.body, "data", "orderCancel", "userErrors", 0, "message")).toBe(
      "Cannot cancel an order that has outstanding fulfillments",
    );
  });
});
