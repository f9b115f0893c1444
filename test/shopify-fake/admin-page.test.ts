import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createShopifyFake, DEMO_SHOP_DOMAIN, type ShopifyFake } from "./index";
import { API_KEY, API_SECRET, clientFor } from "./test-helpers";

let fake: ShopifyFake;
let server: { origin: string; close(): Promise<void> };

beforeEach(async () => {
  fake = createShopifyFake({ apiKey: API_KEY, apiSecret: API_SECRET });
  fake.seedDemoShop();
  server = await fake.listen();
});

afterEach(async () => {
  await server.close();
});

function rowOf(html: string, name: string): string {
  const start = html.indexOf(`<tr data-order="${name}">`);
  return start === -1 ? "" : html.slice(start, html.indexOf("</tr>", start));
}

describe("the fake admin page", () => {
  it("lists the demo shop's orders with status, fulfillments and tracking numbers", async () => {
    const response = await fetch(`${server.origin}/admin`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("Frankier Demo – Bestellungen");
    expect(rowOf(html, "#1018")).toContain("RR123456785DE");
    expect(rowOf(html, "#1018")).toContain("Versandt");
    expect(rowOf(html, "#1017")).toContain("Storniert");
    expect(rowOf(html, "#1015")).toContain("Gewicht fehlt");
    expect(rowOf(html, "#1001")).toContain('action="/admin/orders/');
  });

  it("shows fulfillments the app created", async () => {
    const { accessToken } = fake.seedDemoShop();
    const shop = fake.shop(DEMO_SHOP_DOMAIN);
    const fo = shop.requireOrder("#1002").fulfillmentOrders[0];
    await clientFor(
      fake,
      DEMO_SHOP_DOMAIN,
      accessToken,
    )(
      `mutation { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: "gid://shopify/FulfillmentOrder/${fo?.id}" }], trackingInfo: { company: "Deutsche Post", number: "A0011223344" } }) { userErrors { message } } }`,
    );
    const html = await (await fetch(`${server.origin}/admin?shop=${DEMO_SHOP_DOMAIN}`)).text();
    expect(rowOf(html, "#1002")).toContain("#1002-F1: Deutsche Post A0011223344");
  });

  it("cancels an order with its Cancel button and delivers the webhook", async () => {
    const received: string[] = [];
    const hook = await createShopifyFakeReceiver(received);
    fake.subscribeWebhooks(DEMO_SHOP_DOMAIN, hook.url, ["orders/cancelled"]);
    const order = fake.shop(DEMO_SHOP_DOMAIN).requireOrder("#1007");
    const response = await fetch(`${server.origin}/admin/orders/${order.id}/cancel`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ shop: DEMO_SHOP_DOMAIN, reason: "CUSTOMER" }),
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/admin\?shop=frankier-demo\.myshopify\.com&notice=/);
    expect(order.cancelledAt).toBeInstanceOf(Date);
    expect(received).toEqual(["orders/cancelled"]);
    const html = await (await fetch(`${server.origin}${response.headers.get("location") ?? ""}`)).text();
    expect(html).toContain("Bestellung #1007 wurde storniert.");
    expect(rowOf(html, "#1007")).toContain("Storniert");
    await hook.close();
  });

  it("shows Shopify's refusal when an order cannot be cancelled", async () => {
    const order = fake.shop(DEMO_SHOP_DOMAIN).requireOrder("#1018");
    const response = await fetch(`${server.origin}/admin/orders/${order.id}/cancel`, {
      method: "POST",
      body: new URLSearchParams({ shop: DEMO_SHOP_DOMAIN }),
      redirect: "manual",
    });
    const html = await (await fetch(`${server.origin}${response.headers.get("location") ?? ""}`)).text();
    expect(html).toContain("Cannot cancel an order that has outstanding fulfillments");
    expect(order.cancelledAt).toBeNull();
  });

  it("cancels a fulfillment first, as Shopify requires, and then the order", async () => {
    const received: string[] = [];
    const hook = await createShopifyFakeReceiver(received);
    fake.subscribeWebhooks(DEMO_SHOP_DOMAIN, hook.url, ["orders/cancelled", "orders/updated"]);
    const shop = fake.shop(DEMO_SHOP_DOMAIN);
    const order = shop.requireOrder("#1018");
    const fulfillment = order.fulfillments[0];
    expect(rowOf(await (await fetch(`${server.origin}/admin`)).text(), "#1018")).toContain(
      `action="/admin/fulfillments/${fulfillment?.id}/cancel"`,
    );
    const post = (path: string) =>
      fetch(`${server.origin}${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ shop: DEMO_SHOP_DOMAIN, reason: "CUSTOMER" }),
        redirect: "manual",
      });

    const cancelled = await post(`/admin/fulfillments/${fulfillment?.id}/cancel`);
    expect(cancelled.status).toBe(303);
    const html = await (await fetch(`${server.origin}${cancelled.headers.get("location") ?? ""}`)).text();
    expect(html).toContain("Versand #1018-F1 wurde storniert.");
    expect(rowOf(html, "#1018")).toContain("Nicht versandt");
    expect(rowOf(html, "#1018")).not.toContain("/admin/fulfillments/");
    expect(fulfillment?.status).toBe("CANCELLED");
    // The closed fulfillment order stays closed; the cancelled items get a new open one.
    expect(order.fulfillmentOrders.map((fo) => fo.status)).toEqual(["CLOSED", "OPEN"]);
    expect(order.fulfillmentOrders[1]?.lineItems.map((l) => l.remainingQuantity)).toEqual(
      order.lineItems.map((l) => l.quantity),
    );

    const { accessToken } = fake.seedDemoShop();
    const read = await clientFor(
      fake,
      DEMO_SHOP_DOMAIN,
      accessToken,
    )(
      `{ order(id: "gid://shopify/Order/${order.id}") { displayFulfillmentStatus fulfillments { status displayStatus } fulfillmentOrders(first: 5) { nodes { status } } } }`,
    );
    expect(read.body.data).toEqual({
      order: {
        displayFulfillmentStatus: "UNFULFILLED",
        fulfillments: [{ status: "CANCELLED", displayStatus: "CANCELED" }],
        fulfillmentOrders: { nodes: [{ status: "CLOSED" }, { status: "OPEN" }] },
      },
    });

    const again = await post(`/admin/fulfillments/${fulfillment?.id}/cancel`);
    const location = (r: Response) => new URL(r.headers.get("location") ?? "", server.origin).searchParams;
    expect(location(again).get("error")).toBe("Fulfillment has already been cancelled");

    const orderCancelled = await post(`/admin/orders/${order.id}/cancel`);
    expect(location(orderCancelled).get("notice")).toBe("Bestellung #1018 wurde storniert.");
    expect(order.cancelledAt).toBeInstanceOf(Date);
    expect(order.fulfillmentOrders.map((fo) => fo.status)).toEqual(["CLOSED", "CLOSED"]);
    expect(received).toEqual(["orders/updated", "orders/cancelled", "orders/updated"]);
    await hook.close();
  });

  it("gives a partly shipped fulfillment order its quantities back", async () => {
    const { accessToken } = fake.seedDemoShop();
    const order = fake.shop(DEMO_SHOP_DOMAIN).requireOrder("#1014");
    const fo = order.fulfillmentOrders[0];
    const first = fo?.lineItems[0];
    await clientFor(
      fake,
      DEMO_SHOP_DOMAIN,
      accessToken,
    )(
      `mutation { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: "gid://shopify/FulfillmentOrder/${fo?.id}", fulfillmentOrderLineItems: [{ id: "gid://shopify/FulfillmentOrderLineItem/${first?.id}", quantity: 1 }] }] }) { userErrors { message } } }`,
    );
    expect(fo?.status).toBe("IN_PROGRESS");
    await fake.cancelFulfillment(DEMO_SHOP_DOMAIN, `gid://shopify/Fulfillment/${order.fulfillments[0]?.id}`);
    expect(fo?.status).toBe("OPEN");
    expect(fo?.lineItems.map((l) => l.remainingQuantity)).toEqual(fo?.lineItems.map((l) => l.totalQuantity));
    expect(order.fulfillmentOrders).toHaveLength(1);
    await expect(fake.cancelFulfillment(DEMO_SHOP_DOMAIN, "999")).rejects.toThrow(
      "Fulfillment does not exist",
    );
  });
});

/** The admin page is served by the fake itself; this second fake-free server only records webhook topics. */
async function createShopifyFakeReceiver(received: string[]) {
  const { createServer } = await import("node:http");
  const server = createServer((req, res) => {
    received.push(String(req.headers["x-shopify-topic"]));
    req.resume();
    req.on("end", () => res.writeHead(200).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
