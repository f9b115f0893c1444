import { describe, expect, it } from "vitest";
import { percentile, spread, verifyShops, type ShopRun } from "../../bench/multi/verify";

const good: ShopRun = {
  domain: "a.myshopify.com",
  orders: 2,
  status: "DONE",
  labelsReadyMs: 1200,
  fulfilledMs: 3400,
  fulfilledOrders: 2,
  voucherIds: ["V1", "V2"],
  voucherCents: 190,
  seen: {
    domain: "a.myshopify.com",
    voucherIds: ["V2", "V1"],
    purchasedCents: 190,
    ordersWithOneFulfillment: 2,
    ordersWithTrackingNumber: 0,
  },
};

describe("the multi-shop benchmark's checks", () => {
  it("accept a shop whose vouchers, debits and fulfillments match", () => {
    expect(verifyShops([good])[0]?.problems).toEqual([]);
  });

  it.each<[string, Partial<ShopRun>, RegExp]>([
    ["a voucher bought twice", { voucherIds: ["V1", "V1"] }, /vouchers for 2 orders/],
    ["a voucher the Portokasse does not know", { voucherIds: ["V1", "V3"] }, /vouchers differ/],
    ["debits that differ from the vouchers", { voucherCents: 95 }, /debited 190 ct for vouchers worth 95 ct/],
    ["an unfinished batch", { status: "RUNNING" }, /batch ended RUNNING/],
    ["an order not fulfilled", { fulfilledOrders: 1 }, /1 of 2 orders fulfilled/],
    ["no label file", { labelsReadyMs: Number.NaN }, /no label file/],
  ])("refuse %s", (_name, change, problem) => {
    expect(verifyShops([{ ...good, ...change }])[0]?.problems.join("; ")).toMatch(problem);
  });

  it("take percentiles by nearest rank", () => {
    const values = Array.from({ length: 20 }, (_, i) => (i + 1) * 100);
    expect(percentile(values, 50)).toBe(1000);
    expect(percentile(values, 95)).toBe(1900);
    expect(percentile([7], 95)).toBe(7);
    expect(spread([300, 100, 200])).toEqual({ p50: 200, p95: 300, max: 300 });
  });
});
