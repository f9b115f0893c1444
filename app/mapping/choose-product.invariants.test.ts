import { describe, expect, it } from "vitest";
import { chooseProduct } from "./choose-product";
import { CATALOG_2025_2026 } from "../../test/support/mapping/catalog-2025-2026";
import { item, order, settings } from "../../test/support/mapping/orders";
import type { CatalogProduct, MappingSettings, RegisteredMail } from "./types";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe("chooseProduct reasons", () => {
  it("says product, weight with packaging, zone and size in one line", () => {
    const result = chooseProduct(order(), settings(), CATALOG_2025_2026);
    expect(result).toMatchObject({
      ok: true,
      reason: "Großbrief: 320 g incl. 20 g packaging, domestic, 353 × 250 × 20 mm fits",
      reasonParams: {
        key: "chosen",
        values: { product: "Großbrief", weightG: 320, tareG: 20, zone: "domestic" },
      },
    });
  });

  it("names the heaviest letter when too heavy", () => {
    const result = chooseProduct(
      order({ itemsG: 2500, shipping: "Paket-Box" }),
      settings(),
      CATALOG_2025_2026,
    );
    expect(result).toEqual({
      ok: false,
      error: "too-heavy",
      reason: "Too heavy for letters: 2,540 g incl. 40 g packaging (Maxibrief takes up to 2,000 g)",
      reasonParams: {
        key: "too-heavy",
        values: {
          weightG: 2540,
          exactWeightG: 2540,
          tareG: 40,
          size: "300 × 200 × 30 mm",
          format: "Maxibrief",
          maxWeightG: 2000,
        },
      },
    });
  });
});

describe("chooseProduct invariants", () => {
  const rules = (service: RegisteredMail | null): Partial<MappingSettings> => ({
    registeredMailRules: service ? [{ service }] : [],
  });
  const grid = [20, 21, 50, 51, 500, 501, 1000, 1001, 2000, 2001].flatMap((totalG) =>
    ["DE", "FR", "US"].flatMap((country) =>
      ([null, "EINSCHREIBEN_EINWURF", "EINSCHREIBEN", "EINSCHREIBEN_RUECKSCHEIN"] as const).flatMap(
        (service) =>
          [false, true].map((allowWarensendung) => ({ totalG, country, service, allowWarensendung })),
      ),
    ),
  );
  const rotated = [...CATALOG_2025_2026.slice(20), ...CATALOG_2025_2026.slice(0, 20)];
  const interleaved = [
    ...CATALOG_2025_2026.filter((_, i) => i % 2 === 1),
    ...CATALOG_2025_2026.filter((_, i) => i % 2 === 0),
  ];

  it("chooses the same product whatever the catalog order", () => {
    for (const g of grid) {
      const o = order({ itemsG: g.totalG - 5, country: g.country });
      const s = settings({
        ...rules(g.service),
        defaultPackagingId: "dl",
        allowWarensendung: g.allowWarensendung,
      });
      const expected = chooseProduct(o, s, CATALOG_2025_2026);
      for (const catalog of [[...CATALOG_2025_2026].reverse(), rotated, interleaved]) {
        expect(chooseProduct(o, s, catalog), JSON.stringify(g)).toEqual(expected);
      }
    }
  });

  it("never picks a product that a cheaper fitting product undercuts", () => {
    for (const g of grid) {
      const s = settings({
        ...rules(g.service),
        defaultPackagingId: "dl",
        allowWarensendung: g.allowWarensendung,
      });
      const result = chooseProduct(order({ itemsG: g.totalG - 5, country: g.country }), s, CATALOG_2025_2026);
      if (!result.ok) continue;
      // Removing the chosen product must never yield a cheaper choice.
      const rest = CATALOG_2025_2026.filter((p) => p.code !== result.productCode);
      const next = chooseProduct(order({ itemsG: g.totalG - 5, country: g.country }), s, rest);
      if (next.ok) expect(next.priceCents, JSON.stringify(g)).toBeGreaterThanOrEqual(result.priceCents);
    }
  });

  it("is pure: frozen inputs, same answer twice", () => {
    const o = deepFreeze(order({ items: [item("Poster", null), item("Mug", 200)], tags: ["x"] }));
    const s = deepFreeze(
      settings({ defaultItemWeightG: 100, registeredMailRules: [{ tag: "x", service: "EINSCHREIBEN" }] }),
    );
    const catalog = deepFreeze([...CATALOG_2025_2026]);
    const first = chooseProduct(o, s, catalog);
    expect(chooseProduct(o, s, catalog)).toEqual(first);
    expect(first).toMatchObject({ ok: true, productCode: 1027, flags: ["missing-weight:Poster"] });
  });

  it("uses an international Rückschein product once the price list has one", () => {
    const withRueckschein: CatalogProduct[] = [
      ...CATALOG_2025_2026,
      {
        code: 11057,
        name: "Großbrief Intern. GK Integral + EINSCHREIBEN + RÜCKSCHEIN",
        priceCents: 950,
        transport: "international",
        maxWeightG: 500,
      },
    ];
    const result = chooseProduct(
      order({ country: "FR" }),
      settings(rules("EINSCHREIBEN_RUECKSCHEIN")),
      withRueckschein,
    );
    expect(result).toMatchObject({ ok: true, productCode: 11057, flags: [] });
  });
});
