import { describe, expect, it } from "vitest";
import { MIN_TOP_UP_CENTS, parseEuroAmount, suggestedTopUpCents } from "./model";

describe("top-up amounts", () => {
  it.each([
    ["25", 2500],
    ["25,5", 2550],
    ["25,50 €", 2550],
    ["25.50", 2550],
    ["1.000,00", 100_000],
    ["1000", 100_000],
  ])("reads %s as %i cents", (input, cents) => {
    expect(parseEuroAmount(input)).toBe(cents);
  });

  it.each(["", "abc", "-5", "1,234", "12,345", "1e3"])("refuses %s", (input) => {
    expect(parseEuroAmount(input)).toBeNull();
  });

  it("suggests the shortfall rounded up to whole euros, at least the minimum", () => {
    expect(suggestedTopUpCents(null)).toBe(MIN_TOP_UP_CENTS);
    expect(suggestedTopUpCents(120)).toBe(MIN_TOP_UP_CENTS);
    expect(suggestedTopUpCents(2_301)).toBe(2_400);
    expect(suggestedTopUpCents(5_000)).toBe(5_000);
  });
});
