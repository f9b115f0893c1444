import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { createDb, type Db } from "~/db/client.server";
import { type DatabaseProvider, type DatabaseTarget, databaseTarget } from "~/db/database-url";
import { migrate } from "~/db/migrate.server";

export interface TestDatabase {
  provider: DatabaseProvider;
  target: DatabaseTarget;
  db: Db;
  /** Removes the database (SQLite file or PostgreSQL schema). */
  drop(): Promise<void>;
}

/** A fresh, empty (unmigrated) database of the given kind, private to the caller. */
export async function createTestDatabase(provider: DatabaseProvider): Promise<Omit<TestDatabase, "db">> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "fm-test-"));
    return {
      provider,
      target: databaseTarget(`file:${path.join(dir, "test.sqlite")}`),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = inject("postgresUrl");
  if (!base) throw new Error("PostgreSQL is not available for tests");
  const schema = `t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = new URL(base);
  url.searchParams.set("schema", schema);
  return {
    provider,
    target: databaseTarget(url.toString()),
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

/** A fresh database with every migration applied and a connected Prisma client. */
export async function createMigratedDatabase(provider: DatabaseProvider): Promise<TestDatabase> {
  const fresh = await createTestDatabase(provider);
  await migrate(fresh.target);
  const db = createDb(fresh.target);
  return {
    ...fresh,
    db,
    drop: async () => {
      await db.$disconnect();
      await fresh.drop();
    },
  };
}

export const postgresAvailable = (): boolean => inject("postgresUrl") !== null;

/**
 * Runs a suite once on SQLite and once on PostgreSQL (skipped with a notice when no
 * PostgreSQL is reachable outside CI). The suite gets a migrated database for its own use.
 */
/** `provider` lets a suite add a test that only one database can have (say, SQLite's single writer). */
export function describeEachDatabase(
  title: string,
  body: (database: () => TestDatabase, provider: DatabaseProvider) => void,
): void {
  for (const provider of ["sqlite", "postgresql"] as const) {
    describe.skipIf(provider === "postgresql" && !postgresAvailable())(`${title} [${provider}]`, () => {
      let current: TestDatabase | undefined;
      beforeAll(async () => {
        current = await createMigratedDatabase(provider);
      });
      afterAll(async () => {
        await current?.drop();
      });
      body(() => {
        if (!current) throw new Error("database not ready");
        return current;
      }, provider);
    });
  }
}
