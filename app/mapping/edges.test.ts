// The edges of issue 16 (exact weights, served countries, services that do not exist abroad, the shop's
// currency) and issue 13 item 4 (packaging by fit with the default presets, the built-in Einschreiben rule,
// the warning when the customer paid for a service the product lacks). Sources in the case names:
// DP-Formate = Deutsche Post letter formats ("bis 20 g", "bis 500 g", ...: limits are inclusive),
// Shopify CountryCode = shopify.dev Admin API enum (ZZ "Unknown Region", AC/TA Shopify-only codes).
import { describe, expect, it } from "vitest";
import { DEFAULT_PACKAGING } from "~/settings/schema";
import { ok, runCases, type Case } from "../../test/support/mapping/cases";
import { item, PRESETS } from "../../test/support/mapping/orders";
import { toGrams } from "~/preview/weight";
import { capacityOf, serviceNamedBy } from "./rules";

const DL_55 = { id: "dl-55", name: "DL 5.5 g", tareG: 5.5, lengthMm: 220, widthMm: 110, heightMm: 5 };
const inDl55 = { packagingPresets: [...PRESETS, DL_55], defaultPackagingId: "dl-55" };

const exactWeights: Case[] = [
  {
    name: "14.5 g goods + 5.5 g envelope = 20.0 g: Standardbrief (issue 16: per-part rounding made it 21 g)",
    order: { items: [item("Card", 14.5)] },
    settings: inDl55,
    expected: ok(1, 95, {
      weightG: 20,
      exactWeightG: 20,
      notices: [{ code: "exact-weight", values: { exactWeightG: 20 } }],
    }),
  },
  {
    name: "14.6 g + 5.5 g = 20.1 g: over 20 g, Kompaktbrief, reason shows the exact weight (DP-Formate)",
    order: { items: [item("Card", 14.6)] },
    settings: inDl55,
    expected: ok(11, 110, {
      weightG: 21,
      exactWeightG: 20.1,
      reason: "20.1 g (charged as 21 g) incl. 5.5 g packaging",
    }),
  },
  {
    name: "3 × 5 g in ounces (0.17637 oz) + 5 g: 20.0 g, Standardbrief (summed exactly, then converted)",
    order: { items: [item("Pin", toGrams(0.17637, "OUNCES"), 3)] },
    settings: { defaultPackagingId: "dl" },
    expected: ok(1, 95, { weightG: 20, exactWeightG: 20 }),
  },
  {
    name: "0.48 kg + 20 g C4 = 500.0 g: Großbrief up to and including 500 g (DP-Formate)",
    order: { items: [item("Book", toGrams(0.48, "KILOGRAMS"))] },
    expected: ok(21, 180, { weightG: 500, exactWeightG: 500 }),
  },
  {
    name: "1 lb + 20 g C4 = 473.6 g, charged as 474 g: Großbrief",
    order: { items: [item("Tea", toGrams(1, "POUNDS"))] },
    expected: ok(21, 180, { weightG: 474, exactWeightG: 473.6 }),
  },
  {
    name: "1,960 g + 40 g box = 2,000 g: Maxibrief with Zusatzentgelt (DP-Formate, inclusive)",
    order: { items: [item("Lamp", 980, 2)] },
    settings: { defaultPackagingId: "box30" },
    expected: ok(41, 510, { weightG: 2000 }),
  },
];

const byFit = { packagingChoice: "smallest-fitting", packagingPresets: DEFAULT_PACKAGING } as const;
const packagingByFit: Case[] = [
  {
    name: "10 g: the DL envelope, Standardbrief (issue 13.4)",
    order: { itemsG: 10 },
    settings: byFit,
    expected: ok(1, 95, { notices: [{ code: "packaging-chosen", values: { packaging: "DL-Umschlag" } }] }),
  },
  {
    name: "100 g: the C5 envelope, Großbrief",
    order: { itemsG: 100 },
    settings: byFit,
    expected: ok(21, 180),
  },
  {
    name: "480 g: the C4 envelope, 500 g Großbrief",
    order: { itemsG: 480 },
    settings: byFit,
    expected: ok(21, 180, { weightG: 500 }),
  },
  {
    name: "905 g is not a DL envelope: padded envelope, Maxibrief (issue 13: 905 g 'fitted' 220 × 110 × 5 mm)",
    order: { itemsG: 905 },
    settings: byFit,
    expected: ok(31, 290, {
      weightG: 935,
      notices: [{ code: "packaging-chosen", values: { packaging: "Luftpolsterumschlag" } }],
    }),
  },
  {
    name: "1,605 g: the flat box, Maxibrief with Zusatzentgelt (issue 13)",
    order: { itemsG: 1605 },
    settings: byFit,
    expected: ok(41, 510, { weightG: 1685 }),
  },
  {
    name: "1,605 g with Warensendung allowed: the box as Warensendung 2.000",
    order: { itemsG: 1605 },
    settings: { ...byFit, allowWarensendung: true },
    expected: ok(331, 355),
  },
  {
    name: "2,500 g: too heavy for any letter, whatever the packaging (DP-Formate: up to 2,000 g)",
    order: { itemsG: 2500 },
    settings: byFit,
    expected: { error: "too-heavy", reason: "(Maxibrief takes up to 2,000 g)" },
  },
  {
    name: "905 g with only DL and C4 envelopes: no packaging holds it, said with the count",
    order: { itemsG: 905 },
    settings: { ...byFit, packagingPresets: DEFAULT_PACKAGING.filter((p) => p.id === "dl" || p.id === "c4") },
    expected: {
      error: "no-packaging-fits",
      key: "no-packaging-fits",
      values: { goodsG: 905, capacityG: 480, count: 2 },
    },
  },
  {
    name: "a packaging rule still wins over the fit",
    order: { itemsG: 10, tags: ["big"] },
    settings: { ...byFit, packagingRules: [{ tag: "big", packagingId: "c4" }] },
    expected: ok(21, 180, { noNotices: ["packaging-chosen"] }),
  },
  {
    name: "presets saved without a capacity: derived from thickness, DL 5 mm holds 15 g",
    order: { itemsG: 16 },
    settings: { packagingChoice: "smallest-fitting" },
    expected: ok(11, 110, { notices: [{ code: "packaging-chosen", values: { packaging: "DL padded" } }] }),
  },
];

const SUBSTITUTE_OR_LEAVE = (whenUnavailable: "substitute" | "leave-out") => ({
  registeredMailRules: [
    { tag: "einwurf", service: "EINSCHREIBEN_EINWURF" as const, whenUnavailable },
    { tag: "rs", service: "EINSCHREIBEN_RUECKSCHEIN" as const, whenUnavailable },
  ],
});
const services: Case[] = [
  {
    name: "built-in rule: shipping method 'Einschreiben' gets Einschreiben (issue 13.4)",
    order: { shipping: "Einschreiben" },
    settings: { registeredMailFromShippingMethod: true },
    expected: ok(1027, 445, { reason: 'shipping method named "Einschreiben"', flags: [] }),
  },
  {
    name: "built-in rule: 'Einschreiben Einwurf' gets Einwurf, not the dearer Einschreiben",
    order: { shipping: "DHL Einschreiben Einwurf" },
    settings: { registeredMailFromShippingMethod: true },
    expected: ok(1022, 415),
  },
  {
    name: "built-in rule: 'Einschreiben mit Rückschein' gets Rückschein",
    order: { shipping: "Einschreiben mit Rückschein" },
    settings: { registeredMailFromShippingMethod: true },
    expected: ok(1028, 665),
  },
  {
    name: "the merchant's own rule wins over the built-in one: Einwurf, and the paid Einschreiben is flagged",
    order: { shipping: "Einschreiben" },
    settings: {
      registeredMailFromShippingMethod: true,
      registeredMailRules: [{ shippingMethod: "einschreiben", service: "EINSCHREIBEN_EINWURF" }],
    },
    expected: ok(1022, 415, { flags: ["paid-service-missing"] }),
  },
  {
    name: "built-in rule off: plain Großbrief, and the preview warns the customer paid for Einschreiben",
    order: { shipping: "Einschreiben" },
    expected: ok(21, 180, {
      flags: ["paid-service-missing"],
      notices: [
        { code: "paid-service-missing", values: { service: "EINSCHREIBEN", shippingMethod: "Einschreiben" } },
      ],
    }),
  },
  {
    name: "Einwurf abroad, rule says substitute: Einschreiben, flagged and noted",
    order: { country: "FR", tags: ["einwurf"] },
    settings: SUBSTITUTE_OR_LEAVE("substitute"),
    expected: ok(11056, 700, {
      flags: ["einwurf-unavailable-abroad"],
      notices: [
        {
          code: "service-substituted",
          values: { service: "EINSCHREIBEN_EINWURF", substitute: "EINSCHREIBEN" },
        },
      ],
    }),
  },
  {
    name: "Einwurf abroad, rule says leave out: the order is left for the merchant",
    order: { country: "FR", tags: ["einwurf"] },
    settings: SUBSTITUTE_OR_LEAVE("leave-out"),
    expected: { error: "service-unavailable", values: { service: "EINSCHREIBEN_EINWURF", country: "FR" } },
  },
  {
    name: "Rückschein abroad, rule says leave out: left out",
    order: { country: "US", tags: ["rs"] },
    settings: SUBSTITUTE_OR_LEAVE("leave-out"),
    expected: { error: "service-unavailable", values: { service: "EINSCHREIBEN_RUECKSCHEIN" } },
  },
  {
    name: "Einwurf at home exists: leave-out changes nothing",
    order: { tags: ["einwurf"] },
    settings: SUBSTITUTE_OR_LEAVE("leave-out"),
    expected: ok(1022, 415, { flags: [] }),
  },
  {
    name: "threshold in the shop's currency: 'order value above USD 100.00'",
    order: { totalCents: 10_001, currency: "USD" },
    settings: { registeredMailRules: [{ orderValueAboveCents: 10_000, service: "EINSCHREIBEN" }] },
    expected: ok(1027, 445, { reason: "order value above USD 100.00" }),
  },
];

const countries: Case[] = [
  {
    name: "ZZ, Shopify's 'Unknown Region', is refused (Shopify CountryCode)",
    order: { address: { countryCode: "ZZ" } },
    expected: { error: "unusable-address", key: "country-unknown-region" },
  },
  {
    name: "AC, Shopify's code for Ascension, is refused: SH (Shopify CountryCode, ISO 3166-1)",
    order: { address: { countryCode: "AC" } },
    expected: { error: "unusable-address", key: "country-shopify-only", values: { useInstead: "SH" } },
  },
  {
    name: "TA, Shopify's code for Tristan da Cunha, is refused: SH",
    order: { address: { countryCode: "TA" } },
    expected: { error: "unusable-address", key: "country-shopify-only" },
  },
  {
    name: "XK is no assigned ISO 3166-1 code (the address binding needs alpha-3)",
    order: { address: { countryCode: "XK" } },
    expected: { error: "unusable-address", key: "country-not-iso" },
  },
  {
    name: "QQ is no country at all",
    order: { address: { countryCode: "QQ" } },
    expected: { error: "unusable-address", key: "country-not-iso" },
  },
  {
    name: "AQ Antarctica: no letter service",
    order: { address: { countryCode: "AQ" } },
    expected: { error: "destination-not-served", key: "country-no-postal-service" },
  },
  { name: "SH Saint Helena is served", order: { address: { countryCode: "SH" } }, expected: ok(10051, 330) },
];

describe("issue 16 and 13.4 edges", () => {
  describe("exact weights", () => runCases(exactWeights));
  describe("packaging by fit", () => runCases(packagingByFit));
  describe("registered-mail services", () => runCases(services));
  describe("countries", () => runCases(countries));

  it("reads the service from shipping method names", () => {
    const line = (title: string) => ({ title, code: null });
    expect(serviceNamedBy(line("Einschreiben"))).toBe("EINSCHREIBEN");
    expect(serviceNamedBy(line("Registered mail"))).toBe("EINSCHREIBEN");
    expect(serviceNamedBy(line("Einschreiben Rueckschein"))).toBe("EINSCHREIBEN_RUECKSCHEIN");
    expect(serviceNamedBy(line("Einwurf-Einschreiben"))).toBe("EINSCHREIBEN_EINWURF");
    expect(serviceNamedBy(line("Standardversand"))).toBeNull();
    expect(serviceNamedBy(null)).toBeNull();
  });

  it("gives every default packaging the capacity its thickness allows, no more", () => {
    for (const preset of DEFAULT_PACKAGING) {
      const derived = capacityOf({ ...preset, maxContentG: null });
      expect(preset.maxContentG, preset.id).toBeLessThanOrEqual(derived);
    }
  });
});
