/**
 * What the settings pages load and save, for the authenticated shop. Loader data is plain JSON (dates as
 * ISO strings) and never holds a password or its ciphertext.
 */
import { iso } from "~/components/format";
import {
  loadPortokasseCatalog,
  portokasseCatalogForUse,
  refreshPortokasseCatalog,
} from "~/catalog/portokasse-catalog.server";
import { loadProductCatalog, productCatalogForUse, refreshProductCatalog } from "~/catalog/products.server";
import type { Db } from "~/db.server";
import type { InternetmarkeClient } from "~/internetmarke";
import { loadPortokasse, portokasseFor, type PortokasseView } from "~/portokasse/connection.server";
import { shopFor } from "~/shops.server";
import { formToObject, withCents } from "./form";
import {
  loadSettings,
  saveSettingsSection,
  type SettingsContext,
  type SettingsSection,
} from "./settings.server";

export interface PageDeps {
  db: Db;
  im: InternetmarkeClient;
  encryptionKey: string;
  now: Date;
}

export function portokasseJson(view: PortokasseView | null) {
  if (!view) return null;
  return {
    username: view.username,
    balanceCents: view.balanceCents,
    balanceCheckedAt: iso(view.balanceCheckedAt),
    lastCheckedAt: iso(view.lastCheckedAt),
    problem: view.problem,
  };
}

/** What the catalogs know, to check references in the settings. */
export async function settingsContext(db: Db, shopId: string): Promise<SettingsContext> {
  const [prices, kasse] = [await loadProductCatalog(db), await loadPortokasseCatalog(db, shopId)];
  return {
    productCodes: prices.fetchedAt ? prices.products.map((p) => p.productCode) : null,
    pageFormats: kasse.fetchedAt ? kasse.pageFormats : null,
    motifIds: kasse.fetchedAt ? [...kasse.publicMotifs, ...kasse.privateMotifs].map((m) => m.imageId) : null,
  };
}

/** Settings, the price list's products and the shop's Portokasse catalog (refreshed when older than a day). */
export async function loadSettingsPage(deps: PageDeps, shopDomain: string) {
  const shop = await shopFor(deps.db, shopDomain);
  const settings = await loadSettings(deps.db, shop.id);
  const prices = await productCatalogForUse(deps.db, deps.im, deps.now);
  const linked = await portokasseFor(deps.db, deps.im, shop.id, deps.encryptionKey);
  const kasse = await portokasseCatalogForUse(deps.db, shop.id, linked?.kasse ?? null, deps.now);
  return {
    settings,
    products: prices.products
      .filter((p) => p.destination !== "unknown")
      .map((p) => ({
        code: p.productCode,
        name: p.name,
        priceCents: p.priceCents,
        destination: p.destination,
      })),
    pageFormats: kasse.pageFormats,
    motifs: [
      ...kasse.privateMotifs.map((m) => ({ ...m, private: true })),
      ...kasse.publicMotifs.map((m) => ({ ...m, private: false })),
    ],
    catalogFetchedAt: iso(kasse.fetchedAt),
    portokasse: portokasseJson(await loadPortokasse(deps.db, shop.id)),
  };
}

export async function saveSettingsPage(
  deps: PageDeps,
  shopDomain: string,
  section: SettingsSection,
  form: FormData,
) {
  const shop = await shopFor(deps.db, shopDomain);
  const input = withCents(formToObject(form));
  return saveSettingsSection(deps.db, shop.id, section, input, await settingsContext(deps.db, shop.id));
}

/** The overview: price list state, the shop's Portokasse and its catalog. */
export async function loadSettingsOverview(deps: PageDeps, shopDomain: string) {
  const shop = await shopFor(deps.db, shopDomain);
  const prices = await productCatalogForUse(deps.db, deps.im, deps.now);
  const kasse = await loadPortokasseCatalog(deps.db, shop.id);
  const change = prices.priceListChange;
  return {
    priceList: {
      count: prices.products.length,
      sourceDate: prices.sourceDate,
      fetchedAt: iso(prices.fetchedAt),
      lastFailure: prices.lastFailure
        ? { at: iso(prices.lastFailure.at), message: prices.lastFailure.message }
        : null,
      change: change
        ? {
            since: iso(change.since),
            prices: change.changes.pricesChanged.length,
            added: change.changes.added.length,
            removed: change.changes.removed.length,
            renamed: change.changes.renamed.length,
          }
        : null,
    },
    portokasse: portokasseJson(await loadPortokasse(deps.db, shop.id)),
    kasseCatalog: {
      fetchedAt: iso(kasse.fetchedAt),
      formats: kasse.pageFormats.length,
      motifs: kasse.publicMotifs.length + kasse.privateMotifs.length,
      contract: kasse.contractProducts.length,
      lastFailure: kasse.lastFailure
        ? { at: iso(kasse.lastFailure.at), message: kasse.lastFailure.message }
        : null,
    },
  };
}

/** The "refresh" buttons: the price list, or the shop's page formats and motifs. */
export async function refreshCatalogs(deps: PageDeps, shopDomain: string, what: "prices" | "portokasse") {
  if (what === "prices") {
    const outcome = await refreshProductCatalog(deps.db, deps.im, deps.now);
    return { ok: outcome.ok, error: outcome.ok ? null : outcome.error };
  }
  const shop = await shopFor(deps.db, shopDomain);
  const linked = await portokasseFor(deps.db, deps.im, shop.id, deps.encryptionKey);
  if (!linked) return { ok: false, error: "not-connected" };
  const outcome = await refreshPortokasseCatalog(deps.db, shop.id, linked.kasse, deps.now);
  return { ok: outcome.ok, error: outcome.error };
}
