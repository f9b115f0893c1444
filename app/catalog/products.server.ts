/**
 * The Products API price list, cached in the database as one global snapshot (the Products API answers per
 * app, not per shop). Refreshed when older than a day (on use, and by `refreshCatalogIfStale` on a timer)
 * and on demand. A failed refresh keeps the last good copy and records the failure; a list whose codes,
 * prices or names differ from the one before is recorded as a new price list.
 */
import type { Db } from "~/db.server";
import type { InternetmarkeClient, Product } from "~/internetmarke";
import { describeFailure } from "./failure";
import {
  diffPriceLists,
  priceListChangesSchema,
  storedProductsSchema,
  type PriceListChanges,
} from "./price-list";

export const PRODUCT_CATALOG_ID = "products-api";
/** A snapshot older than this is refreshed on use. */
export const MAX_CATALOG_AGE_MS = 24 * 60 * 60 * 1000;
/** After a failed refresh, automatic refreshes wait this long (a button refreshes at once). */
export const RETRY_AFTER_FAILURE_MS = 15 * 60 * 1000;

export interface ProductCatalogState {
  products: Product[];
  sourceDate: string | null;
  /** The last good fetch; null when the API never answered. */
  fetchedAt: Date | null;
  priceListChange: { since: Date; changes: PriceListChanges } | null;
  /** The newest failed attempt, if it came after the last good fetch. */
  lastFailure: { at: Date; message: string } | null;
  lastAttemptAt: Date | null;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

type Row = Awaited<ReturnType<Db["productCatalog"]["findUnique"]>>;

function stateOf(row: Row): ProductCatalogState {
  if (!row) {
    return {
      products: [],
      sourceDate: null,
      fetchedAt: null,
      priceListChange: null,
      lastFailure: null,
      lastAttemptAt: null,
    };
  }
  const products = storedProductsSchema.safeParse(parseJson(row.products));
  const changes = priceListChangesSchema.safeParse(parseJson(row.priceListChanges));
  const failedLater =
    row.lastFailureAt !== null &&
    (row.fetchedAt === null || row.lastFailureAt.getTime() >= row.fetchedAt.getTime());
  return {
    products: products.success ? products.data : [],
    sourceDate: row.sourceDate,
    fetchedAt: row.fetchedAt,
    priceListChange:
      row.priceListChangedAt && changes.success
        ? { since: row.priceListChangedAt, changes: changes.data }
        : null,
    lastFailure:
      failedLater && row.lastFailureAt ? { at: row.lastFailureAt, message: row.lastFailure ?? "" } : null,
    lastAttemptAt: row.lastAttemptAt,
  };
}

export async function loadProductCatalog(db: Db): Promise<ProductCatalogState> {
  return stateOf(await db.productCatalog.findUnique({ where: { id: PRODUCT_CATALOG_ID } }));
}

export type RefreshOutcome =
  { ok: true; state: ProductCatalogState } | { ok: false; error: string; state: ProductCatalogState };

/** Fetches the price list now. On failure the stored copy stays as it was and the failure is recorded. */
export async function refreshProductCatalog(
  db: Db,
  im: Pick<InternetmarkeClient, "products">,
  now: Date,
): Promise<RefreshOutcome> {
  let fetched: { date: string | null; products: Product[] };
  try {
    fetched = await im.products();
  } catch (error) {
    const message = describeFailure(error);
    const row = await db.productCatalog.upsert({
      where: { id: PRODUCT_CATALOG_ID },
      create: { id: PRODUCT_CATALOG_ID, lastAttemptAt: now, lastFailureAt: now, lastFailure: message },
      update: { lastAttemptAt: now, lastFailureAt: now, lastFailure: message },
    });
    return { ok: false, error: message, state: stateOf(row) };
  }
  const row = await db.$transaction(async (tx) => {
    const previous = stateOf(await tx.productCatalog.findUnique({ where: { id: PRODUCT_CATALOG_ID } }));
    const changes = previous.fetchedAt === null ? null : diffPriceLists(previous.products, fetched.products);
    const data = {
      products: JSON.stringify(fetched.products),
      sourceDate: fetched.date,
      fetchedAt: now,
      lastAttemptAt: now,
      ...(changes ? { priceListChangedAt: now, priceListChanges: JSON.stringify(changes) } : {}),
    };
    return tx.productCatalog.upsert({
      where: { id: PRODUCT_CATALOG_ID },
      create: { id: PRODUCT_CATALOG_ID, ...data },
      update: data,
    });
  });
  return { ok: true, state: stateOf(row) };
}

/** The calendar year in Germany (prices change at midnight Berlin time on 1 January). */
const berlinYear = (at: Date) =>
  Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Europe/Berlin" }).format(at));

/**
 * Whether an automatic refresh is due: no good copy yet, older than a day, or fetched in an earlier year
 * (Deutsche Post's new prices take effect on 1 January), and no failure just now.
 */
export function isStale(state: ProductCatalogState, now: Date): boolean {
  const recentFailure =
    state.lastFailure !== null && now.getTime() - state.lastFailure.at.getTime() < RETRY_AFTER_FAILURE_MS;
  if (recentFailure) return false;
  if (state.fetchedAt === null) return true;
  if (berlinYear(state.fetchedAt) < berlinYear(now)) return true;
  return now.getTime() - state.fetchedAt.getTime() >= MAX_CATALOG_AGE_MS;
}

/** The price list for use now: refreshed first when stale; the last good copy when the refresh fails. */
export async function productCatalogForUse(
  db: Db,
  im: Pick<InternetmarkeClient, "products">,
  now: Date,
): Promise<ProductCatalogState> {
  const state = await loadProductCatalog(db);
  if (!isStale(state, now)) return state;
  return (await refreshProductCatalog(db, im, now)).state;
}
