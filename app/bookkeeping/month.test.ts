import { describe, expect, it } from "vitest";
import { berlinDayMonth, monthOf, monthRange, parseMonth } from "./month";
import { buildStatement } from "./statement";

describe("months in Berlin time", () => {
  it("start at Berlin's midnight, in winter and in summer", () => {
    expect(monthRange({ year: 2026, month: 1 }).from.toISOString()).toBe("2025-12-31T23:00:00.000Z");
    expect(monthRange({ year: 2026, month: 4 }).from.toISOString()).toBe("2026-03-31T22:00:00.000Z");
    expect(monthRange({ year: 2026, month: 12 }).to.toISOString()).toBe("2026-12-31T23:00:00.000Z");
    expect(monthOf(new Date("2026-03-31T22:30:00Z"))).toEqual({ year: 2026, month: 4 });
    expect(berlinDayMonth(new Date("2026-03-31T22:30:00Z"))).toBe("0104");
  });

  it("parses only YYYY-MM", () => {
    expect(parseMonth("2026-11")).toEqual({ year: 2026, month: 11 });
    expect([parseMonth("2026-13"), parseMonth("26-11"), parseMonth(null)]).toEqual([null, null, null]);
  });
});

describe("statement balances", () => {
  const month = { year: 2026, month: 5 };
  const { from, to } = monthRange(month);
  const e = (iso: string, kind: "purchase" | "refund_confirmed" | "refund_requested", cents: number) => ({
    at: new Date(iso),
    kind,
    cents,
    reference: iso,
    stamps: 1,
  });
  const entries = [
    e("2026-04-20T10:00:00Z", "purchase", 100),
    e("2026-05-02T10:00:00Z", "purchase", 250),
    e("2026-05-03T10:00:00Z", "refund_requested", 250),
    e("2026-05-09T10:00:00Z", "refund_confirmed", 250),
    e("2026-06-02T10:00:00Z", "purchase", 40),
  ];

  it("carries the balance from an anchor after the month back to it", () => {
    const s = buildStatement({
      month,
      from,
      to,
      anchor: { balanceCents: 1000, at: new Date("2026-06-10T00:00:00Z") },
      entries,
    });
    expect([s.openingCents, s.closingCents]).toEqual([1040, 1040]);
    expect(s.lines.map((l) => l.balanceAfterCents)).toEqual([790, 790, 1040]);
  });

  it("and forward from an anchor before it", () => {
    const s = buildStatement({
      month,
      from,
      to,
      anchor: { balanceCents: 1000, at: new Date("2026-04-01T00:00:00Z") },
      entries,
    });
    expect([s.openingCents, s.closingCents]).toEqual([900, 900]);
    expect(s.totals.purchase).toEqual({ cents: 250, stamps: 1, count: 1 });
  });
});
