import { describe } from "vitest";
import { CATALOG_2025_2026 } from "../../test/support/mapping/catalog-2025-2026";
import { ok, runCases, weighing, type Case } from "../../test/support/mapping/cases";
import { item } from "../../test/support/mapping/orders";

const weightBoundaries: Case[] = [
  { name: "DE 20 g: Standardbrief", ...weighing(20), expected: ok(1, 95, { weightG: 20 }) },
  { name: "DE 21 g: Kompaktbrief", ...weighing(21), expected: ok(11, 110, { weightG: 21 }) },
  { name: "DE 50 g: Kompaktbrief", ...weighing(50), expected: ok(11, 110) },
  { name: "DE 51 g: Großbrief", ...weighing(51), expected: ok(21, 180) },
  { name: "DE 500 g: Großbrief", ...weighing(500), expected: ok(21, 180) },
  { name: "DE 501 g: Maxibrief", ...weighing(501), expected: ok(31, 290) },
  { name: "DE 1000 g: Maxibrief", ...weighing(1000), expected: ok(31, 290) },
  { name: "DE 1001 g: Maxibrief with Zusatzentgelt", ...weighing(1001), expected: ok(41, 510) },
  {
    name: "DE 2000 g: Maxibrief with Zusatzentgelt",
    ...weighing(2000),
    expected: ok(41, 510, { weightG: 2000 }),
  },
  {
    name: "DE 2001 g: too heavy",
    ...weighing(2001),
    expected: {
      error: "too-heavy",
      reason: "Too heavy for letters: 2,001 g incl. 5 g packaging (Maxibrief takes up to 2,000 g)",
    },
  },
  {
    name: "EU 20 g: Standardbrief Intern.",
    ...weighing(20, "FR"),
    expected: ok(10001, 125, { reason: "EU (FR)", flags: [] }),
  },
  { name: "EU 21 g: Kompaktbrief Intern.", ...weighing(21, "FR"), expected: ok(10011, 180) },
  { name: "EU 50 g: Kompaktbrief Intern.", ...weighing(50, "FR"), expected: ok(10011, 180) },
  { name: "EU 51 g: Großbrief Intern.", ...weighing(51, "FR"), expected: ok(10051, 330) },
  { name: "EU 500 g: Großbrief Intern.", ...weighing(500, "FR"), expected: ok(10051, 330) },
  { name: "EU 501 g: Maxibrief Intern. 1000", ...weighing(501, "FR"), expected: ok(10071, 650) },
  { name: "EU 1000 g: Maxibrief Intern. 1000", ...weighing(1000, "FR"), expected: ok(10071, 650) },
  { name: "EU 1001 g: Maxibrief Intern. 2000", ...weighing(1001, "FR"), expected: ok(10091, 1700) },
  { name: "EU 2000 g: Maxibrief Intern. 2000", ...weighing(2000, "FR"), expected: ok(10091, 1700) },
  {
    name: "EU 2001 g: too heavy",
    ...weighing(2001, "FR"),
    expected: { error: "too-heavy", reason: "(Maxibrief International takes up to 2,000 g)" },
  },
  {
    name: "world 20 g: Standardbrief Intern., customs form flagged",
    ...weighing(20, "US"),
    expected: ok(10001, 125, { reason: "world (US)", flags: ["customs-declaration"] }),
  },
  { name: "world 21 g: Kompaktbrief Intern.", ...weighing(21, "US"), expected: ok(10011, 180) },
  { name: "world 500 g: Großbrief Intern.", ...weighing(500, "JP"), expected: ok(10051, 330) },
  { name: "world 2000 g: Maxibrief Intern. 2000", ...weighing(2000, "US"), expected: ok(10091, 1700) },
  { name: "world 2001 g: too heavy", ...weighing(2001, "US"), expected: { error: "too-heavy" } },
];

const packaging: Case[] = [
  {
    name: "tare pushes 490 g over 500 g",
    order: { itemsG: 490 },
    expected: ok(31, 290, { weightG: 510, reason: "510 g incl. 20 g packaging" }),
  },
  {
    name: "480 g plus tare stays a Großbrief",
    order: { itemsG: 480 },
    expected: ok(21, 180, { weightG: 500 }),
  },
  {
    name: "30 mm box by shipping method excludes Großbrief",
    order: { itemsG: 200, shipping: "Paket-Box" },
    expected: ok(31, 290, {
      reason: "Maxibrief: 240 g incl. 40 g packaging, domestic, 300 × 200 × 30 mm fits",
    }),
  },
  { name: "packaging by tag", order: { itemsG: 15, tags: ["SMALL"] }, expected: ok(1, 95) },
  { name: "8 mm thick excludes Standardbrief", ...weighing(20, "DE", "dl-thick"), expected: ok(11, 110) },
  {
    name: "carton too large domestically",
    order: { itemsG: 400 },
    settings: { defaultPackagingId: "carton" },
    expected: {
      error: "too-large",
      reason:
        "Too large for letters: 400 × 300 × 100 mm is longer than 353 mm (Maxibrief takes up to 353 × 250 × 50 mm)",
    },
  },
  {
    name: "same carton fits the international Maxibrief",
    order: { itemsG: 400, country: "US" },
    settings: { defaultPackagingId: "carton" },
    expected: ok(10071, 650),
  },
  {
    name: "poster tube too long even abroad",
    order: { itemsG: 300, country: "FR" },
    settings: { defaultPackagingId: "tube" },
    expected: { error: "too-large", reason: "a side longer than 600 mm" },
  },
  {
    name: "too small for any letter",
    order: { itemsG: 5 },
    settings: { defaultPackagingId: "tiny" },
    expected: { error: "no-product", reason: "Too small for letters" },
  },
  {
    name: "packaging not set up",
    order: {},
    settings: { defaultPackagingId: "gone" },
    expected: { error: "no-product", reason: 'Packaging "gone" is not set up' },
  },
];

const weights: Case[] = [
  {
    name: "missing weight: default used and flagged",
    order: { items: [item("Poster", null), item("Mug", 200)] },
    settings: { defaultItemWeightG: 100 },
    expected: ok(21, 180, {
      weightG: 320,
      flags: ["missing-weight:Poster"],
      reason: "default weight 100 g used for Poster",
    }),
  },
  {
    name: "missing weight without a default is an error",
    order: { items: [item("Poster", null), item("Mug", 200), item("Card", 0)] },
    expected: { error: "missing-weight", reason: "No weight for Poster, Card" },
  },
  {
    name: "items that need no shipping are ignored",
    order: { items: [item("Gift card", null, 1, false), item("Mug", 200)] },
    expected: ok(21, 180, { weightG: 220 }),
  },
  {
    name: "quantity multiplies",
    order: { items: [item("Pin", 100, 3)] },
    expected: ok(21, 180, { weightG: 320 }),
  },
  {
    name: "fractional grams round up",
    order: { items: [item("Sticker", 33.3, 3)] },
    expected: ok(21, 180, { weightG: 120 }),
  },
  {
    name: "nothing to ship: only the packaging",
    order: { items: [item("Download", null, 1, false)] },
    expected: ok(21, 180, { weightG: 20, flags: ["no-items-require-shipping"] }),
  },
];

const warensendung: Case[] = [
  {
    name: "800 g: Warensendung when allowed",
    order: { itemsG: 780 },
    settings: { allowWarensendung: true },
    expected: ok(290, 270),
  },
  { name: "800 g: Maxibrief when not allowed", order: { itemsG: 780 }, expected: ok(31, 290) },
  {
    name: "1,500 g: Warensendung 2.000 when allowed",
    order: { itemsG: 1480 },
    settings: { allowWarensendung: true },
    expected: ok(331, 355),
  },
  {
    name: "300 g: Großbrief is cheaper than Warensendung",
    order: { itemsG: 280 },
    settings: { allowWarensendung: true },
    expected: ok(21, 180),
  },
  {
    name: "no Warensendung abroad",
    order: { itemsG: 780, country: "FR" },
    settings: { allowWarensendung: true },
    expected: ok(10071, 650),
  },
];

const NEW_PRICE_LIST = CATALOG_2025_2026.map((p) =>
  p.name === "Großbrief" ? { ...p, code: 9021, priceCents: 199 } : p,
);
const catalogs: Case[] = [
  {
    name: "reversed catalog: same choice",
    order: { itemsG: 780 },
    settings: { allowWarensendung: true },
    catalog: [...CATALOG_2025_2026].reverse(),
    expected: ok(290, 270),
  },
  {
    name: "cheaper product listed later wins",
    order: { itemsG: 200, shipping: "Paket-Box" },
    settings: { allowWarensendung: true },
    catalog: CATALOG_2025_2026.filter((p) => p.code === 31 || p.code === 290),
    expected: ok(290, 270),
  },
  { name: "new price list: same name, new code and price", catalog: NEW_PRICE_LIST, expected: ok(9021, 199) },
  {
    name: "unknown product names are ignored, however cheap",
    catalog: [
      { code: 999, name: "Großbrief Prio", priceCents: 1, transport: "national", maxWeightG: 500 },
      ...CATALOG_2025_2026,
    ],
    expected: ok(21, 180),
  },
  {
    name: "equal price: the lower code, not the first listed",
    catalog: [
      { code: 500, name: "Großbrief", priceCents: 180, transport: "national", maxWeightG: 500 },
      ...CATALOG_2025_2026,
    ],
    expected: ok(21, 180),
  },
  {
    name: "no international products",
    order: { country: "FR" },
    catalog: CATALOG_2025_2026.filter((p) => p.transport === "national"),
    expected: { error: "no-product", reason: "no international letter products" },
  },
];

describe("chooseProduct", () => {
  const groups = { weightBoundaries, packaging, weights, warensendung, catalogs };
  for (const [group, cases] of Object.entries(groups)) describe(group, () => runCases(cases));
});
