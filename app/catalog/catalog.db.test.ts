import { beforeEach, expect, it } from "vitest";
import { countRequests, useSimulator } from "../../test/support/internetmarke-sim";
import type { FetchLike } from "~/internetmarke";
import { PRODUCTS_BASE_PATH } from "../../test/simulators/internetmarke";
import { describeEachDatabase } from "../../test/support/databases";
import { loadPortokasseCatalog, refreshPortokasseCatalog } from "./portokasse-catalog.server";
import {
  loadProductCatalog,
  MAX_CATALOG_AGE_MS,
  productCatalogForUse,
  refreshProductCatalog,
  RETRY_AFTER_FAILURE_MS,
} from "./products.server";

const HOUR = 60 * 60 * 1000;
const productsRequests = (env: ReturnType<typeof useSimulator>): number =>
  env.sim.requests.filter((r) => r.path === `${PRODUCTS_BASE_PATH}/products`).length;

/** A fetch that passes everything to the simulator but raises three letter prices: a new price list. */
function withNewPrices(raise: Record<string, number>): FetchLike {
  return async (url, init) => {
    const response = await fetch(url, init);
    if (!new URL(url).pathname.endsWith("/products")) return response;
    const body: { shortSalesProducts: Array<{ extProductid: string; grossprice: number }> } = JSON.parse(
      await response.text(),
    );
    for (const product of body.shortSalesProducts) {
      const price = raise[product.extProductid];
      if (price !== undefined) product.grossprice = price;
    }
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  };
}

describeEachDatabase("the price list cache", (database) => {
  const env = useSimulator();
  beforeEach(async () => {
    await database().db.productCatalog.deleteMany({});
  });

  it("stores the Products API's list with the date it was fetched", async () => {
    const { client } = env.client();
    const now = env.clock.now();
    const outcome = await refreshProductCatalog(database().db, client, now);
    expect(outcome.ok).toBe(true);
    const stored = await loadProductCatalog(database().db);
    expect(stored.products).toHaveLength(49);
    expect(stored.products.find((p) => p.productCode === 1)).toMatchObject({
      name: "Standardbrief",
      priceCents: 95,
    });
    expect(stored.fetchedAt).toEqual(now);
    expect(stored.priceListChange).toBeNull();
  });

  it("keeps the last good copy when the API fails and records the failure", async () => {
    const { client } = env.client();
    const first = env.clock.now();
    await refreshProductCatalog(database().db, client, first);
    env.clock.advance(25 * HOUR);
    env.sim.faults.failNext(3, { path: `${PRODUCTS_BASE_PATH}/products`, status: 503 });
    const outcome = await refreshProductCatalog(database().db, client, env.clock.now());
    expect(outcome.ok).toBe(false);
    const stored = await loadProductCatalog(database().db);
    expect(stored.products).toHaveLength(49);
    expect(stored.fetchedAt).toEqual(first);
    expect(stored.lastFailure).toMatchObject({
      at: env.clock.now(),
      message: expect.stringContaining("server_error"),
    });
  });

  it("notices a new price list: codes or prices that differ from the previous snapshot", async () => {
    await refreshProductCatalog(database().db, env.client().client, env.clock.now());
    env.clock.advance(25 * HOUR);
    const changedAt = env.clock.now();
    const { client } = env.client({ fetch: withNewPrices({ "1": 1.0, "11": 1.2, "21": 1.9 }) });
    await refreshProductCatalog(database().db, client, changedAt);
    const stored = await loadProductCatalog(database().db);
    expect(stored.priceListChange?.since).toEqual(changedAt);
    expect(stored.priceListChange?.changes.pricesChanged).toEqual([
      { productCode: 1, name: "Standardbrief", fromCents: 95, toCents: 100 },
      { productCode: 11, name: "Kompaktbrief", fromCents: 110, toCents: 120 },
      { productCode: 21, name: "Großbrief", fromCents: 180, toCents: 190 },
    ]);
    // The same list again is no new price list: the date of the change stays.
    env.clock.advance(25 * HOUR);
    await refreshProductCatalog(database().db, client, env.clock.now());
    expect((await loadProductCatalog(database().db)).priceListChange?.since).toEqual(changedAt);
  });

  it("refreshes on use only when older than a day, and waits after a failure", async () => {
    const { client } = env.client();
    const db = database().db;
    await productCatalogForUse(db, client, env.clock.now());
    expect(productsRequests(env)).toBe(1);
    env.clock.advance(MAX_CATALOG_AGE_MS - HOUR);
    await productCatalogForUse(db, client, env.clock.now());
    expect(productsRequests(env)).toBe(1);
    env.clock.advance(2 * HOUR);
    env.sim.faults.failNext(3, { path: `${PRODUCTS_BASE_PATH}/products` });
    const stale = await productCatalogForUse(db, client, env.clock.now());
    expect(stale.products).toHaveLength(49);
    expect(productsRequests(env)).toBe(4);
    await productCatalogForUse(db, client, env.clock.now());
    expect(productsRequests(env)).toBe(4);
    env.clock.advance(RETRY_AFTER_FAILURE_MS);
    const fresh = await productCatalogForUse(db, client, env.clock.now());
    expect(productsRequests(env)).toBe(5);
    expect(fresh.lastFailure).toBeNull();
  });
});

describeEachDatabase("the Portokasse catalog cache", (database) => {
  const env = useSimulator();
  let shopId: string;
  beforeEach(async () => {
    await database().db.shop.deleteMany({});
    shopId = (await database().db.shop.create({ data: { domain: "catalog.myshopify.com" } })).id;
  });

  it("stores page formats, motifs and contract products per shop and keeps them when a refresh fails", async () => {
    env.sim.reset();
    env.sim.addApp({ clientId: "frankiermeister-app", clientSecret: "sim-app-secret-4711" });
    env.addMerchant({ contractProducts: [1, 1002] });
    const kasse = env
      .client()
      .client.portokasse({ username: "versand@shop.example", password: "Portokasse-123" });
    const db = database().db;
    const first = await refreshPortokasseCatalog(db, shopId, kasse, env.clock.now());
    expect(first.ok).toBe(true);
    // Only the spec's enum: the simulator refuses PRIVATE as a live service enforcing spec 1.30 would.
    const asked = env.sim.requests.filter((r) => r.path.endsWith("/app/catalog"));
    expect(asked).toHaveLength(1);
    expect(first.state.pageFormats.length).toBeGreaterThan(100);
    expect(first.state.pageFormats.find((f) => f.id === 1)).toMatchObject({
      name: "DIN A4 Normalpapier",
      isAddressPossible: true,
    });
    expect(first.state.publicMotifs.length).toBeGreaterThan(0);
    expect(first.state.contractProducts).toEqual([
      { productCode: 1, priceCents: 95 },
      { productCode: 1002, priceCents: 330 },
    ]);
    env.clock.advance(HOUR);
    env.sim.faults.failNext(3, { path: "/app/catalog" });
    const failed = await refreshPortokasseCatalog(db, shopId, kasse, env.clock.now());
    expect(failed.ok).toBe(false);
    const kept = await loadPortokasseCatalog(db, shopId);
    expect(kept.pageFormats).toHaveLength(first.state.pageFormats.length);
    expect(kept.lastFailure?.message).toContain("server_error");
    expect(countRequests(env.sim, "GET", "/app/catalog")).toBe(4);
  });
});
