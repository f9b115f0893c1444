// Shipping weight: Σ(item weight × quantity) over items that require shipping, plus the packaging tare.
import type { OrderForMapping } from "./types";

export type ItemsWeight =
  { ok: true; itemsG: number; defaulted: string[]; shippable: number } | { ok: false; missing: string[] };

/** Shopify reports 0 g for a variant whose weight was never set, so 0 (or less) counts as missing. */
const knownWeight = (weightG: number | null): weightG is number =>
  weightG !== null && Number.isFinite(weightG) && weightG > 0;

export function itemsWeight(order: OrderForMapping, defaultItemWeightG: number | null): ItemsWeight {
  let total = 0;
  let shippable = 0;
  const missing: string[] = [];
  for (const item of order.lineItems) {
    if (!item.requiresShipping || !(item.quantity > 0)) continue;
    shippable++;
    if (knownWeight(item.weightG)) total += item.weightG * item.quantity;
    else {
      if (!missing.includes(item.title)) missing.push(item.title);
      if (defaultItemWeightG !== null) total += defaultItemWeightG * item.quantity;
    }
  }
  if (missing.length > 0 && defaultItemWeightG === null) return { ok: false, missing };
  return { ok: true, itemsG: roundUpGrams(total), defaulted: missing, shippable };
}

/** Whole grams, rounded up (never under-frank), without float noise turning 300 into 301. */
export function roundUpGrams(value: number): number {
  return Math.ceil(Math.round(value * 1000) / 1000);
}
