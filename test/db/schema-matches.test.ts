import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createClient } from "@libsql/client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseProvider } from "~/db/database-url";
import { migrate } from "~/db/migrate.server";
import { migrationsDir, readMigrations } from "~/db/migrations.server";
import { createTestDatabase, postgresAvailable } from "../support/databases";
import { introspect, type TableShape } from "./introspect";
import { parsePrismaSchema, SCALARS, type SchemaModel } from "./prisma-schema";

const SCHEMA_FILES: Record<DatabaseProvider, string> = {
  sqlite: "prisma/schema.prisma",
  postgresql: "prisma/postgresql/schema.prisma",
};

const COLUMN_TYPES: Record<DatabaseProvider, Record<string, string>> = {
  sqlite: { String: "TEXT", Int: "INTEGER", BigInt: "BIGINT", Boolean: "BOOLEAN", DateTime: "DATETIME", Float: "REAL", Bytes: "BLOB" },
  postgresql: {
    String: "TEXT",
    Int: "INTEGER",
    BigInt: "BIGINT",
    Boolean: "BOOLEAN",
    DateTime: "TIMESTAMP WITHOUT TIME ZONE",
    Float: "DOUBLE PRECISION",
    Bytes: "BYTEA",
  },
};

const key = (columns: string[]) => columns.join(",");
const sortedKeys = (sets: string[][]) => sets.map(key).sort();

/** The table shape schema.prisma asks for, to compare with what the migrations built. */
function expectedShape(model: SchemaModel, models: SchemaModel[], provider: DatabaseProvider) {
  const scalars = model.fields.filter((f) => SCALARS.has(f.type) && !f.list);
  return {
    columns: Object.fromEntries(
      scalars.map((f) => [
        f.name,
        { type: COLUMN_TYPES[provider][f.type], notNull: !f.optional, hasDefault: f.hasDbDefault },
      ]),
    ),
    primaryKey: scalars.filter((f) => f.id).map((f) => f.name),
    uniques: sortedKeys([...scalars.filter((f) => f.unique).map((f) => [f.name]), ...model.uniques]),
    indexes: sortedKeys(model.indexes),
    foreignKeys: model.fields
      .filter((f) => f.relation && models.some((m) => m.name === f.type))
      .map((f) => ({
        columns: f.relation?.fields ?? [],
        table: f.type,
        references: f.relation?.references ?? [],
        onDelete: (f.relation?.onDelete ?? "Restrict").replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase(),
      }))
      .sort((a, b) => key(a.columns).localeCompare(key(b.columns))),
  };
}

function actualShape(table: TableShape) {
  return {
    columns: Object.fromEntries(table.columns),
    primaryKey: table.primaryKey,
    uniques: sortedKeys(table.uniques),
    indexes: sortedKeys(table.indexes),
    foreignKeys: [...table.foreignKeys].sort((a, b) => key(a.columns).localeCompare(key(b.columns))),
  };
}

async function migrationRows(provider: DatabaseProvider, url: string, schema: string) {
  const sql = 'SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name';
  if (provider === "sqlite") {
    const client = createClient({ url });
    const result = await client.execute(sql);
    client.close();
    return result.rows.map((r) => ({ ...r }));
  }
  const u = new URL(url);
  u.searchParams.delete("schema");
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  await client.query(`SET search_path TO "${schema}"`);
  const result = await client.query(sql);
  await client.end();
  return result.rows;
}

for (const provider of ["sqlite", "postgresql"] as const) {
  describe.skipIf(provider === "postgresql" && !postgresAvailable())(`a freshly migrated ${provider} database`, () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    let applied: string[];

    beforeAll(async () => {
      database = await createTestDatabase(provider);
      applied = await migrate(database.target);
    });
    afterAll(async () => database.drop());

    it("matches its schema.prisma model by model", async () => {
      const models = parsePrismaSchema(readFileSync(SCHEMA_FILES[provider], "utf8"));
      const tables = await introspect(database.target);
      expect([...tables.keys()].sort()).toEqual([...models.map((m) => m.name), "_prisma_migrations"].sort());
      for (const model of models) {
        const table = tables.get(model.name);
        expect(table, model.name).toBeDefined();
        if (table) expect(actualShape(table), model.name).toEqual(expectedShape(model, models, provider));
      }
    });

    it("records every migration the way Prisma does", async () => {
      const files = readMigrations(migrationsDir(provider));
      expect(applied).toEqual(files.map((f) => f.name));
      const rows = await migrationRows(provider, database.target.url, database.target.schema);
      expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
      for (const [i, row] of rows.entries()) {
        const file = files[i];
        expect(row.checksum).toBe(createHash("sha256").update(file?.sql ?? "").digest("hex"));
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
        expect(Number(row.applied_steps_count)).toBe(1);
      }
    });

    it("applies nothing the second time", async () => {
      expect(await migrate(database.target)).toEqual([]);
    });
  });
}

describe("the two schema files", () => {
  it("hold the same models (SQLite and PostgreSQL are twins)", () => {
    const sqlite = parsePrismaSchema(readFileSync(SCHEMA_FILES.sqlite, "utf8"));
    const postgres = parsePrismaSchema(readFileSync(SCHEMA_FILES.postgresql, "utf8"));
    expect(postgres).toEqual(sqlite);
  });

  it("have one migration history of the same names", () => {
    const names = (p: DatabaseProvider) => readMigrations(migrationsDir(p)).map((m) => m.name);
    expect(names("postgresql")).toEqual(names("sqlite"));
  });
});
