import { describe, expect, it } from "vitest";
import { backoffMs, REFUND_WINDOW_MS, refusalReason, summarize, withinWindow } from "./model";
import { automaticRefundsIn } from "./settings.server";

const T = new Date("2026-11-10T10:00:00Z");
const at = (ms: number) => new Date(T.getTime() + ms);
const HOUR = 3600_000;

describe("the 14-day window", () => {
  it.each([
    [0, true],
    [REFUND_WINDOW_MS - 1, true],
    [REFUND_WINDOW_MS, true],
    [REFUND_WINDOW_MS + 1, false],
    [20 * 24 * HOUR, false],
  ])("a voucher %i ms old is refundable: %s", (age, expected) => {
    expect(withinWindow(T, at(age))).toBe(expected);
  });

  it.each([
    [2 * 24 * HOUR, "refused"],
    [REFUND_WINDOW_MS - 2 * HOUR, "refused"],
    [REFUND_WINDOW_MS - 30 * 60_000, "refused_window_expired"],
    [REFUND_WINDOW_MS + HOUR, "refused_window_expired"],
  ])("a refusal %i ms after purchase is explained as %s", (age, reason) => {
    expect(refusalReason(T, at(age))).toBe(reason);
  });
});

describe("backoff", () => {
  it.each([
    [1, 5_000],
    [2, 10_000],
    [3, 20_000],
    [10, 60_000],
    [0, 5_000],
  ])("attempt %i waits %i ms (5 s doubling, capped at 60 s)", (attempt, ms) => {
    expect(backoffMs(attempt, 5_000, 60_000)).toBe(ms);
  });
});

describe("an order's refund summary", () => {
  const v = (state: string, priceCents = 95, reason: string | null = null) => ({
    voucherId: `V${Math.random()}`,
    state,
    reason,
    priceCents,
    refundedCents: state === "REFUNDED" ? priceCents : 0,
  });
  it.each([
    [[v("PENDING"), v("REFUNDED")], "pending", 95, 95],
    [[v("REFUNDED"), v("REFUNDED", 330)], "refunded", 425, 0],
    [[v("REFUNDED"), v("NOT_REFUNDED", 95, "refused")], "partially_refunded", 95, 0],
    [[v("NOT_REFUNDED", 95, "window_expired")], "not_refunded", 0, 0],
  ])("%j is %s", (refunds, state, refundedCents, pendingCents) => {
    expect(summarize(refunds)).toMatchObject({ state, refundedCents, pendingCents });
  });
});

describe("the automatic refunds switch", () => {
  it.each([
    ["{}", true],
    ['{"automaticRefunds":true}', true],
    ['{"automaticRefunds":false}', false],
    ['{"automaticRefunds":"no"}', true],
    ["not json", true],
  ])("settings %s: on = %s (default on)", (json, on) => {
    expect(automaticRefundsIn(json)).toBe(on);
  });
});
