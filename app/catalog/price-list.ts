/**
 * Pure helpers for the Products API price list: the stored form, the comparison of two lists (a new PPL
 * is noticed by its codes, prices and names, not by its date) and the conversion to the mapping engine's
 * catalog, with the account's contract prices applied.
 */
import { z } from "zod";
import type { ContractProduct, Product } from "~/internetmarke";
import type { CatalogProduct } from "~/mapping";

export const storedProductSchema = z.object({
  productCode: z.number().int(),
  name: z.string(),
  destination: z.enum(["national", "international", "unknown"]),
  priceCents: z.number().int(),
  maxWeightGrams: z.number().nullable(),
});

export const storedProductsSchema = z.array(storedProductSchema);

export interface PriceChange {
  productCode: number;
  name: string;
  fromCents: number;
  toCents: number;
}

export interface PriceListChanges {
  pricesChanged: PriceChange[];
  added: Array<{ productCode: number; name: string }>;
  removed: Array<{ productCode: number; name: string }>;
  renamed: Array<{ productCode: number; from: string; to: string }>;
}

export const priceListChangesSchema = z.object({
  pricesChanged: z.array(
    z.object({ productCode: z.number(), name: z.string(), fromCents: z.number(), toCents: z.number() }),
  ),
  added: z.array(z.object({ productCode: z.number(), name: z.string() })),
  removed: z.array(z.object({ productCode: z.number(), name: z.string() })),
  renamed: z.array(z.object({ productCode: z.number(), from: z.string(), to: z.string() })),
});

/** What differs between two price lists; `null` when codes, prices and names are all the same. */
export function diffPriceLists(
  previous: readonly Product[],
  next: readonly Product[],
): PriceListChanges | null {
  const before = new Map(previous.map((p) => [p.productCode, p]));
  const after = new Map(next.map((p) => [p.productCode, p]));
  const changes: PriceListChanges = { pricesChanged: [], added: [], removed: [], renamed: [] };
  for (const product of next) {
    const old = before.get(product.productCode);
    if (!old) {
      changes.added.push({ productCode: product.productCode, name: product.name });
      continue;
    }
    if (old.priceCents !== product.priceCents) {
      changes.pricesChanged.push({
        productCode: product.productCode,
        name: product.name,
        fromCents: old.priceCents,
        toCents: product.priceCents,
      });
    }
    if (old.name !== product.name) {
      changes.renamed.push({ productCode: product.productCode, from: old.name, to: product.name });
    }
  }
  for (const old of previous) {
    if (!after.has(old.productCode)) changes.removed.push({ productCode: old.productCode, name: old.name });
  }
  const count =
    changes.pricesChanged.length + changes.added.length + changes.removed.length + changes.renamed.length;
  return count === 0 ? null : changes;
}

export interface MappingCatalog {
  products: CatalogProduct[];
  /** Products the engine cannot use: the API did not say national or international. */
  skipped: Array<{ productCode: number; name: string }>;
  /** Product codes whose price comes from the account's contract. */
  contractPriced: number[];
}

/**
 * The mapping engine's catalog: every product with a known destination, priced with the account's
 * contract price where it has one (contract products not in the price list cannot be named and are left out).
 */
export function toMappingCatalog(
  products: readonly Product[],
  contractProducts: readonly ContractProduct[] = [],
): MappingCatalog {
  const contract = new Map(contractProducts.map((c) => [c.productCode, c.priceCents]));
  const result: MappingCatalog = { products: [], skipped: [], contractPriced: [] };
  for (const product of products) {
    if (product.destination === "unknown") {
      result.skipped.push({ productCode: product.productCode, name: product.name });
      continue;
    }
    const contractPrice = contract.get(product.productCode);
    if (contractPrice !== undefined) result.contractPriced.push(product.productCode);
    result.products.push({
      code: product.productCode,
      name: product.name,
      priceCents: contractPrice ?? product.priceCents,
      transport: product.destination,
      maxWeightG: product.maxWeightGrams,
    });
  }
  return result;
}
