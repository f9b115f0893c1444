import { describe, expect, it } from "vitest";
import { CostBudget, duringInteractiveReads, interactiveReadsRunning } from "./cost-budget.server";

/** A budget on a manual clock: sleeping moves the clock, so waits are visible as clock time. */
function budgetAt(options: { maxInFlight?: number; reserve?: () => number } = {}) {
  let now = 0;
  const sleeps: number[] = [];
  const budget = new CostBudget({
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    ...options,
  });
  budget.observe({ maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 100 });
  return { budget, sleeps, clock: () => now };
}

describe("the Shopify cost budget", () => {
  it("lets calls go at once while they fit and counts the calls in flight against the bucket", async () => {
    const { budget, sleeps } = budgetAt();
    const releases = [await budget.acquire(40), await budget.acquire(40)];
    expect(sleeps).toEqual([]);
    expect(budget.available()).toBe(20);
    releases.forEach((release) => release());
    expect(budget.available()).toBe(100);
  });

  it("waits as long as the bucket needs to refill for a call that does not fit", async () => {
    const { budget, clock } = budgetAt();
    await budget.acquire(300);
    expect(clock()).toBe(2000); // 200 points missing at 100 per second
  });

  it("keeps the reserve free for the merchant's own requests while asked to", async () => {
    let reserve = 0;
    const { budget, clock } = budgetAt({ reserve: () => reserve });
    (await budget.acquire(100))();
    expect(clock()).toBe(0);
    reserve = 1000;
    await budget.acquire(100);
    expect(clock()).toBe(10_000); // 1000 reserved + 100 wanted, 100 available
  });

  it("keeps at most maxInFlight calls going and lets the next go when one ends", async () => {
    const { budget } = budgetAt({ maxInFlight: 2 });
    const first = await budget.acquire(10);
    await budget.acquire(10);
    let third = false;
    const waiting = budget.acquire(10).then(() => {
      third = true;
    });
    await Promise.resolve();
    expect(third).toBe(false);
    first();
    await waiting;
    expect(third).toBe(true);
  });

  it("believes a THROTTLED answer: the bucket holds less than the call asked for", async () => {
    const { budget } = budgetAt();
    budget.throttled(50, 300); // 30 points were missing
    expect(budget.available()).toBe(20);
  });

  it("marks a shop's interactive reads while they run, also when they fail", async () => {
    expect(interactiveReadsRunning("shop-1")).toBe(false);
    await duringInteractiveReads("shop-1", async () => {
      expect(interactiveReadsRunning("shop-1")).toBe(true);
      expect(interactiveReadsRunning("shop-2")).toBe(false);
    });
    await expect(duringInteractiveReads("shop-1", async () => Promise.reject(new Error("read failed")))).rejects.toThrow("read failed");
    expect(interactiveReadsRunning("shop-1")).toBe(false);
  });
});
