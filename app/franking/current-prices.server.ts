/**
 * The prices in force now for a shop: the Products API's list (refreshed when stale, and always after the
 * turn of the year; see `isStale`) with the shop's contract prices first. Empty when no list is known yet.
 */
import { loadPortokasseCatalog } from "~/catalog/portokasse-catalog.server";
import { toMappingCatalog } from "~/catalog/price-list";
import { productCatalogForUse } from "~/catalog/products.server";
import type { Db } from "~/db.server";
import type { InternetmarkeClient } from "~/internetmarke";

export async function currentPrices(
  db: Db,
  im: Pick<InternetmarkeClient, "products">,
  shopId: string,
  now: Date,
): Promise<ReadonlyMap<number, number>> {
  const list = await productCatalogForUse(db, im, now);
  if (list.fetchedAt === null) return new Map();
  const kasse = await loadPortokasseCatalog(db, shopId);
  return new Map(
    toMappingCatalog(list.products, kasse.contractProducts).products.map((p) => [p.code, p.priceCents]),
  );
}
