import { config } from "./config.server";
import { createDb, type Db } from "./db/client.server";
import { databaseTarget } from "./db/database-url";

export type { Db } from "./db/client.server";

declare global {
  // One client per process, also across Vite's module reloads in development.
  var __frankiermeisterDb: Db | undefined;
}

/** The process-wide Prisma client for the configured DATABASE_URL. */
export function db(): Db {
  globalThis.__frankiermeisterDb ??= createDb(databaseTarget(config().DATABASE_URL), {
    poolMax: config().DATABASE_POOL_MAX,
  });
  return globalThis.__frankiermeisterDb;
}
