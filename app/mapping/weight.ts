// Shipping weight: Σ(item weight × quantity) over items that require shipping, plus the packaging tare,
// summed exactly and rounded once (issue 16): a 15.0 g item in a 5.0 g envelope is a 20 g Standardbrief.
import type { OrderForMapping } from "./types";

export type ItemsWeight =
  { ok: true; itemsG: number; defaulted: string[]; shippable: number } | { ok: false; missing: string[] };

/** Shopify reports 0 g for a variant whose weight was never set, so 0 (or less) counts as missing. */
const knownWeight = (weightG: number | null): weightG is number =>
  weightG !== null && Number.isFinite(weightG) && weightG > 0;

/**
 * Weights are added in milligrams (integers), so a sum is exact whatever the order of the items: Shopify's
 * weights come as a value and a unit (app/preview/weight.ts converts with the exact factors); a milligram is
 * far below any scale's resolution, so this loses nothing that could change a product.
 */
const milligrams = (grams: number): number => Math.round(grams * 1000);

/** The goods' weight in grams, exact to the milligram; nothing rounded up yet. */
export function itemsWeight(order: OrderForMapping, defaultItemWeightG: number | null): ItemsWeight {
  let totalMg = 0;
  let shippable = 0;
  const missing: string[] = [];
  for (const item of order.lineItems) {
    if (!item.requiresShipping || !(item.quantity > 0)) continue;
    shippable++;
    if (knownWeight(item.weightG)) totalMg += milligrams(item.weightG) * item.quantity;
    else {
      if (!missing.includes(item.title)) missing.push(item.title);
      if (defaultItemWeightG !== null) totalMg += milligrams(defaultItemWeightG) * item.quantity;
    }
  }
  if (missing.length > 0 && defaultItemWeightG === null) return { ok: false, missing };
  return { ok: true, itemsG: totalMg / 1000, defaulted: missing, shippable };
}

export interface ShippingWeight {
  /** Goods plus packaging to 0.1 g (the precision the merchant sees: "20,0 g"). */
  exactG: number;
  /** Whole grams, rounded up once from `exactG`: compared inclusively with each product's limit. */
  chargedG: number;
}

/**
 * Goods plus tare, rounded once: first to 0.1 g (a letter scale's precision; float noise such as
 * 19.99999 g from ounces disappears), then up to whole grams, so a letter is never under-franked and
 * exactly 20.0 g stays a 20 g letter.
 */
export function shippingWeight(itemsG: number, tareG: number): ShippingWeight {
  const tenths = Math.round((milligrams(itemsG) + milligrams(tareG)) / 100);
  return { exactG: tenths / 10, chargedG: Math.ceil(tenths / 10) };
}

/** Whole grams, rounded up (never under-frank), without float noise turning 300 into 301. */
export function roundUpGrams(value: number): number {
  return Math.ceil(Math.round(value * 1000) / 1000);
}
