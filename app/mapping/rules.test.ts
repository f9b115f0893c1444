import { describe } from "vitest";
import { CATALOG_2025_2026 } from "../../test/support/mapping/catalog-2025-2026";
import { ok, runCases, type Case } from "../../test/support/mapping/cases";

const EINSCHREIBEN_BY_METHOD = { shippingMethod: "Einschreiben", service: "EINSCHREIBEN" } as const;
const EINWURF_BY_TAG = { tag: "einwurf", service: "EINSCHREIBEN_EINWURF" } as const;
const RUECKSCHEIN_ABOVE_100 = { orderValueAboveCents: 10_000, service: "EINSCHREIBEN_RUECKSCHEIN" } as const;
const ALL_SERVICE_RULES = {
  registeredMailRules: [EINWURF_BY_TAG, EINSCHREIBEN_BY_METHOD, RUECKSCHEIN_ABOVE_100],
};

const without = (codes: number[]) => CATALOG_2025_2026.filter((p) => !codes.includes(p.code));

const registeredMail: Case[] = [
  {
    name: "Einschreiben by shipping method",
    order: { shipping: "Einschreiben" },
    settings: ALL_SERVICE_RULES,
    expected: ok(1027, 445, { reason: 'Einschreiben by rule (shipping method "Einschreiben")' }),
  },
  {
    name: "Einschreiben by shipping method code, case-insensitive",
    order: { shipping: "EINSCHREIBEN" },
    settings: ALL_SERVICE_RULES,
    expected: ok(1027, 445),
  },
  {
    name: "Einwurf by tag",
    order: { tags: ["Einwurf"] },
    settings: ALL_SERVICE_RULES,
    expected: ok(1022, 415, { reason: 'Einschreiben Einwurf by rule (tag "einwurf")' }),
  },
  {
    name: "Rückschein above an order value",
    order: { totalCents: 10_001 },
    settings: ALL_SERVICE_RULES,
    expected: ok(1028, 665, { reason: "order value above €100.00" }),
  },
  {
    name: "order value exactly at the threshold: no rule",
    order: { totalCents: 10_000 },
    settings: ALL_SERVICE_RULES,
    expected: ok(21, 180),
  },
  {
    name: "strongest of several matching rules wins",
    order: { tags: ["einwurf"], shipping: "Einschreiben" },
    settings: ALL_SERVICE_RULES,
    expected: ok(1027, 445),
  },
  {
    name: "Einwurf in a Standardbrief",
    order: { itemsG: 15, tags: ["einwurf"] },
    settings: { ...ALL_SERVICE_RULES, defaultPackagingId: "dl" },
    expected: ok(1002, 330),
  },
  {
    name: "Einwurf abroad is upgraded to Einschreiben",
    order: { country: "FR", tags: ["einwurf"] },
    settings: ALL_SERVICE_RULES,
    expected: ok(11056, 700, {
      reason: "Einschreiben Einwurf is not available abroad, upgraded to Einschreiben",
      flags: ["einwurf-unavailable-abroad"], // issue 16: every substitution is flagged
    }),
  },
  {
    name: "Rückschein abroad becomes Einschreiben and is flagged",
    order: { country: "US", totalCents: 20_000 },
    settings: ALL_SERVICE_RULES,
    expected: ok(11056, 700, { flags: ["rueckschein-unavailable-abroad", "customs-declaration"] }),
  },
  {
    name: "Rückschein 1,500 g domestic",
    order: { itemsG: 1480, totalCents: 20_000 },
    settings: ALL_SERVICE_RULES,
    expected: ok(1048, 995),
  },
  {
    name: "Einschreiben 1,500 g domestic",
    order: { itemsG: 1480, shipping: "Einschreiben" },
    settings: ALL_SERVICE_RULES,
    expected: ok(1047, 775),
  },
  {
    name: "registered mail rules out a cheaper Warensendung",
    order: { itemsG: 780, shipping: "Einschreiben" },
    settings: { ...ALL_SERVICE_RULES, allowWarensendung: true },
    expected: ok(1037, 555),
  },
  {
    name: "no Großbrief Einschreiben in the price list: the Maxibrief one",
    order: { shipping: "Einschreiben" },
    settings: ALL_SERVICE_RULES,
    catalog: without([1027]),
    expected: ok(1037, 555),
  },
  {
    name: "no Einschreiben product at all in a partial price list",
    order: { shipping: "Einschreiben" },
    settings: ALL_SERVICE_RULES,
    catalog: without([1007, 1017, 1027, 1037, 1047]),
    expected: { error: "no-product", reason: "No product with Einschreiben for 320 g incl. 20 g packaging" },
  },
];

const overrides: Case[] = [
  {
    name: "valid override wins over the cheapest",
    order: { itemsG: 80, tags: ["maxi"] },
    settings: { productOverrides: [{ tag: "maxi", productCode: 31 }] },
    expected: ok(31, 290, { reason: 'Maxibrief (override for tag "maxi"): 100 g incl. 20 g packaging' }),
  },
  {
    name: "first matching override wins",
    order: { tags: ["maxi"], shipping: "Express" },
    settings: {
      productOverrides: [
        { shippingMethod: "express", productCode: 41 },
        { tag: "maxi", productCode: 31 },
      ],
    },
    expected: ok(41, 510),
  },
  {
    name: "override too heavy for its product",
    order: { tags: ["std"] },
    settings: { productOverrides: [{ tag: "std", productCode: 1 }] },
    expected: {
      error: "override-invalid",
      reason:
        'Override Standardbrief (1, for tag "std") does not fit: 320 g incl. 20 g packaging is over its 20 g limit',
    },
  },
  {
    name: "override for the wrong destination",
    order: { country: "FR", tags: ["gb"] },
    settings: { productOverrides: [{ tag: "gb", productCode: 21 }] },
    expected: { error: "override-invalid", reason: "it is a national product" },
  },
  {
    name: "override too thick for its format",
    order: { shipping: "Paket-Box", tags: ["gb"] },
    settings: { productOverrides: [{ tag: "gb", productCode: 21 }] },
    expected: { error: "override-invalid", reason: "thicker than 20 mm" },
  },
  {
    name: "override not in the price list",
    order: { tags: ["x"] },
    settings: { productOverrides: [{ tag: "x", productCode: 9999 }] },
    expected: { error: "override-invalid", reason: "is not in the current price list" },
  },
  {
    name: "override to Dialogpost",
    order: { tags: ["x"] },
    settings: { productOverrides: [{ tag: "x", productCode: 353 }] },
    expected: { error: "override-invalid", reason: "is not a letter product" },
  },
  {
    name: "override without the required registered mail is flagged",
    order: { tags: ["x"], shipping: "Einschreiben" },
    settings: { ...ALL_SERVICE_RULES, productOverrides: [{ tag: "x", productCode: 21 }] },
    // The customer chose the shipping method "Einschreiben": the preview warns that the product lacks it.
    expected: ok(21, 180, { flags: ["override-ignores-registered-mail", "paid-service-missing"] }),
  },
];

describe("chooseProduct: registered mail and overrides", () => {
  describe("registeredMail", () => runCases(registeredMail));
  describe("overrides", () => runCases(overrides));
});
