import type { Db } from "./db.server";

/** Called after every successful OAuth / token exchange: the shop is (again) installed. */
export async function recordInstall(db: Db, domain: string, scopes: string | null) {
  return db.shop.upsert({
    where: { domain },
    create: { domain, scopes },
    // Opening the app again (token exchange) gives the workers a fresh offline token: their work resumes.
    update: { uninstalledAt: null, shopifyAccessLostAt: null, scopes },
  });
}

/**
 * Shops the background workers may work for: installed, and Shopify still accepts the app's offline
 * token. Work of other shops waits (nothing is bought or lost) until the merchant opens the app again.
 */
export const REACHABLE_SHOP = { uninstalledAt: null, shopifyAccessLostAt: null } as const;

/** Shopify refused the shop's token refresh: its work waits and the app says why (see ShopifyAccessLostError). */
export async function markShopifyAccessLost(db: Db, domain: string, at: Date) {
  await db.shop.updateMany({
    where: { domain, shopifyAccessLostAt: null },
    data: { shopifyAccessLostAt: at },
  });
}

/** The shop row for an authenticated session; created on first use so every query can be scoped to it. */
export async function shopFor(db: Db, domain: string) {
  return db.shop.upsert({ where: { domain }, create: { domain }, update: {} });
}
