import { describe, expect, it } from "vitest";
import type { Structured } from "~/i18n/reasons";
import { flagText, problemText, reasonText } from "./reason";

const chosen = {
  reason: "Standardbrief: 20 g incl. 5 g packaging, domestic, 220 × 110 × 5 mm fits",
  reasonParams: {
    key: "chosen",
    values: {
      product: "Standardbrief",
      weightG: 20,
      tareG: 5,
      country: "DE",
      zone: "domestic",
      size: "220 × 110 × 5 mm",
    },
  },
};

describe("reasons in the merchant's language", () => {
  it("renders both languages from the structured reason, with the country's name", () => {
    expect(reasonText(chosen, "en")).toBe(
      "Standardbrief: 20 g incl. 5 g packaging, domestic (Germany), 220 × 110 × 5 mm fits",
    );
    expect(reasonText(chosen, "de")).toBe(
      "Standardbrief: 20 g inkl. 5 g Verpackung, Inland (Deutschland), 220 × 110 × 5 mm passt",
    );
  });

  it("formats grams as the language does and renders the notes (rule, upgrade, default weight)", () => {
    const line = {
      reason: "engine sentence",
      reasonParams: {
        key: "chosen",
        values: { ...chosen.reasonParams.values, weightG: 2001, country: "AT", zone: "eu" },
        notes: <Structured[]>[
          {
            key: "service-by-rule",
            values: { service: "EINSCHREIBEN", "criteria.shippingMethod": "Einschreiben", "criteria.orderValueAboveCents": 10000 },
          },
          { key: "einwurf-upgraded-abroad", values: {} },
          { key: "default-weight", values: { weightG: 1500, items: "Poster" } },
        ],
      },
    };
    expect(reasonText(line, "de")).toBe(
      "Standardbrief: 2.001 g inkl. 5 g Verpackung, EU (Österreich), 220 × 110 × 5 mm passt; " +
        "Einschreiben laut Regel (Versandart „Einschreiben“ und Bestellwert über 100,00\u00a0€); " +
        "Einschreiben Einwurf gibt es im Ausland nicht: stattdessen Einschreiben; " +
        "Standardgewicht 1.500 g verwendet für Poster",
    );
    expect(reasonText(line, "en")).toContain("2,001 g incl.");
    expect(reasonText(line, "en")).toContain("Einschreiben by rule (shipping method “Einschreiben” and order value above €100.00)");
  });

  it("renders stored problem codes, never the raw code", () => {
    expect(problemText("insufficient_balance", "de")).toBe("Das Guthaben der Portokasse reichte nicht.");
    expect(problemText("postal-code-rejected", "de")).toBe("Postleitzahl abgelehnt");
    expect(problemText("validation_failed: positions.0.address.receiver.city too long", "de")).toBe(
      "Die Deutsche Post hat die Marke abgelehnt.",
    );
    expect(problemText("validation_failed: positions.0 city", "en")).toBe(
      "Deutsche Post refused the stamp. (positions.0 city)",
    );
    expect(problemText("something_new", "de")).not.toContain("something_new");
  });

  it("falls back to the engine's sentence for a reason no language has words for", () => {
    expect(
      reasonText({ reason: "Something new", reasonParams: { key: "brand-new", values: {} } }, "de"),
    ).toBe("Something new");
  });

  it("translates flags, with the item of a missing weight", () => {
    expect(flagText("missing-weight:Lesezeichen Messing", "de")).toBe(
      "Gewicht angenommen für Lesezeichen Messing",
    );
    expect(flagText("customs-declaration", "en")).toBe("needs a customs declaration"); // the form (CN 22 or CN 23) is a notice now
    expect(flagText("unknown-flag", "en")).toBe("see the reason");
  });
});
