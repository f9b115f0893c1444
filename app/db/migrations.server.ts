import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseProvider } from "./database-url";

/** One folder of Prisma's migration format: <timestamp>_<name>/migration.sql. */
export interface Migration {
  name: string;
  sql: string;
  /** What Prisma stores in _prisma_migrations.checksum: the SHA-256 of the script, hex. */
  checksum: string;
}

export function migrationsDir(provider: DatabaseProvider, prismaDir = path.resolve("prisma")): string {
  return provider === "sqlite"
    ? path.join(prismaDir, "migrations")
    : path.join(prismaDir, provider, "migrations");
}

export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new Error(`No migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** A row of _prisma_migrations as Prisma reads it. */
export interface AppliedMigration {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/**
 * Decides what to apply, refusing the states `prisma migrate deploy` refuses:
 * a failed migration that was never resolved, and an applied migration whose file changed.
 */
export function pendingMigrations(files: Migration[], applied: AppliedMigration[]): Migration[] {
  const done = new Map<string, AppliedMigration>();
  for (const row of applied) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration ${row.migration_name} failed earlier and was not resolved; fix the database and mark it with \`prisma migrate resolve\`.`,
      );
    }
    done.set(row.migration_name, row);
  }
  for (const file of files) {
    const row = done.get(file.name);
    if (row && row.checksum !== file.checksum) {
      throw new MigrationError(`Migration ${file.name} was changed after it was applied.`);
    }
  }
  return files.filter((file) => !done.has(file.name));
}

export const newMigrationId = (): string => randomUUID();
