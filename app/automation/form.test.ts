import { describe, expect, it } from "vitest";
import { euroToCents, parseAutomationForm } from "./form";

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
};

describe("the Automatik form", () => {
  it.each([
    ["50", 5_000],
    ["50,5", 5_050],
    ["1.234,56", 123_456],
    ["12.50", 1_250],
    ["", null],
  ])("reads %s euros as %s cents", (input, cents) => {
    expect(euroToCents(input)).toBe(cents);
  });

  it("reads lists, times, products and amounts", () => {
    const parsed = parseAutomationForm(
      form({
        enabled: "on",
        schedule: "times",
        times: "9:00, 14:00",
        countries: "de, AT",
        shippingMethods: "Brief",
        tags: "",
        productCodes: ["1", "11"],
        dailyLimit: "50,00",
        minBalance: "",
      }),
    );
    expect(parsed).toEqual({
      ok: true,
      config: expect.objectContaining({
        enabled: true,
        times: ["09:00", "14:00"],
        countries: ["DE", "AT"],
        shippingMethods: ["Brief"],
        tags: [],
        productCodes: [1, 11],
        dailyLimitCents: 5_000,
        minBalanceCents: null,
        timeZone: "Europe/Berlin",
      }),
    });
  });

  it("names each bad field with a message key", () => {
    const parsed = parseAutomationForm(
      form({ times: "14 Uhr", countries: "Deutschland", dailyLimit: "viel", timeZone: "Mars/Olympus" }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => [e.path, e.key]).sort()).toEqual([
      ["countries", "automation.error.country"],
      ["dailyLimit", "automation.error.amount"],
      ["timeZone", "automation.error.timeZone"],
      ["times", "automation.error.time"],
    ]);
  });
});
