/** Totals of a batch preview by product, and the cost against the Portokasse balance. Pure. */
import type { MappingNotice, ReasonParams } from "~/mapping";

export type PreviewError =
  | "invalid-id"
  | "not-found"
  | "cancelled"
  | "already-fulfilled"
  | "nothing-to-ship"
  | "no-price-list"
  | "missing-address"
  | "unusable-address"
  | "postal-code-rejected"
  | "missing-weight"
  | "too-heavy"
  | "too-large"
  | "destination-not-served"
  | "no-product"
  | "override-invalid"
  | "service-unavailable"
  | "no-packaging-fits"
  | "no-fulfillment-order"
  | "fulfillment-on-hold"
  | "several-locations"
  | "not-shipped"
  | "protected-data-denied";

export type PreviewLine =
  | {
      orderId: string;
      orderName: string;
      ok: true;
      productCode: number;
      productName: string;
      priceCents: number;
      weightG: number;
      /** Goods plus packaging to 0.1 g, before rounding up to `weightG`. */
      exactWeightG: number;
      flags: string[];
      /** Notes as data (exact weight, packaging, customs form, substitutions), rendered by app/i18n/mapping-text.ts. */
      notices: MappingNotice[];
      reason: string;
      reasonParams: ReasonParams | null;
    }
  | {
      orderId: string;
      orderName: string | null;
      ok: false;
      error: PreviewError;
      reason: string;
      reasonParams: ReasonParams | null;
    };

export interface ProductTotal {
  productCode: number;
  productName: string;
  count: number;
  unitPriceCents: number;
  totalCents: number;
}

export interface BalanceCheck {
  /** null: no Portokasse linked, or its balance is unknown. */
  balanceCents: number | null;
  balanceCheckedAt: Date | null;
  totalCents: number;
  /** null when the balance is unknown. */
  sufficient: boolean | null;
  /** How much is missing when the balance does not suffice; 0 otherwise. */
  missingCents: number;
}

export function totalsByProduct(lines: readonly PreviewLine[]): ProductTotal[] {
  const totals = new Map<number, ProductTotal>();
  for (const line of lines) {
    if (!line.ok) continue;
    const total = totals.get(line.productCode) ?? {
      productCode: line.productCode,
      productName: line.productName,
      count: 0,
      unitPriceCents: line.priceCents,
      totalCents: 0,
    };
    total.count += 1;
    total.totalCents += line.priceCents;
    totals.set(line.productCode, total);
  }
  return [...totals.values()].sort((a, b) => b.totalCents - a.totalCents || a.productCode - b.productCode);
}

export function balanceCheck(
  lines: readonly PreviewLine[],
  balance: { cents: number | null; checkedAt: Date | null } | null,
): BalanceCheck {
  const totalCents = lines.reduce((sum, line) => sum + (line.ok ? line.priceCents : 0), 0);
  const cents = balance?.cents ?? null;
  const sufficient = cents === null ? null : cents >= totalCents;
  return {
    balanceCents: cents,
    balanceCheckedAt: cents === null ? null : (balance?.checkedAt ?? null),
    totalCents,
    sufficient,
    missingCents: cents === null || cents >= totalCents ? 0 : totalCents - cents,
  };
}
