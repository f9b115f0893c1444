import { describe, expect, it } from "vitest";
import { countOrders, progressPercent } from "./batch-view.server";
import { hasMoved, liveBatchSchema, liveProgress } from "./live-progress";

const live = (
  counts: Partial<{ orders: number; bought: number; failed: number; skipped: number }>,
  status = "RUNNING",
) =>
  liveBatchSchema.parse({
    status,
    counts: { orders: 10, bought: 0, failed: 0, skipped: 0, ...counts },
    extra: 1,
  });

describe("batch progress", () => {
  it("counts bought and failed orders against those to buy", () => {
    expect(liveProgress(live({}))).toBe(0);
    expect(liveProgress(live({ bought: 3, failed: 1, skipped: 2 }))).toBe(50);
    expect(liveProgress(live({ orders: 2, skipped: 2 }))).toBe(100);
  });

  it("the page's own counts agree", () => {
    const counts = countOrders([
      { status: "BOUGHT", count: 2 },
      { status: "FULFILLED", count: 1 },
      { status: "FAILED", count: 1 },
      { status: "SKIPPED", count: 2 },
      { status: "QUEUED", count: 4 },
    ]);
    expect(counts).toEqual({ total: 10, franked: 3, failed: 1, skipped: 2, waiting: 4 });
    expect(progressPercent(counts)).toBe(50);
  });

  it("reloads the page when the API shows another status or more finished orders", () => {
    const shown = {
      status: "RUNNING",
      counts: countOrders([
        { status: "BOUGHT", count: 3 },
        { status: "QUEUED", count: 7 },
      ]),
    };
    expect(hasMoved(live({ bought: 3 }), shown)).toBe(false);
    expect(hasMoved(live({ bought: 4 }), shown)).toBe(true);
    expect(hasMoved(live({ bought: 3, failed: 1 }), shown)).toBe(true);
    expect(hasMoved(live({ bought: 3 }, "DONE"), shown)).toBe(true);
  });

  it("ignores an answer of another shape", () => {
    expect(liveBatchSchema.safeParse({ error: "not_found" }).success).toBe(false);
  });
});
