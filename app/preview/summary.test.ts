import { describe, expect, it } from "vitest";
import { balanceCheck, totalsByProduct, type PreviewLine } from "./summary";
import { moneyToCents, toGrams } from "./weight";

const ok = (productCode: number, priceCents: number): PreviewLine => ({
  orderId: `gid://shopify/Order/${Math.random()}`,
  orderName: "#1",
  ok: true,
  productCode,
  productName: `P${productCode}`,
  priceCents,
  weightG: 20,
  exactWeightG: 20,
  flags: [],
  notices: [],
  reason: "",
  reasonParams: null,
});
const failed: PreviewLine = {
  orderId: "x",
  orderName: null,
  ok: false,
  error: "not-found",
  reason: "",
  reasonParams: null,
};

describe("batch totals", () => {
  const lines = [ok(1, 95), ok(21, 180), ok(1, 95), failed];

  it("adds up by product, the most expensive first, leaving out failed orders", () => {
    expect(totalsByProduct(lines)).toEqual([
      { productCode: 1, productName: "P1", count: 2, unitPriceCents: 95, totalCents: 190 },
      { productCode: 21, productName: "P21", count: 1, unitPriceCents: 180, totalCents: 180 },
    ]);
  });

  it.each([
    [
      { cents: 370, checkedAt: new Date(0) },
      { sufficient: true, missingCents: 0 },
    ],
    [
      { cents: 369, checkedAt: new Date(0) },
      { sufficient: false, missingCents: 1 },
    ],
    [
      { cents: 0, checkedAt: new Date(0) },
      { sufficient: false, missingCents: 370 },
    ],
    [null, { sufficient: null, missingCents: 0, balanceCents: null }],
  ])("checks the total of 3.70 EUR against the balance %j", (balance, expected) => {
    expect(balanceCheck(lines, balance)).toMatchObject({ totalCents: 370, ...expected });
  });
});

describe("Shopify's numbers", () => {
  it.each([
    ["12.50", 1250],
    ["12.5", 1250],
    ["0.95", 95],
    ["7", 700],
    ["19.999", 2000],
  ])("reads %s as %i cents", (amount, cents) => {
    expect(moneyToCents(amount)).toBe(cents);
  });

  it("converts weights to grams", () => {
    expect(toGrams(1.6, "KILOGRAMS")).toBe(1600);
    expect(toGrams(15, "GRAMS")).toBe(15);
    expect(toGrams(1, "POUNDS")).toBeCloseTo(453.59);
    expect(toGrams(1, "STONES")).toBeNull();
  });
});
