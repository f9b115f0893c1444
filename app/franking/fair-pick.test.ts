import { describe, expect, it } from "vitest";
import { pickFair, type DueBatch } from "./fair-pick";

/** "a1" is shop a's batch 1; the number is also its age rank (lower: created earlier). */
const batch = (name: string, minute: number): DueBatch => ({
  id: name,
  shopId: name.replace(/\d+$/, ""),
  createdAt: new Date(Date.UTC(2026, 11, 2, 9, minute)),
});

interface Case {
  name: string;
  due: DueBatch[];
  running?: Record<string, number>;
  here?: string[];
  slots: number;
  perShop: number;
  want: string[];
}

const cases: Case[] = [
  {
    name: "one shop with four batches and three shops with one: every shop's first batch comes before a's second",
    due: [
      batch("a1", 0),
      batch("a2", 1),
      batch("a3", 2),
      batch("a4", 3),
      batch("b1", 4),
      batch("c1", 5),
      batch("d1", 6),
    ],
    slots: 4,
    perShop: 4,
    want: ["a1", "b1", "c1", "d1"],
  },
  {
    name: "free slots left after every shop is served go to the shop with more work, oldest first",
    due: [batch("a1", 0), batch("a2", 1), batch("a3", 2), batch("b1", 4)],
    slots: 4,
    perShop: 4,
    want: ["a1", "b1", "a2", "a3"],
  },
  {
    name: "a lone shop runs several batches at once, up to its share",
    due: [batch("a1", 0), batch("a2", 1), batch("a3", 2)],
    slots: 8,
    perShop: 2,
    want: ["a1", "a2"],
  },
  {
    name: "batches running in other processes count against the shop's share",
    due: [batch("a3", 2), batch("b1", 4)],
    running: { a: 2 },
    slots: 4,
    perShop: 2,
    want: ["b1"],
  },
  {
    name: "a shop with fewer batches running comes first even when its batch is younger",
    due: [batch("a2", 1), batch("b1", 4)],
    running: { a: 1 },
    slots: 1,
    perShop: 4,
    want: ["b1"],
  },
  {
    name: "with equal running counts the shop waiting longest comes first",
    due: [batch("b1", 4), batch("c1", 5), batch("a1", 0)],
    slots: 2,
    perShop: 1,
    want: ["a1", "b1"],
  },
  {
    name: "a batch this process already runs is never started again",
    due: [batch("a1", 0), batch("b1", 4)],
    here: ["a1"],
    running: { a: 1 },
    slots: 4,
    perShop: 4,
    want: ["b1"],
  },
  { name: "no free slot: nothing", due: [batch("a1", 0)], slots: 0, perShop: 4, want: [] },
  { name: "nothing due: nothing", due: [], slots: 4, perShop: 4, want: [] },
  {
    name: "fifty shops with one batch each and more slots than shops: all start",
    due: Array.from({ length: 50 }, (_, i) =>
      batch(`s${String.fromCharCode(97 + (i % 26))}${i >= 26 ? "x" : ""}1`, i),
    ),
    slots: 64,
    perShop: 4,
    want: Array.from(
      { length: 50 },
      (_, i) => `s${String.fromCharCode(97 + (i % 26))}${i >= 26 ? "x" : ""}1`,
    ),
  },
];

describe("pickFair", () => {
  it.each(cases)("$name", ({ due, running = {}, here = [], slots, perShop, want }) => {
    const picked = pickFair({
      due,
      runningByShop: new Map(Object.entries(running)),
      runningHere: new Set(here),
      slots,
      perShop,
    });
    expect(picked).toEqual(want);
  });

  it("never picks more than the free slots or a shop's share, for any mix", () => {
    for (let seed = 1; seed <= 200; seed++) {
      let x = seed;
      const rand = (n: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % n);
      const due: DueBatch[] = Array.from({ length: rand(30) }, (_, i) => ({
        id: `b${i}`,
        shopId: `shop${rand(6)}`,
        createdAt: new Date(rand(1000)),
      }));
      const running = new Map<string, number>(Array.from({ length: 6 }, (_, i) => [`shop${i}`, rand(3)]));
      const slots = rand(10);
      const perShop = 1 + rand(4);
      const picked = pickFair({ due, runningByShop: running, runningHere: new Set(), slots, perShop });
      expect(picked.length).toBeLessThanOrEqual(slots);
      expect(new Set(picked).size).toBe(picked.length);
      const byShop = new Map<string, number>();
      for (const id of picked) {
        const shopId = due.find((d) => d.id === id)?.shopId ?? "";
        byShop.set(shopId, (byShop.get(shopId) ?? 0) + 1);
      }
      for (const [shopId, count] of byShop)
        expect(count + (running.get(shopId) ?? 0)).toBeLessThanOrEqual(perShop);
    }
  });
});
