import { describe, expect, it } from "vitest";
import type { Product } from "~/internetmarke";
import { diffPriceLists, toMappingCatalog } from "./price-list";

const product = (productCode: number, priceCents: number, name = `P${productCode}`): Product => ({
  productCode,
  name,
  destination: "national",
  priceCents,
  maxWeightGrams: 20,
});

describe("diffPriceLists", () => {
  it("is null for the same codes, prices and names in any order", () => {
    expect(diffPriceLists([product(1, 95), product(11, 110)], [product(11, 110), product(1, 95)])).toBeNull();
  });

  it("lists changed prices, added, removed and renamed products", () => {
    const changes = diffPriceLists(
      [product(1, 95), product(11, 110), product(21, 180, "Großbrief")],
      [product(1, 100), product(21, 180, "Großbrief neu"), product(31, 290)],
    );
    expect(changes).toEqual({
      pricesChanged: [{ productCode: 1, name: "P1", fromCents: 95, toCents: 100 }],
      added: [{ productCode: 31, name: "P31" }],
      removed: [{ productCode: 11, name: "P11" }],
      renamed: [{ productCode: 21, from: "Großbrief", to: "Großbrief neu" }],
    });
  });
});

describe("toMappingCatalog", () => {
  it("applies contract prices and leaves out products without a known destination", () => {
    const catalog = toMappingCatalog(
      [
        product(1, 95),
        { ...product(2, 50), destination: "unknown" },
        { ...product(10001, 125), destination: "international" },
      ],
      [
        { productCode: 1, priceCents: 90 },
        { productCode: 999, priceCents: 1 },
      ],
    );
    expect(catalog.products).toEqual([
      { code: 1, name: "P1", priceCents: 90, transport: "national", maxWeightG: 20 },
      { code: 10001, name: "P10001", priceCents: 125, transport: "international", maxWeightG: 20 },
    ]);
    expect(catalog.skipped).toEqual([{ productCode: 2, name: "P2" }]);
    expect(catalog.contractPriced).toEqual([1]);
  });
});
