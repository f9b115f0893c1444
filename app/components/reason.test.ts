import { describe, expect, it } from "vitest";
import { flagText, reasonText } from "./reason";

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
  it("shows the engine's sentence in English and a German one in German", () => {
    expect(reasonText(chosen, "en")).toBe(chosen.reason);
    expect(reasonText(chosen, "de")).toBe(
      "Standardbrief: 20 g inkl. 5 g Verpackung, Inland (DE), 220 × 110 × 5 mm passt",
    );
  });

  it("falls back to the engine's sentence for a reason it has no German words for", () => {
    expect(
      reasonText({ reason: "Something new", reasonParams: { key: "brand-new", values: {} } }, "de"),
    ).toBe("Something new");
  });

  it("translates flags, with the item of a missing weight", () => {
    expect(flagText("missing-weight:Lesezeichen Messing", "de")).toBe(
      "Gewicht angenommen für Lesezeichen Messing",
    );
    expect(flagText("customs-declaration", "en")).toBe("needs a customs declaration"); // the form (CN 22 or CN 23) is a notice now
    expect(flagText("unknown-flag", "en")).toBe("unknown-flag");
  });
});
