import { expect, it } from "vitest";
import { loadProductCatalog, productCatalogForUse } from "~/catalog/products.server";
import { confirmNewPrices, parsePriceChange } from "~/franking/reprice.server";
import { countRequests } from "../support/internetmarke-sim";
import { describeEachDatabase } from "../support/databases";
import { settle, useFranking } from "./harness";

/** 31 December 2026, 23:00 in Berlin; the new prices take effect at midnight Berlin time. */
const NEW_YEARS_EVE = new Date("2026-12-31T22:00:00Z");
const NEW_YEAR = new Date("2026-12-31T23:00:00Z");

describeEachDatabase("a batch confirmed on 31 December and bought on 1 January", (database) => {
  const env = useFranking(database);
  const batch = (id: string) => env.db().frankingBatch.findUniqueOrThrow({ where: { id } });

  async function confirmOnNewYearsEve(newStandardbrief: number) {
    env.clock.advance(NEW_YEARS_EVE.getTime() - env.clock.now().getTime());
    env.sim.schedulePriceList({ validFrom: NEW_YEAR, prices: { 1: newStandardbrief } });
    await env.db().productCatalog.deleteMany({});
    // The merchant's preview on 31 December read the old list.
    const list = await productCatalogForUse(env.db(), env.client().client, env.clock.now());
    expect(list.products.find((p) => p.productCode === 1)?.priceCents).toBe(95);
    const batchId = await env.create(env.orders(3));
    env.clock.advance(NEW_YEAR.getTime() - env.clock.now().getTime() + 8 * 3_600_000);
    return batchId;
  }

  it("dearer: re-priced before buying, waits for the merchant with old and new side by side, then bought at the new prices", async () => {
    const batchId = await confirmOnNewYearsEve(110);
    await env.worker().workOnce();
    const waiting = await batch(batchId);
    expect(waiting).toMatchObject({
      status: "AWAITING_PRICE_CONFIRMATION",
      totalCents: 330,
      confirmedTotalCents: 285,
    });
    expect(parsePriceChange(waiting.priceChange)).toMatchObject({
      oldTotalCents: 285,
      newTotalCents: 330,
      lines: [
        { productName: "Standardbrief", oldCents: 95, newCents: 110 },
        { productName: "Standardbrief", oldCents: 95, newCents: 110 },
        { productName: "Standardbrief", oldCents: 95, newCents: 110 },
      ],
    });
    expect(countRequests(env.sim, "POST", "/app/shoppingcart/pdf")).toBe(0);
    // The catalog refresh picked up the new list at the turn of the year (it was only hours old).
    expect((await loadProductCatalog(env.db())).products.find((p) => p.productCode === 1)?.priceCents).toBe(
      110,
    );
    // Still waiting however often the worker looks.
    env.clock.advance(60 * 60_000);
    await env.worker().workOnce();
    expect((await batch(batchId)).status).toBe("AWAITING_PRICE_CONFIRMATION");

    expect(await confirmNewPrices(env.db(), { shopId: env.shop.id, batchId })).toBe(true);
    expect(await settle(env, batchId)).toBe("DONE");
    const vouchers = await env.db().voucher.findMany({ where: { batchId } });
    expect(vouchers.map((v) => v.priceCents)).toEqual([110, 110, 110]);
    expect(countRequests(env.sim, "POST", "/app/shoppingcart/pdf")).toBe(1);
    await env.expectMoneyMatches();
  });

  it("cheaper: re-priced and bought without waiting", async () => {
    const batchId = await confirmOnNewYearsEve(90);
    expect(await settle(env, batchId)).toBe("DONE");
    expect(await batch(batchId)).toMatchObject({ totalCents: 270, confirmedTotalCents: 285 });
    const vouchers = await env.db().voucher.findMany({ where: { batchId } });
    expect(vouchers.map((v) => v.priceCents)).toEqual([90, 90, 90]);
    await env.expectMoneyMatches();
  });

  it("another shop cannot confirm the batch", async () => {
    const batchId = await confirmOnNewYearsEve(110);
    await env.worker().workOnce();
    expect(await confirmNewPrices(env.db(), { shopId: "another-shop", batchId })).toBe(false);
    expect((await batch(batchId)).status).toBe("AWAITING_PRICE_CONFIRMATION");
  });
});
