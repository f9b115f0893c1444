import { config } from "./config.server";
import { db } from "./db.server";
import { internetmarke } from "./internetmarke.server";
import type { PageDeps } from "./settings/pages.server";

/** The process-wide parts a settings or preview service needs, for one request. */
export function appDeps(): PageDeps {
  return { db: db(), im: internetmarke(), encryptionKey: config().ENCRYPTION_KEY, now: new Date() };
}
