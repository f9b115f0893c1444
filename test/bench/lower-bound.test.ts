import { describe, expect, it } from "vitest";
import { lowerBounds, throttleFloorMs } from "../../bench/lower-bound";

const MODEL = { dpMs: 150, shopifyMs: 80, bucket: { maximumAvailable: 2000, restoreRate: 100 } };
const read = (orders: number) => ({ requestedCost: 57 * orders, actualCost: 12 * orders });
const write = { requestedCost: 20, actualCost: 20 };

describe("the benchmark's lower bound", () => {
  it.each([
    ["nothing", [], 0],
    ["calls that fit the bucket", [write, write], 0],
    ["mutations beyond the bucket", Array.from({ length: 150 }, () => write), 10_000],
    // 15 reads keep 3000 points; the last one must find its 540 unused points in the bucket as well
    ["reads of 250 orders", [...Array.from({ length: 14 }, () => read(17)), read(12)], 15_400],
  ])("throttle floor: %s", (_name, calls, expected) => {
    expect(throttleFloorMs(calls, MODEL.bucket)).toBeCloseTo(expected);
  });

  it("adds the Deutsche Post chain after the reads for the labels, and takes the longer chain for Shopify", () => {
    const confirmReads = [read(17), read(17), read(16)];
    const bounds = lowerBounds(
      { confirmReads, allCalls: [...confirmReads, ...Array.from({ length: 50 }, () => write)], carts: 1 },
      MODEL,
    );
    expect(bounds.readsMs).toBe(240); // three queries one after another; the bucket holds them
    expect(bounds.labelsReadyMs).toBe(240 + 4 * 150); // login, initCart, checkout, download
    expect(bounds.fulfilledChainMs).toBe(240 + 3 * 150 + 2 * 80);
    expect(bounds.throttleMs).toBe(80); // 600 + 1000 points fit the bucket
    expect(bounds.fulfilledMs).toBe(bounds.fulfilledChainMs);
  });
});
