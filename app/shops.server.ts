import type { Db } from "./db.server";

/** Called after every successful OAuth / token exchange: the shop is (again) installed. */
export async function recordInstall(db: Db, domain: string, scopes: string | null) {
  return db.shop.upsert({
    where: { domain },
    create: { domain, scopes },
    update: { uninstalledAt: null, scopes },
  });
}

/** The shop row for an authenticated session; created on first use so every query can be scoped to it. */
export async function shopFor(db: Db, domain: string) {
  return db.shop.upsert({ where: { domain }, create: { domain }, update: {} });
}
