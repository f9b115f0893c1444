import { db } from "~/db.server";
import { internetmarke } from "~/internetmarke.server";
import { isStale, loadProductCatalog, refreshProductCatalog } from "./products.server";

/**
 * Refreshes the global price list when it is older than a day (or missing). Never throws: a failure is
 * recorded with the catalog and the last good copy stays. Meant for a timer in the app server.
 */
export async function refreshCatalogIfStale(
  now: Date = new Date(),
): Promise<"refreshed" | "fresh" | "failed"> {
  const state = await loadProductCatalog(db());
  if (!isStale(state, now)) return "fresh";
  const outcome = await refreshProductCatalog(db(), internetmarke(), now);
  return outcome.ok ? "refreshed" : "failed";
}

/** Calls `refreshCatalogIfStale` every `intervalMs` (default hourly); returns a function that stops it. */
export function startCatalogRefreshTimer(intervalMs = 60 * 60 * 1000): () => void {
  const tick = () => {
    refreshCatalogIfStale().catch((error: unknown) => {
      console.warn(`Price list refresh failed: ${error instanceof Error ? error.name : "unknown error"}`);
    });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
