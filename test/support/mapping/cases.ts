// Table-case runner for chooseProduct tests.
import { expect, it } from "vitest";
import { chooseProduct } from "~/mapping/choose-product";
import type { CatalogProduct, MappingErrorCode, MappingNotice, MappingSettings } from "~/mapping/types";
import { CATALOG_2025_2026 } from "./catalog-2025-2026";
import { order, settings, tareOf, type OrderSpec } from "./orders";

interface Success {
  code: number;
  price: number;
  weightG?: number;
  exactWeightG?: number;
  reason?: string;
  flags?: string[];
  /** Each listed notice must be among the result's notices (code and the values given). */
  notices?: Array<{ code: MappingNotice["code"]; values?: Record<string, string | number> }>;
  /** Notice codes that must not be there. */
  noNotices?: Array<MappingNotice["code"]>;
}

export type Expected =
  | Success
  | { error: MappingErrorCode; reason?: string; key?: string; values?: Record<string, string | number> };

export interface Case {
  name: string;
  order?: OrderSpec;
  settings?: Partial<MappingSettings>;
  catalog?: readonly CatalogProduct[];
  expected: Expected;
}

/** An order that weighs `totalG` including the tare of `packagingId`. */
export const weighing = (
  totalG: number,
  country = "DE",
  packagingId = "dl",
): Pick<Case, "order" | "settings"> => ({
  order: { itemsG: totalG - tareOf(packagingId), country },
  settings: { defaultPackagingId: packagingId },
});

export const ok = (code: number, price: number, more: Omit<Success, "code" | "price"> = {}) => ({
  code,
  price,
  ...more,
});

/** One `it` per case: the product and price, or the error code; reason substrings, weight and flags when given. */
export function runCases(cases: Case[]): void {
  it.each(cases)("$name", (c) => {
    const result = chooseProduct(order(c.order), settings(c.settings), c.catalog ?? CATALOG_2025_2026);
    if ("error" in c.expected) {
      expect(result).toMatchObject({ ok: false, error: c.expected.error });
      if (c.expected.reason) expect(result.reason).toContain(c.expected.reason);
      if (c.expected.key) expect(result.reasonParams?.key).toBe(c.expected.key);
      if (c.expected.values) expect(result.reasonParams?.values).toMatchObject(c.expected.values);
      return;
    }
    expect(result, result.reason).toMatchObject({
      ok: true,
      productCode: c.expected.code,
      priceCents: c.expected.price,
    });
    if (!result.ok) return;
    if (c.expected.weightG !== undefined) expect(result.weightG).toBe(c.expected.weightG);
    if (c.expected.reason) expect(result.reason).toContain(c.expected.reason);
    if (c.expected.flags) expect(result.flags).toEqual(c.expected.flags);
    if (c.expected.exactWeightG !== undefined) expect(result.exactWeightG).toBe(c.expected.exactWeightG);
    for (const notice of c.expected.notices ?? []) {
      expect(result.notices).toContainEqual(
        expect.objectContaining({ code: notice.code, values: expect.objectContaining(notice.values ?? {}) }),
      );
    }
    for (const code of c.expected.noNotices ?? []) {
      expect(result.notices.map((n) => n.code)).not.toContain(code);
    }
  });
}
