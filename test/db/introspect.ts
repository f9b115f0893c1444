import { createClient } from "@libsql/client";
import pg from "pg";
import type { DatabaseTarget } from "~/db/database-url";

/** What a migrated database actually holds, in a provider-neutral form. */
export interface TableShape {
  columns: Map<string, { type: string; notNull: boolean; hasDefault: boolean }>;
  primaryKey: string[];
  uniques: string[][];
  indexes: string[][];
  foreignKeys: Array<{ columns: string[]; table: string; references: string[]; onDelete: string }>;
}

export async function introspect(target: DatabaseTarget): Promise<Map<string, TableShape>> {
  return target.provider === "sqlite" ? introspectSqlite(target.url) : introspectPostgres(target);
}

async function introspectSqlite(url: string): Promise<Map<string, TableShape>> {
  const client = createClient({ url });
  const tables = new Map<string, TableShape>();
  try {
    const names = await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    );
    for (const row of names.rows) {
      const table = String(row.name);
      const shape: TableShape = {
        columns: new Map(),
        primaryKey: [],
        uniques: [],
        indexes: [],
        foreignKeys: [],
      };
      const info = await client.execute(`PRAGMA table_info("${table}")`);
      for (const c of info.rows) {
        shape.columns.set(String(c.name), {
          type: String(c.type).toUpperCase(),
          notNull: Number(c.notnull) === 1 || Number(c.pk) > 0,
          hasDefault: c.dflt_value !== null,
        });
        if (Number(c.pk) > 0) shape.primaryKey.push(String(c.name));
      }
      const indexes = await client.execute(`PRAGMA index_list("${table}")`);
      for (const index of indexes.rows) {
        if (String(index.origin) === "pk") continue;
        const cols = await client.execute(`PRAGMA index_info("${String(index.name)}")`);
        const columns = cols.rows.map((c) => String(c.name));
        (Number(index.unique) === 1 ? shape.uniques : shape.indexes).push(columns);
      }
      const fks = await client.execute(`PRAGMA foreign_key_list("${table}")`);
      for (const fk of fks.rows) {
        shape.foreignKeys.push({
          columns: [String(fk.from)],
          table: String(fk.table),
          references: [String(fk.to)],
          onDelete: String(fk.on_delete).toUpperCase(),
        });
      }
      tables.set(table, shape);
    }
  } finally {
    client.close();
  }
  return tables;
}

async function introspectPostgres(target: DatabaseTarget): Promise<Map<string, TableShape>> {
  const url = new URL(target.url);
  url.searchParams.delete("schema");
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const tables = new Map<string, TableShape>();
  try {
    const columns = await client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
      column_default: string | null;
    }>(
      "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = $1",
      [target.schema],
    );
    for (const c of columns.rows) {
      const shape = tables.get(c.table_name) ?? {
        columns: new Map(),
        primaryKey: [],
        uniques: [],
        indexes: [],
        foreignKeys: [],
      };
      shape.columns.set(c.column_name, {
        type: c.data_type.toUpperCase(),
        notNull: c.is_nullable === "NO",
        hasDefault: c.column_default !== null,
      });
      tables.set(c.table_name, shape);
    }
    const indexes = await client.query<{
      table: string;
      unique: boolean;
      primary: boolean;
      columns: string[];
    }>(
      `SELECT t.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary,
              array_agg(a.attname::text ORDER BY array_position(ix.indkey, a.attnum)) AS columns
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(ix.indkey)
        WHERE n.nspname = $1
        GROUP BY t.relname, ix.indexrelid, ix.indisunique, ix.indisprimary`,
      [target.schema],
    );
    for (const index of indexes.rows) {
      const shape = tables.get(index.table);
      if (!shape) continue;
      if (index.primary) shape.primaryKey = index.columns;
      else (index.unique ? shape.uniques : shape.indexes).push(index.columns);
    }
    const fks = await client.query<{
      table: string;
      column: string;
      ref_table: string;
      ref_column: string;
      delete_rule: string;
    }>(
      `SELECT tc.table_name AS table, kcu.column_name AS column, ccu.table_name AS ref_table,
              ccu.column_name AS ref_column, rc.delete_rule
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
         JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name AND rc.constraint_schema = tc.table_schema
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = $1`,
      [target.schema],
    );
    for (const fk of fks.rows) {
      tables.get(fk.table)?.foreignKeys.push({
        columns: [fk.column],
        table: fk.ref_table,
        references: [fk.ref_column],
        onDelete: fk.delete_rule.toUpperCase(),
      });
    }
  } finally {
    await client.end();
  }
  return tables;
}
