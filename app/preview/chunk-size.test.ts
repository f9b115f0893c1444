import { describe, expect, it } from "vitest";
import { nextChunkSize, ORDER_COST, ORDERS_PER_QUERY } from "./orders.server";

describe("nextChunkSize", () => {
  it("asks for a full query while the bucket holds it", () => {
    expect(nextChunkSize(250, 2000, 12)).toBe(ORDERS_PER_QUERY);
    expect(nextChunkSize(5, 2000, 12)).toBe(5);
  });

  it("keeps full queries while the orders still to read will consume what a query asks for", () => {
    // 100 orders at 12 points consume 1200 > 12 × 79 = 948: waiting for a full query costs nothing extra.
    expect(nextChunkSize(100, 0, 12)).toBe(ORDERS_PER_QUERY);
  });

  it("shrinks the last queries when the bucket is the limit", () => {
    expect(nextChunkSize(40, 0, 12)).toBe(Math.floor((40 * 12) / ORDER_COST));
    expect(nextChunkSize(4, 0, 12)).toBe(1);
    // ... but takes what fits without waiting.
    expect(nextChunkSize(40, 7 * ORDER_COST, 12)).toBe(7);
    expect(nextChunkSize(40, 9 * ORDER_COST, 12)).toBe(9);
  });

  it("asks for at least one order, and for at most the orders left", () => {
    expect(nextChunkSize(1, 0, 0)).toBe(1);
    expect(nextChunkSize(3, 0, ORDER_COST)).toBe(3);
  });

  it("before any answer (cost per order unknown: the requested cost) keeps full queries", () => {
    expect(nextChunkSize(250, 0, ORDER_COST)).toBe(ORDERS_PER_QUERY);
  });
});
