import { describe, expect, it } from "vitest";
import { classifyCatalog, classifyProductName, type NameClass } from "./classify";
import { CATALOG_2025_2026 } from "../../test/support/mapping/catalog-2025-2026";
import type { FormatId, RegisteredMail } from "./types";

const letter = (format: FormatId, registeredMail: RegisteredMail | null = null): NameClass => ({
  kind: "letter",
  format,
  registeredMail,
});

describe("classifyProductName", () => {
  it.each<[string, NameClass]>([
    ["Standardbrief", letter("standard")],
    ["Kompaktbrief", letter("kompakt")],
    ["Großbrief", letter("gross")],
    ["GROSSBRIEF", letter("gross")],
    ["Maxibrief", letter("maxi")],
    ["Maxibrief bis 2000 g + Zusatzentgelt MBf", letter("maxi-2000")],
    ["Warensendung", letter("warensendung")],
    ["Warensendung 2.000 + Gewichtszuschlag", letter("warensendung-2000")],
    ["Standardbrief Integral + EINSCHREIBEN EINWURF", letter("standard", "EINSCHREIBEN_EINWURF")],
    ["Großbrief Integral + EINSCHREIBEN EINWURF", letter("gross", "EINSCHREIBEN_EINWURF")],
    ["Kompaktbrief Integral + EINSCHREIBEN", letter("kompakt", "EINSCHREIBEN")],
    ["Maxibrief Integral + EINSCHREIBEN + RÜCKSCHEIN", letter("maxi", "EINSCHREIBEN_RUECKSCHEIN")],
    ["Maxibrief Integral + EINSCHREIBEN + RUECKSCHEIN", letter("maxi", "EINSCHREIBEN_RUECKSCHEIN")],
    [
      "Maxibrief Integral + Zusatzentgelt MBf + EINSCHREIBEN EINWURF",
      letter("maxi-2000", "EINSCHREIBEN_EINWURF"),
    ],
    [
      "Maxibrief Integral + Zusatzentgelt MBf + EINSCHREIBEN + RÜCKSCHEIN",
      letter("maxi-2000", "EINSCHREIBEN_RUECKSCHEIN"),
    ],
    ["Standardbrief Intern. GK", letter("standard-intl")],
    ["Großbrief Intern. GK", letter("gross-intl")],
    ["Maxibrief Intern. bis 1.000g GK", letter("maxi-intl")],
    ["Maxibrief Intern. bis 2.000g GK", letter("maxi-intl-2000")],
    ["Maxibrief Intern. bis 2.000g GK Integral + EINSCHREIBEN", letter("maxi-intl-2000", "EINSCHREIBEN")],
    ["Kompaktbrief Intern. GK Integral + EINSCHREIBEN", letter("kompakt-intl", "EINSCHREIBEN")],
    ["  Standardbrief   bis 20 g ", letter("standard")],
  ])("%s", (name, expected) => {
    expect(classifyProductName(name)).toEqual(expected);
  });

  it.each([
    "Postkarte",
    "Postkarte Intern. GK Integral + EINSCHREIBEN",
    "Dialogpost Groß Internetmarke 251 - 500g",
    "Streifbandzeitung bis 50 g",
  ])("%s is not for shop orders", (name) => {
    expect(classifyProductName(name).kind).toBe("not-for-shop-orders");
  });

  it.each([
    "Superbrief",
    "Großbrief Prio",
    "Standardbrief + EINSCHREIBEN EIGENHÄNDIG",
    "Großbrief + Nachnahme",
    "Standardbrief Integral + EINSCHREIBEN EINWURF + RÜCKSCHEIN",
    "Standardbrief Intern. GK + EINSCHREIBEN EINWURF",
    "Großbrief + Zusatzentgelt MBf",
    "Maxibrief bis 1500 g",
    "Warensendung Intern.",
    "Warensendung + EINSCHREIBEN",
    "Maxibrief bis 1.000g bis 2.000g",
    "",
  ])("%j is unrecognised, never guessed", (name) => {
    expect(classifyProductName(name).kind).toBe("unrecognised");
  });
});

describe("classifyCatalog", () => {
  it("places every letter product of the 2025/2026 price list and reports the rest", () => {
    const { products, diagnostics } = classifyCatalog(CATALOG_2025_2026);
    expect(products).toHaveLength(32);
    expect(diagnostics.map((d) => d.issue)).toEqual(Array(17).fill("not-for-shop-orders"));
    const rueckschein2000 = products.find((p) => p.code === 1048);
    expect(rueckschein2000).toMatchObject({
      format: "maxi-2000",
      registeredMail: "EINSCHREIBEN_RUECKSCHEIN",
    });
    expect(rueckschein2000?.effectiveMaxWeightG).toBe(2000); // the API gives no maxWeight: the format table's
  });

  it("ignores unknown names, duplicates, bad prices and transport mismatches, and says why", () => {
    const { products, diagnostics } = classifyCatalog([
      { code: 1, name: "Standardbrief", priceCents: 95, transport: "national", maxWeightG: 20 },
      { code: 1, name: "Kompaktbrief", priceCents: 110, transport: "national", maxWeightG: 50 },
      { code: 2, name: "Brief Plus", priceCents: 99, transport: "national", maxWeightG: 20 },
      { code: 3, name: "Großbrief", priceCents: 0, transport: "national", maxWeightG: 500 },
      { code: 4, name: "Großbrief Intern. GK", priceCents: 330, transport: "national", maxWeightG: 500 },
      { code: 5, name: "Maxibrief", priceCents: 290, transport: "national", maxWeightG: 2000 },
    ]);
    expect(products.map((p) => [p.code, p.effectiveMaxWeightG])).toEqual([
      [1, 20],
      [5, 1000],
    ]);
    expect(diagnostics.map((d) => [d.code, d.issue])).toEqual([
      [1, "duplicate-code"],
      [2, "unrecognised-name"],
      [3, "invalid-price"],
      [4, "transport-mismatch"],
      [5, "max-weight-mismatch"],
    ]);
  });
});
