// The price list in force at a moment: the published list (data/price-list.json) with any new price lists
// scheduled by `schedulePriceList` applied from their `validFrom` on (Deutsche Post changes prices on
// 1 January). The checkout recomputes its total, the Products API and the contract products answer, all
// with the list in force at `now()`.
import { findProduct, priceList, type Product } from "./data";
import type { SimState } from "./state";

export interface ScheduledPriceList {
  validFrom: Date;
  /** New gross prices in cents by product code; codes not named keep their price. */
  prices: ReadonlyMap<number, number>;
}

function inForce(state: SimState, now: Date): ScheduledPriceList[] {
  return state.priceLists
    .filter((list) => list.validFrom.getTime() <= now.getTime())
    .sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
}

/** The product with the price in force at `now`, or undefined for an unknown code. */
export function productAt(state: SimState, now: Date, productCode: number): Product | undefined {
  const product = findProduct(productCode);
  if (!product) return undefined;
  let priceCents = product.priceCents;
  for (const list of inForce(state, now)) priceCents = list.prices.get(productCode) ?? priceCents;
  return { ...product, priceCents };
}

export function productsAt(state: SimState, now: Date): Product[] {
  return priceList.products.map((p) => productAt(state, now, p.productCode) ?? p);
}
