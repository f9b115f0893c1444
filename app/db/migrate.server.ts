import { mkdirSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { type DatabaseTarget, sqliteFile } from "./database-url";
import {
  type AppliedMigration,
  type Migration,
  MigrationError,
  migrationsDir,
  newMigrationId,
  pendingMigrations,
  readMigrations,
} from "./migrations.server";

/**
 * Applies Prisma-format migrations without Prisma's schema engine and records them in
 * _prisma_migrations exactly as `prisma migrate deploy` does, so either tool can take over.
 * Each migration runs in one transaction together with its record; concurrent starts are serialised
 * (PostgreSQL: the advisory lock Prisma uses; SQLite: an immediate write transaction).
 */
export async function migrate(target: DatabaseTarget, prismaDir?: string): Promise<string[]> {
  const files = readMigrations(migrationsDir(target.provider, prismaDir));
  if (target.provider === "postgresql") return migratePostgres(target, files);
  const file = sqliteFile(target);
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true }); // a new SQLite file needs its folder
  return migrateSqlite(target.url, files);
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

async function migrateSqlite(url: string, files: Migration[]): Promise<string[]> {
  const client = createClient({ url });
  const applied: string[] = [];
  try {
    await client.execute("PRAGMA busy_timeout = 10000");
    await client.execute(SQLITE_TABLE);
    for (;;) {
      const tx = await client.transaction("write");
      try {
        const rows = await tx.execute(
          'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
        );
        const next = pendingMigrations(
          files,
          rows.rows.map((r) => toApplied(r)),
        )[0];
        if (!next) {
          await tx.rollback();
          return applied;
        }
        const startedAt = Date.now();
        await tx.executeMultiple(next.sql);
        await tx.execute({
          sql: 'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)',
          args: [newMigrationId(), next.checksum, Date.now(), next.name, startedAt],
        });
        await tx.commit();
        applied.push(next.name);
      } catch (error) {
        if (!tx.closed) await tx.rollback();
        throw wrap(error);
      }
    }
  } finally {
    client.close();
  }
}

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** The advisory lock key `prisma migrate` takes, so this runner and Prisma exclude each other. */
const PRISMA_ADVISORY_LOCK = 72707369;

async function migratePostgres(target: DatabaseTarget, files: Migration[]): Promise<string[]> {
  const url = new URL(target.url);
  url.searchParams.delete("schema");
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK})`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(target.schema)}`);
    await client.query(`SET search_path TO ${quoteIdent(target.schema)}`);
    await client.query(POSTGRES_TABLE);
    const { rows } = await client.query<AppliedMigration>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
    );
    for (const next of pendingMigrations(files, rows)) {
      const id = newMigrationId();
      await client.query("BEGIN");
      try {
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
          [id, next.checksum, next.name],
        );
        await client.query(next.sql);
        await client.query(
          'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
          [id],
        );
        await client.query("COMMIT");
        applied.push(next.name);
      } catch (error) {
        await client.query("ROLLBACK");
        throw wrap(error, next.name);
      }
    }
    return applied;
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK})`).catch(() => undefined);
    await client.end();
  }
}

function toApplied(row: Record<string, unknown>): AppliedMigration {
  return {
    migration_name: String(row.migration_name),
    checksum: String(row.checksum),
    finished_at: row.finished_at,
    rolled_back_at: row.rolled_back_at,
  };
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function wrap(error: unknown, migration?: string): Error {
  if (error instanceof MigrationError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new MigrationError(migration ? `Migration ${migration} failed: ${message}` : message);
}
