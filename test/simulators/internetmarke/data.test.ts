import { describe, expect, it } from "vitest";
import { findPageFormat, findProduct, isRegisteredMail, pageFormats, priceList } from "./data";
import pageFormatsJson from "./data/page-formats.json" with { type: "json" };
import priceListJson from "./data/price-list.json" with { type: "json" };

describe("derived data", () => {
  it("holds the 49 products of the price list, in cents, without prose", () => {
    expect(priceList.products).toHaveLength(49);
    expect(findProduct(1)).toEqual({
      productCode: 1,
      name: "Standardbrief",
      priceCents: 95,
      destination: "national",
      services: [],
      maxWeightGrams: 20,
    });
    expect(JSON.stringify(priceListJson)).not.toMatch(/"source"|"description"/);
  });

  it("knows which products are registered mail", () => {
    const registered = priceList.products.filter(isRegisteredMail).map((p) => p.productCode);
    expect(registered).toContain(1002);
    expect(registered).toContain(11006);
    expect(registered).not.toContain(1);
  });

  it("holds the 108 page formats in the REST PageFormat shape, without descriptions", () => {
    expect(pageFormats).toHaveLength(108);
    expect(findPageFormat(1)?.pageLayout.labelCount).toEqual({ labelX: 2, labelY: 5 });
    expect(JSON.stringify(pageFormatsJson)).not.toMatch(/"description"/);
  });
});
