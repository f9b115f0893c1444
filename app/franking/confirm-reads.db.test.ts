/**
 * The confirm after a preview (ADR 021), through the real database, the Deutsche Post simulator and the
 * Shopify fake: it asks Shopify once for every order's `updatedAt`, reads in full only the orders changed
 * since the preview, and refuses (buying nothing) when the orders now cost another total than the
 * merchant saw.
 */
import { beforeEach, expect, it } from "vitest";
import { confirmOrders, type ConfirmRequest } from "~/franking/confirm.server";
import { previewBatch, type PreviewDeps } from "~/preview/preview.server";
import { clearPreviewReads } from "~/preview/read-cache.server";
import type { AdminGraphql } from "~/shopify/graphql.server";
import { DEMO_SHOP_DOMAIN, type ShopifyFake } from "../../test/shopify-fake";
import { describeEachDatabase } from "../../test/support/databases";
import { seedPreviewShop } from "../../test/support/preview-shop";
import { useSimulator } from "../../test/support/internetmarke-sim";

const KEY = "7c".repeat(32);

describeEachDatabase("the confirm after a preview", (database) => {
  const env = useSimulator();
  let fake: ShopifyFake;
  let deps: PreviewDeps;
  let shopId = "";
  /** Every Admin API request the app sent: operation and the order ids it named. */
  let sent: Array<{ operation: string; ids: string[] }> = [];

  beforeEach(async () => {
    clearPreviewReads();
    const db = database().db;
    const seeded = await seedPreviewShop(db, env, {
      settings: { voucherLayout: "FRANKING_ZONE" },
      encryptionKey: KEY,
    });
    ({ fake, shopId } = seeded);
    const { admin, client } = seeded;
    const recording: AdminGraphql = {
      graphql(query, options) {
        const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? "(anonymous)";
        const variables = (options?.variables ?? {}) as { ids?: unknown; id?: unknown };
        const ids = Array.isArray(variables.ids)
          ? variables.ids.map(String)
          : typeof variables.id === "string"
            ? [variables.id]
            : [];
        sent.push({ operation, ids });
        return admin.graphql(query, options);
      },
    };
    deps = { admin: recording, db, im: client, encryptionKey: KEY, now: env.clock.now() };
    sent = [];
  });

  const state = () => fake.shop(DEMO_SHOP_DOMAIN);
  const gidOf = (name: string) => `gid://shopify/Order/${state().requireOrder(name).id}`;
  const NAMES = ["#1001", "#1002", "#1003", "#1004", "#1005", "#1006"];
  const request = (extra: Partial<ConfirmRequest> = {}): ConfirmRequest => ({
    shopId,
    orderIds: NAMES.map(gidOf),
    labelFormat: "PNG",
    startPosition: 1,
    ...extra,
  });

  /** The merchant changes the order in Shopify: it now goes abroad (another product and price). */
  function sendAbroad(name: string) {
    const order = state().requireOrder(name);
    const address = order.shippingAddress;
    if (!address) throw new Error(`${name} has no address`);
    env.clock.advance(5_000);
    order.shippingAddress = {
      ...address,
      address1: "12 Rue de Rivoli",
      zip: "75004",
      city: "Paris",
      country: "France",
      countryCode: "FR",
    };
    order.updatedAt = env.clock.now();
  }

  async function preview() {
    const seen = await previewBatch(deps, { shopDomain: DEMO_SHOP_DOMAIN, orderIds: NAMES.map(gidOf) });
    expect(seen.okCount).toBe(NAMES.length);
    sent = [];
    return seen;
  }

  it("reads in full only the orders changed since the preview, after one updatedAt query for all", async () => {
    const seen = await preview();
    env.clock.advance(5_000);
    const tagged = gidOf("#1003");
    // The merchant tags one order in Shopify (its updatedAt moves) and sends another one abroad.
    await deps.admin.graphql(
      `mutation Tag($id: ID!) { tagsAdd(id: $id, tags: ["eilig"]) { userErrors { message } } }`,
      {
        variables: { id: tagged },
      },
    );
    sendAbroad("#1005");
    sent = [];

    const confirmed = await confirmOrders(deps, request());
    if (!confirmed.ok) throw new Error(confirmed.problem);
    expect(sent.map((s) => s.operation)).toEqual(["ConfirmOrdersUpdatedAt", "PreviewOrders"]);
    expect(sent[0]?.ids.sort()).toEqual(NAMES.map(gidOf).sort());
    expect(sent[1]?.ids.sort()).toEqual([tagged, gidOf("#1005")].sort());
    // The changed order is priced as it is now, the others as the preview saw them.
    const now = new Map(confirmed.orders.map((o) => [o.orderName, o.priceCents]));
    const before = new Map(seen.lines.flatMap((l) => (l.ok ? [[l.orderName, l.priceCents] as const] : [])));
    expect(now.get("#1005")).not.toBe(before.get("#1005"));
    for (const name of NAMES.filter((n) => n !== "#1005")) expect(now.get(name), name).toBe(before.get(name));
  });

  it("reads nothing again when nothing changed, and every order when this process holds no preview", async () => {
    await preview();
    const confirmed = await confirmOrders(deps, request());
    expect(confirmed.ok).toBe(true);
    expect(sent.map((s) => s.operation)).toEqual(["ConfirmOrdersUpdatedAt"]);

    clearPreviewReads(); // the confirm landed on another app process
    sent = [];
    const elsewhere = await confirmOrders(deps, request());
    expect(elsewhere.ok).toBe(true);
    expect(sent.map((s) => s.operation)).toEqual(["PreviewOrders"]);
    expect(sent[0]?.ids).toHaveLength(NAMES.length);
  });

  it("keeps the fulfillment orders the preview saw for the write-back", async () => {
    await preview();
    const confirmed = await confirmOrders(deps, request());
    if (!confirmed.ok) throw new Error(confirmed.problem);
    for (const order of confirmed.orders) {
      const open = state()
        .requireOrder(order.orderId)
        .fulfillmentOrders.filter((fo) => fo.status === "OPEN")
        .map((fo) => `gid://shopify/FulfillmentOrder/${fo.id}`);
      expect(order.fulfillmentOrderIds, order.orderName).toEqual([open]);
    }
  });

  it("refuses, buying nothing, when the orders cost another total than the merchant saw", async () => {
    const seen = await preview();
    sendAbroad("#1002");
    const refused = await confirmOrders(deps, request({ expectedTotalCents: seen.balance.totalCents }));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problem).toBe("prices_changed");
    expect(refused.priceDifference?.expectedTotalCents).toBe(seen.balance.totalCents);
    expect(refused.priceDifference?.totalCents).toBeGreaterThan(seen.balance.totalCents);
    expect(await database().db.frankingBatch.count()).toBe(0);

    // The merchant looks at the new preview and confirms its total: bought at what they saw.
    const again = await preview();
    const confirmed = await confirmOrders(deps, request({ expectedTotalCents: again.balance.totalCents }));
    if (!confirmed.ok) throw new Error(confirmed.problem);
    expect(confirmed.orders.reduce((sum, o) => sum + o.priceCents, 0)).toBe(again.balance.totalCents);
  });
});
