import { describe, expect, it } from "vitest";
import { productsResponseSchema } from "./products";

describe("products", () => {
  it("converts euros to cents exactly and compares transport as a whole word", () => {
    const list = productsResponseSchema.parse({
      type: "PwsProducts",
      date: "2025-10-06",
      shortSalesProducts: [
        {
          extProductid: "1",
          extProductname: "Standardbrief",
          transport: "national",
          grossprice: 0.95,
          maxWeight: 20,
        },
        {
          extProductid: 10051,
          extProductname: "Standardbrief Intern.",
          transport: "international",
          grossprice: 1.25,
          maxWeight: 20,
        },
        { extProductid: "1017", extProductname: "Einschreiben", transport: "NATIONAL ", grossprice: "17.00" },
        { extProductid: "21", extProductname: "Großbrief", transport: "Binnen", grossprice: "1,80" },
      ],
    });
    expect(list.date).toBe("2025-10-06");
    expect(list.products).toEqual([
      { productCode: 1, name: "Standardbrief", destination: "national", priceCents: 95, maxWeightGrams: 20 },
      {
        productCode: 10051,
        name: "Standardbrief Intern.",
        destination: "international",
        priceCents: 125,
        maxWeightGrams: 20,
      },
      {
        productCode: 1017,
        name: "Einschreiben",
        destination: "national",
        priceCents: 1700,
        maxWeightGrams: null,
      },
      { productCode: 21, name: "Großbrief", destination: "unknown", priceCents: 180, maxWeightGrams: null },
    ]);
  });

  it("refuses a price with more than two decimals instead of rounding", () => {
    const r = productsResponseSchema.safeParse({
      shortSalesProducts: [
        { extProductid: "1", extProductname: "x", transport: "national", grossprice: 0.955 },
      ],
    });
    expect(r.success).toBe(false);
  });

  it("tolerates a missing product list", () => {
    expect(productsResponseSchema.parse({ type: "PwsProducts" })).toEqual({ date: null, products: [] });
  });
});
