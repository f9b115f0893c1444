import { describe, expect, it } from "vitest";
import type { CartPosition } from "./model";
import { cartSlots, cartTotal, packCarts, slotsFor, splitInTwo, startCell } from "./plan";

const A4 = { labelX: 2, labelY: 5 };

function positions(count: number, start = 1): CartPosition[] {
  return slotsFor(A4, count, start).map((slot, i) => ({
    batchOrderId: `o${i}`,
    orderId: `gid://shopify/Order/${i + 1}`,
    productCode: 1,
    productName: "Standardbrief",
    priceCents: 95,
    registered: false,
    voucherLayout: "FRANKING_ZONE",
    address: null,
    slot,
  }));
}

describe("label slots", () => {
  it.each([
    [1, { labelX: 1, labelY: 1 }],
    [2, { labelX: 2, labelY: 1 }],
    [3, { labelX: 1, labelY: 2 }],
    [10, { labelX: 2, labelY: 5 }],
  ])("start position %i is cell %o", (start, cell) => {
    expect(startCell(A4, start)).toEqual(cell);
  });

  it("refuses a start position outside the page", () => {
    expect(() => startCell(A4, 0)).toThrow(RangeError);
    expect(() => startCell(A4, 11)).toThrow("between 1 and 10");
  });

  it("continues on the next page after the last cell", () => {
    expect(slotsFor(A4, 3, 10)).toEqual([
      { labelX: 2, labelY: 5, page: 1 },
      { labelX: 1, labelY: 1, page: 2 },
      { labelX: 2, labelY: 1, page: 2 },
    ]);
  });
});

describe("packing carts", () => {
  it.each([
    // count, start, max, cart sizes
    [3, 1, 50, [3]],
    [25, 1, 50, [25]],
    [25, 1, 10, [10, 10, 5]],
    [12, 9, 8, [2, 8, 2]],
    [7, 1, 3, [3, 3, 1]],
    [30, 6, 20, [15, 15]],
  ])("%i stamps from position %i, at most %i per cart: %o", (count, start, max, sizes) => {
    const carts = packCarts(positions(count, start), max);
    expect(carts.map((c) => c.length)).toEqual(sizes);
    expect(carts.flat().map((p) => p.batchOrderId)).toEqual(positions(count, start).map((p) => p.batchOrderId));
  });

  it("numbers each cart's pages from 1", () => {
    const [, second] = packCarts(positions(12, 9), 8);
    expect(cartSlots(second ?? [])[0]).toEqual({ labelX: 1, labelY: 1, page: 1 });
    expect(cartSlots(second ?? []).at(-1)).toEqual({ labelX: 2, labelY: 4, page: 1 });
  });

  it("sums and halves carts", () => {
    expect(cartTotal(positions(4))).toBe(380);
    expect(splitInTwo(positions(5)).map((c) => c.length)).toEqual([3, 2]);
    expect(splitInTwo(positions(1)).map((c) => c.length)).toEqual([1]);
  });

  it("refuses a limit below one", () => {
    expect(() => packCarts(positions(2), 0)).toThrow(RangeError);
  });
});
