import { expect, it } from "vitest";
import { refreshProductCatalog } from "~/catalog/products.server";
import { MERCHANT, useSimulator } from "../../test/support/internetmarke-sim";
import { connectPortokasse } from "~/portokasse/connection.server";
import { createShopifyFake, type OrderSpec } from "../../test/shopify-fake";
import { describeEachDatabase } from "../../test/support/databases";
import { fakeAdmin } from "../../test/support/fake-admin";
import { MAX_QUERY_COST, ORDER_COST, ORDERS_PER_QUERY } from "./orders.server";
import { previewBatch, type PreviewDeps } from "./preview.server";

const KEY = "7b".repeat(32);
const SHOP = "batch.myshopify.com";
const gram = (value: number) => ({ value, unit: "GRAMS" as const });
const card = { title: "Grußkarte", priceCents: 350, weight: gram(15) };
const notebook = { title: "Notizbuch", priceCents: 1490, weight: gram(300) };
const address = (countryCode = "DE") => ({
  firstName: "Anna",
  lastName: "Schmidt",
  address1: "Lindenstraße 5",
  zip: countryCode === "DE" ? "10969" : "75004",
  city: countryCode === "DE" ? "Berlin" : "Paris",
  countryCode,
});

/** Letters at home and to France; per hundred one cancelled (#33), one fulfilled (#66), one without address (#99). */
function batch(count: number): OrderSpec[] {
  return Array.from({ length: count }, (_, i): OrderSpec => {
    const base = {
      shippingAddress: address(i % 7 === 0 ? "FR" : "DE"),
      lineItems: [{ ...(i % 5 === 0 ? notebook : card), quantity: 1 }],
    };
    if (i % 100 === 33) return { ...base, cancelled: { reason: "CUSTOMER" } };
    if (i % 100 === 66) return { ...base, fulfilled: {} };
    if (i % 100 === 99) return { ...base, shippingAddress: null };
    return base;
  });
}

describeEachDatabase("the batch preview", (database) => {
  const env = useSimulator();
  let clock = { now: () => new Date() };
  let fake = createShopifyFake({ apiKey: "k", apiSecret: "s" });
  let deps: PreviewDeps;
  let orderIds: string[];
  /** The fake's clock: it moves only when the app sleeps (Shopify answers at once here). */
  let current = 0;

  async function setUp(orders: OrderSpec[], throttle?: { maximumAvailable: number; restoreRate: number }) {
    current = env.clock.now().getTime();
    clock = { now: () => new Date(current) };
    fake = createShopifyFake({ apiKey: "k", apiSecret: "s", now: clock.now });
    if (throttle) fake.throttle = throttle;
    const { accessToken } = fake.addShop({ shopDomain: SHOP, orders });
    orderIds = fake.shop(SHOP).orders.map((o) => `gid://shopify/Order/${o.id}`);
    const db = database().db;
    await db.shop.deleteMany({});
    await db.productCatalog.deleteMany({});
    const shop = await db.shop.create({ data: { domain: SHOP } });
    const { client } = env.client();
    await refreshProductCatalog(db, client, env.clock.now());
    await connectPortokasse(db, client, {
      shopId: shop.id,
      ...MERCHANT,
      encryptionKey: KEY,
      now: env.clock.now(),
    });
    deps = {
      admin: fakeAdmin(fake, SHOP, accessToken),
      db,
      im: client,
      encryptionKey: KEY,
      now: env.clock.now(),
      fetchOptions: {
        now: () => current,
        sleep: async (ms) => {
          current += ms;
        },
      },
    };
  }

  it(`previews 250 orders in ${Math.ceil(250 / ORDERS_PER_QUERY)} Shopify queries, each under the cost limit`, async () => {
    await setUp(batch(250), { maximumAvailable: 1_000_000, restoreRate: 1000 });
    const preview = await previewBatch(deps, { shopDomain: SHOP, orderIds });
    expect(preview.lines).toHaveLength(250);
    expect(fake.calls.length).toBe(Math.ceil(250 / ORDERS_PER_QUERY));
    expect(fake.calls.length).toBeLessThanOrEqual(Math.ceil(250 / ORDERS_PER_QUERY));
    expect(
      fake.calls.every((c) => c.operationName === "PreviewOrders" && c.requestedCost <= MAX_QUERY_COST),
    ).toBe(true);
    expect(
      preview.lines
        .filter((l) => !l.ok)
        .map((l) => (l.ok ? "" : l.error))
        .sort(),
    ).toEqual([
      ...Array<string>(2).fill("already-fulfilled"),
      ...Array<string>(3).fill("cancelled"),
      ...Array<string>(2).fill("missing-address"),
    ]);
    expect(preview.okCount).toBe(243);
  });

  it("paces its queries by Shopify's cost bucket and shrinks the last ones, so it is never throttled", async () => {
    const bucket = { maximumAvailable: 1000, restoreRate: 50 };
    await setUp(batch(250), bucket);
    const started = current;
    const preview = await previewBatch(deps, { shopDomain: SHOP, orderIds });
    expect(preview.okCount).toBe(243);
    const queries = fake.calls.filter((c) => c.operationName === "PreviewOrders");
    expect(queries.filter((c) => c.throttled)).toEqual([]);
    expect(queries.every((c) => c.requestedCost <= MAX_QUERY_COST)).toBe(true);
    // A small bucket (1000 points, 50 a second) holds the first queries; the rest must wait for what they
    // actually consume, and the last one until the bucket also holds what it asks for beyond that. Queries
    // shrink at the end, so that surplus is one order's (48 points), not a full query's (816).
    const actual = queries.reduce((sum, c) => sum + c.actualCost, 0);
    const lastSurplus = Math.min(...queries.map((c) => c.requestedCost - c.actualCost));
    const boundMs = ((actual + lastSurplus - bucket.maximumAvailable) / bucket.restoreRate) * 1000;
    expect(lastSurplus).toBeLessThanOrEqual(ORDER_COST);
    expect(boundMs).toBeGreaterThan(20_000);
    expect(current - started).toBeGreaterThanOrEqual(boundMs - 100);
    expect(current - started).toBeLessThanOrEqual(boundMs + 500);
    expect(queries.length).toBeLessThanOrEqual(40);
  });

  it("waits out THROTTLED when the bucket is emptier than it knows (another request drained it)", async () => {
    await setUp(batch(250), { maximumAvailable: 1000, restoreRate: 50 });
    await previewBatch(deps, { shopDomain: SHOP, orderIds });
    const before = fake.calls.length;
    // A new preview starts with a fresh budget that assumes a full bucket; the first query is refused.
    const again = await previewBatch(deps, { shopDomain: SHOP, orderIds });
    expect(again.okCount).toBe(243);
    const calls = fake.calls.slice(before);
    expect(calls[0]?.throttled).toBe(true);
    expect(calls.filter((c) => c.throttled).length).toBeLessThanOrEqual(2);
    expect(calls.filter((c) => !c.throttled).length).toBeGreaterThanOrEqual(Math.ceil(250 / ORDERS_PER_QUERY));
  });

  it("reads the order value in shop money and the shipping line for every order; rules compare the value", async () => {
    await setUp(batch(20), { maximumAvailable: 1_000_000, restoreRate: 1000 });
    const plain = await previewBatch(deps, { shopDomain: SHOP, orderIds });
    const plainCost = fake.calls.reduce((sum, c) => sum + c.actualCost, 0);
    expect(plain.lines.filter((l) => l.ok && /einschreiben/i.test(l.productName))).toEqual([]);

    const rules = { registeredMailRules: [{ orderValueAboveCents: 1000, service: "EINSCHREIBEN" }], packagingRules: [{ shippingMethod: "Express", packagingId: "dl" }] };
    await database().db.shop.updateMany({ where: { domain: SHOP }, data: { settings: JSON.stringify(rules) } });
    const before = fake.calls.length;
    const ruled = await previewBatch(deps, { shopDomain: SHOP, orderIds });
    const ruledCost = fake.calls.slice(before).reduce((sum, c) => sum + c.actualCost, 0);
    // Since issue 16 both are read whatever the rules (the customs form needs the value, the paid-service
    // warning the shipping line), so rules cost no extra points.
    expect(ruledCost).toBe(plainCost);
    expect(fake.calls.filter((c) => c.operationName === "PreviewOrders").length).toBeGreaterThan(1);
    // The notebooks (€14.90, every fifth order) are above €10 and go as Einschreiben; the cards (€3.50) do not.
    const registered = ruled.lines.filter((l) => l.ok && /einschreiben/i.test(l.productName));
    const frankable = ruled.lines.filter((l, i) => l.ok && i % 5 === 0);
    expect(registered.map((l) => l.orderId)).toEqual(frankable.map((l) => l.orderId));
    expect(registered.length).toBeGreaterThan(0);
  });

  it("fetches the remaining line items of a long order in a follow-up query", async () => {
    const many = Array.from({ length: 23 }, (_, i) => ({
      title: `Karte ${i}`,
      priceCents: 100,
      weight: gram(4),
      quantity: 1,
    }));
    await setUp([{ shippingAddress: address(), lineItems: many }]);
    const preview = await previewBatch(deps, { shopDomain: SHOP, orderIds });
    // 92 g of cards: the C5 envelope (10 g), the smallest default packaging that holds them (issue 13.4).
    expect(preview.lines[0]).toMatchObject({ ok: true, weightG: 23 * 4 + 10 });
    expect(fake.calls.map((c) => c.operationName)).toEqual(["PreviewOrders", "PreviewMoreLineItems"]);
  });

  it("explains every order, totals by product and checks the cost against the balance", async () => {
    await setUp(batch(12));
    const other = fake.addShop({ shopDomain: "other.myshopify.com", orders: batch(1) });
    const foreign = `gid://shopify/Order/${fake.shop(other.shopDomain).orders[0]?.id}`;
    const ids = [
      ...orderIds.slice(0, 10),
      foreign,
      "gid://shopify/Product/1",
      "not-an-id",
      orderIds[0] ?? "",
    ];
    const preview = await previewBatch(deps, { shopDomain: SHOP, orderIds: ids });
    expect(preview.lines).toHaveLength(13);
    expect(preview.lines[0]).toMatchObject({
      ok: true,
      productName: "Großbrief Intern. GK",
      priceCents: 330,
      // 300 g of goods no longer "fit" a 5 mm DL envelope: the C4 envelope, the smallest that holds them.
      weightG: 320,
      exactWeightG: 320,
      reason: "Großbrief Intern. GK: 320 g incl. 20 g packaging, EU (FR), 324 × 229 × 20 mm fits",
      flags: [],
    });
    const first = preview.lines[0];
    expect(first?.ok && first.notices.map((n) => n.code)).toEqual(["exact-weight", "packaging-chosen"]);
    expect(preview.lines[1]).toMatchObject({
      ok: true,
      productName: "Standardbrief",
      priceCents: 95,
      weightG: 20,
    });
    expect(preview.lines[5]).toMatchObject({ ok: true, productName: "Großbrief", priceCents: 180 });
    expect(preview.lines[7]).toMatchObject({
      ok: true,
      productName: "Standardbrief Intern. GK",
      priceCents: 125,
    });
    expect(preview.lines.slice(10).map((l) => (l.ok ? "ok" : l.error))).toEqual([
      "not-found",
      "invalid-id",
      "invalid-id",
    ]);
    expect(preview.totals).toEqual([
      { productCode: 1, productName: "Standardbrief", count: 7, unitPriceCents: 95, totalCents: 665 },
      {
        productCode: 10051,
        productName: "Großbrief Intern. GK",
        count: 1,
        unitPriceCents: 330,
        totalCents: 330,
      },
      { productCode: 21, productName: "Großbrief", count: 1, unitPriceCents: 180, totalCents: 180 },
      {
        productCode: 10001,
        productName: "Standardbrief Intern. GK",
        count: 1,
        unitPriceCents: 125,
        totalCents: 125,
      },
    ]);
    expect(preview.balance).toMatchObject({
      balanceCents: 10_000,
      totalCents: 1300,
      sufficient: true,
      missingCents: 0,
    });

    await database().db.portokasseAccount.updateMany({
      data: { balanceCents: 1000, balanceCheckedAt: deps.now },
    });
    const short = await previewBatch(deps, { shopDomain: SHOP, orderIds: ids });
    expect(short.balance).toMatchObject({
      balanceCents: 1000,
      totalCents: 1300,
      sufficient: false,
      missingCents: 300,
    });
  });
});
