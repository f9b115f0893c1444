// The issue-16 notices and reasons in German and English, from data: German number formats, real plurals,
// country names, no raw code and no English word on the German side.
import { describe, expect, it } from "vitest";
import { chooseProduct } from "~/mapping";
import type { MappingNotice } from "~/mapping";
import { CATALOG_2025_2026 } from "../../test/support/mapping/catalog-2025-2026";
import { order, PRESETS, settings } from "../../test/support/mapping/orders";
import { mappingReasonText, noticeText } from "./mapping-text";

const notice = (code: MappingNotice["code"], values: MappingNotice["values"]): MappingNotice => ({
  code,
  values,
});

describe("notices of a chosen product", () => {
  it("shows the exact weight with one decimal and thousands separators per language", () => {
    const n = notice("exact-weight", { exactWeightG: 2000.4, itemsG: 1995.4, tareG: 5, weightG: 2001 });
    expect(noticeText(n, "de")).toBe(
      "Gewicht 2.000,4 g (1.995,4 g Ware + 5 g Verpackung), berechnet als 2.001 g",
    );
    expect(noticeText(n, "en")).toBe(
      "Weight 2,000.4 g (1,995.4 g goods + 5 g packaging), charged as 2,001 g",
    );
    const exact = notice("exact-weight", { exactWeightG: 20, itemsG: 15, tareG: 5, weightG: 20 });
    expect(noticeText(exact, "de")).toContain("Gewicht 20,0 g");
  });

  it("names the customs form, the place and the value against 300 SDR", () => {
    const canary = notice("customs-form", {
      form: "CN 22",
      basis: "value-up-to-limit",
      territory: "canary-islands",
      country: "ES",
      valueCents: 2500,
      currency: "EUR",
      limitCents: 37359,
    });
    expect(noticeText(canary, "de")).toBe(
      "Zollinhaltserklärung CN 22: Die Ware verlässt das Zoll- und Mehrwertsteuergebiet der EU (Kanarische Inseln); Warenwert 25,00\u00a0€, bis 300 SZR (373,59\u00a0€)",
    );
    expect(noticeText(canary, "en")).toContain("(Canary Islands); value €25.00, up to 300 SDR (€373.59)");
    const usd = notice("customs-form", {
      form: "CN 23",
      basis: "value-not-in-eur",
      territory: "",
      country: "US",
      valueCents: 2500,
      currency: "USD",
      limitCents: 37359,
    });
    expect(noticeText(usd, "de")).toContain(
      "CN 23: Die Ware verlässt das Zoll- und Mehrwertsteuergebiet der EU (Vereinigte Staaten); der Bestellwert in USD",
    );
  });

  it("says which service was substituted and which the customer paid for", () => {
    expect(
      noticeText(
        notice("service-substituted", {
          service: "EINSCHREIBEN_EINWURF",
          substitute: "EINSCHREIBEN",
          country: "FR",
        }),
        "de",
      ),
    ).toBe("Einschreiben Einwurf gibt es für Briefe nach Frankreich nicht: versendet als Einschreiben");
    expect(
      noticeText(
        notice("paid-service-missing", {
          service: "EINSCHREIBEN",
          shippingMethod: "Einschreiben",
          product: "Großbrief",
        }),
        "de",
      ),
    ).toBe("Der Kunde hat Einschreiben bezahlt (Versandart „Einschreiben“), aber Großbrief enthält es nicht");
  });
});

describe("issue-16 reasons", () => {
  it("picks the plural form by count", () => {
    const reason = (count: number) => ({
      key: "no-packaging-fits",
      values: { goodsG: 2500, capacityG: 1920, count },
    });
    expect(mappingReasonText(reason(5), "de")).toBe(
      "Keine Ihrer 5 Verpackungen fasst 2.500 g Ware (die größte bis 1.920 g): Legen Sie eine größere Verpackung oder eine Verpackungsregel an.",
    );
    expect(mappingReasonText(reason(1), "de")).toMatch(/^Ihre einzige Verpackung fasst 2.500 g Ware nicht/);
    expect(mappingReasonText(reason(1), "en")).toMatch(/^Your only packaging does not hold 2,500 g/);
    expect(mappingReasonText(reason(2), "en")).toMatch(/^None of your 2 packagings holds 2,500 g/);
  });

  it("explains refused countries with their names", () => {
    expect(
      mappingReasonText({ key: "country-shopify-only", values: { country: "AC", useInstead: "SH" } }, "de"),
    ).toBe(
      "AC ist ein Shopify-Code, kein ISO-Ländercode: Die Deutsche Post führt das Ziel als SH (St. Helena). Bitte korrigieren Sie die Adresse.",
    );
    expect(mappingReasonText({ key: "country-unknown-region", values: { country: "ZZ" } }, "en")).toContain(
      "“unknown region” (ZZ)",
    );
    expect(mappingReasonText({ key: "chosen", values: {} }, "de")).toBeNull();
  });

  it("renders every notice and reason of real engine results in German without English words or raw codes", () => {
    const cases = [
      order({ country: "US", shipping: "Einschreiben" }),
      order({ address: { countryCode: "ES", zip: "35001" }, tags: ["einwurf"] }),
      order({ country: "GB", address: { zip: "BT1 1AA" } }),
      order({ country: "FR", tags: ["einwurf"] }),
    ];
    const rules = settings({
      registeredMailRules: [{ tag: "einwurf", service: "EINSCHREIBEN_EINWURF" }],
      packagingChoice: "smallest-fitting",
    });
    const texts: string[] = [];
    for (const o of cases) {
      const result = chooseProduct(o, rules, CATALOG_2025_2026);
      expect(result.ok, result.reason).toBe(true);
      if (result.ok) texts.push(...result.notices.map((n) => noticeText(n, "de")));
    }
    const onlyDl = settings({ packagingChoice: "smallest-fitting", packagingPresets: PRESETS.slice(0, 1) });
    for (const [o, s] of [
      [order({ address: { countryCode: "ZZ" } }), rules],
      [order({ itemsG: 905 }), onlyDl],
    ] as const) {
      const result = chooseProduct(o, s, CATALOG_2025_2026);
      const text = mappingReasonText(result.reasonParams ?? null, "de");
      expect(text, result.reason).not.toBeNull();
      texts.push(text ?? "");
    }
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) {
      expect(text).not.toMatch(/\b(the|and|of|goods|packaging|charged|value|shipping|customs)\b/i);
      expect(text).not.toMatch(/[A-Z]+_[A-Z]+|value-|-limit|canary-islands|northern-ireland/);
    }
  });
});
