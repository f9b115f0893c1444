/**
 * `npm run setup`: generates the Prisma clients and brings the configured database
 * (DATABASE_URL, default SQLite file ./data/app.sqlite) up to the latest migration.
 */
import { spawnSync } from "node:child_process";
import { databaseTarget } from "../app/db/database-url";
import { migrate } from "../app/db/migrate.server";

const generated = spawnSync(process.execPath, ["--import", "tsx", "scripts/generate.ts"], {
  stdio: "inherit",
});
if (generated.status !== 0) process.exit(generated.status ?? 1);

const target = databaseTarget(process.env.DATABASE_URL || "file:./data/app.sqlite");
const applied = await migrate(target);
console.info(
  applied.length > 0
    ? `Applied ${applied.length} migration(s) to the ${target.provider} database: ${applied.join(", ")}`
    : `The ${target.provider} database is up to date.`,
);
