/**
 * `npm start` (production): checks the configuration, applies pending migrations, serves ./build.
 * Run `npm run build` first (the Dockerfile does).
 */
import { ConfigError, config } from "../app/config.server";
import { databaseTarget } from "../app/db/database-url";
import { migrate } from "../app/db/migrate.server";
import { startAppServer } from "../app/server/http.server";
import { db } from "../app/db.server";
import {
  checkStoredSecrets,
  sealTokensInClear,
  UnreadableSecretsError,
} from "../app/secrets/stored-secrets.server";

try {
  config();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const applied = await migrate(databaseTarget(config().DATABASE_URL));
if (applied.length > 0) console.info(`Applied migrations: ${applied.join(", ")}`);

// Every stored secret must open with the configured keys: a wrong key stops here, before any
// Portokasse looks unlinked or any token fails (ADR 010). Tokens from older versions are then sealed.
try {
  await checkStoredSecrets(db(), config().ENCRYPTION_KEY);
} catch (error) {
  if (error instanceof UnreadableSecretsError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const sealed = await sealTokensInClear(db(), config().ENCRYPTION_KEY);
if (sealed > 0) console.info(`Encrypted ${sealed} Shopify token(s) stored in clear by an older version.`);
const server = await startAppServer({ mode: "production", port: config().PORT });
console.info(`Frankiermeister listens on ${server.origin}`);

// Background work of this process: buying batches and refunds. Any number of app processes may run
// them against one PostgreSQL; leases in the database give each batch and refund to one worker.
// Taken from the server build (app/entry.server.tsx exports it): importing app/workers.server here would
// load shopify.server and the database client a second time, from the sources.
const exported: unknown = server.build?.entry.module;
const start =
  typeof exported === "object" && exported !== null ? Reflect.get(exported, "startBackgroundWorkers") : null;
if (typeof start !== "function") throw new Error("The server build does not export startBackgroundWorkers");
const workers = (start as () => { stop(): Promise<void> })();

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void workers
      .stop()
      .then(() => server.close())
      .then(() => process.exit(0));
  });
}
