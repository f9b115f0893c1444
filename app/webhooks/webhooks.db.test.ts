import { beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/support/databases";
import { customerDataRequested, customerRedacted, shopRedacted } from "./compliance.server";
import type { FetchedOrder } from "~/preview/orders.server";
import { previewRead, rememberPreviewReads } from "~/preview/read-cache.server";
import { dispatchWebhook } from "./dispatch.server";
import { appUninstalled, orderCancelled, scopesUpdated } from "./handlers.server";

const SHOP = "frankier-demo.myshopify.com";
const OTHER = "other-shop.myshopify.com";
let counter = 0;
const delivery = (topic: string, payload: unknown, shop = SHOP) => ({
  shop,
  topic,
  webhookId: `wh-${++counter}`,
  eventId: `ev-${counter}`,
  payload,
});
const cancelled = (id: number, customerId: number | null, shop = SHOP) =>
  delivery(
    "orders/cancelled",
    {
      id,
      admin_graphql_api_id: `gid://shopify/Order/${id}`,
      name: `#${id}`,
      customer: customerId ? { id: customerId } : null,
    },
    shop,
  );

describeEachDatabase("webhook handlers", (database) => {
  beforeEach(async () => {
    const { db } = database();
    await db.complianceRequest.deleteMany({});
    await db.session.deleteMany({});
    await db.shop.deleteMany({});
    for (const shop of [SHOP, OTHER]) {
      await db.shop.create({ data: { domain: shop } });
      await db.session.create({
        data: { id: `offline_${shop}`, shop, state: "", accessToken: "t", scope: "read_orders" },
      });
    }
  });

  it("app/uninstalled removes only that shop's sessions and marks it uninstalled", async () => {
    const { db } = database();
    await appUninstalled(db, delivery("app/uninstalled", {}));
    expect(await db.session.findMany({ select: { shop: true } })).toEqual([{ shop: OTHER }]);
    expect((await db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).uninstalledAt).not.toBeNull();
    expect((await db.shop.findUniqueOrThrow({ where: { domain: OTHER } })).uninstalledAt).toBeNull();
  });

  it("app/scopes_update stores the granted scopes", async () => {
    const { db } = database();
    await scopesUpdated(
      db,
      delivery("app/scopes_update", { previous: ["read_orders"], current: ["read_orders", "write_orders"] }),
    );
    expect((await db.session.findUniqueOrThrow({ where: { id: `offline_${SHOP}` } })).scope).toBe(
      "read_orders,write_orders",
    );
    expect((await db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).scopes).toBe(
      "read_orders,write_orders",
    );
    expect((await db.session.findUniqueOrThrow({ where: { id: `offline_${OTHER}` } })).scope).toBe(
      "read_orders",
    );
  });

  it("orders/cancelled is recorded once per event id, per shop", async () => {
    const { db } = database();
    const first = cancelled(1001, 7);
    expect(await orderCancelled(db, first)).toBe(true);
    expect(await orderCancelled(db, { ...first, webhookId: "retry" })).toBe(false);
    expect(await orderCancelled(db, { ...first, shop: OTHER })).toBe(true);
    expect(await db.webhookEvent.count()).toBe(2);
  });

  it("customers/data_request reports what is held about that customer only", async () => {
    const { db } = database();
    await orderCancelled(db, cancelled(2001, 42));
    await orderCancelled(db, cancelled(2002, 43));
    const report = await customerDataRequested(
      db,
      delivery("customers/data_request", { customer: { id: 42, email: "a@b.de" }, orders_requested: [2001] }),
    );
    expect(report.held["webhook events"]).toHaveLength(1);
    expect(JSON.stringify(report)).toContain("gid://shopify/Order/2001");
    expect(JSON.stringify(report)).not.toContain("2002");
    expect(await db.complianceRequest.count({ where: { shopDomain: SHOP, customerId: "42" } })).toBe(1);
  });

  it("customers/redact erases the customer's personal data and nothing else", async () => {
    const { db } = database();
    await orderCancelled(db, cancelled(3001, 42));
    await orderCancelled(db, cancelled(3002, 43));
    const erased = await customerRedacted(
      db,
      delivery("customers/redact", { customer: { id: 42 }, orders_to_redact: [3001] }),
    );
    expect(erased["webhook events"]).toBe(1);
    const payloads = (await db.webhookEvent.findMany()).map(
      (e) => JSON.parse(e.payload) as Record<string, unknown>,
    );
    expect(payloads.find((p) => p.orderId === "gid://shopify/Order/3001")).toMatchObject({
      customerId: null,
      redacted: true,
    });
    expect(payloads.find((p) => p.orderId === "gid://shopify/Order/3002")).toMatchObject({
      customerId: "43",
    });
  });

  it("customers/redact makes this process forget the preview's reads of the customer's orders (ADR 021)", async () => {
    const { db } = database();
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SHOP } });
    const order = (id: number) => ({ id: `gid://shopify/Order/${id}`, name: `#${id}`, updatedAt: "2026-12-02T10:00:00Z" });
    const fields = { shippingLine: true, orderValue: true };
    rememberPreviewReads(shop.id, [order(5001), order(5002)] as unknown as FetchedOrder[], fields);
    const erased = await customerRedacted(
      db,
      delivery("customers/redact", { customer: { id: 42 }, orders_to_redact: [5001] }),
    );
    expect(erased["preview reads in memory"]).toBe(1);
    expect(previewRead(shop.id, "gid://shopify/Order/5001", fields)).toBeNull();
    expect(previewRead(shop.id, "gid://shopify/Order/5002", fields)?.name).toBe("#5002");
  });

  it("shop/redact deletes all of the shop's data and keeps other shops'", async () => {
    const { db } = database();
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SHOP } });
    await db.portokasseAccount.create({
      data: { shopId: shop.id, username: "u", passwordCiphertext: "v1:a:b:c" },
    });
    await orderCancelled(db, cancelled(4001, 42));
    await orderCancelled(db, cancelled(4002, 42, OTHER));
    await shopRedacted(db, delivery("shop/redact", { shop_domain: SHOP }));
    expect(await db.shop.findUnique({ where: { domain: SHOP } })).toBeNull();
    expect(await db.portokasseAccount.count()).toBe(0);
    expect(await db.session.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db.webhookEvent.count()).toBe(1);
    expect(await db.shop.count({ where: { domain: OTHER } })).toBe(1);
  });

  it("dispatches header-style and enum-style topic names alike, and ignores unknown topics", async () => {
    const { db } = database();
    expect(await dispatchWebhook(db, delivery("APP_UNINSTALLED", {}))).toBe(true);
    expect(await db.session.count({ where: { shop: SHOP } })).toBe(0);
    expect(await dispatchWebhook(db, delivery("products/create", {}))).toBe(false);
  });
});
