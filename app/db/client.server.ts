import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "~/generated/prisma/sqlite/client";
import { PrismaClient as PostgresClient } from "~/generated/prisma/postgresql/client";
import { type DatabaseTarget, sqliteFile } from "./database-url";
import { reuseLibsqlStatements } from "./libsql-statements.server";

/** Both generated clients share one model API (the schemas are twins); code is typed against it. */
export type Db = SqliteClient;

export interface DbOptions {
  /** PostgreSQL: the most connections this client opens (node-postgres pool `max`, default 10). */
  poolMax?: number;
}

export function createDb(target: DatabaseTarget, options: DbOptions = {}): Db {
  if (target.provider === "sqlite") {
    const file = sqliteFile(target);
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    reuseLibsqlStatements();
    return new SqliteClient({ adapter: new PrismaLibSQL({ url: target.url }) });
  }
  const url = new URL(target.url);
  url.searchParams.delete("schema");
  // Server options the URL already gives (`?options=-c statement_timeout=5000`) are kept, the search_path added.
  const given = url.searchParams.get("options");
  url.searchParams.delete("options");
  const adapter = new PrismaPg(
    {
      connectionString: url.toString(),
      max: options.poolMax ?? 10,
      // Raw statements (the few hot ones Prisma cannot express in one query) name tables unqualified: they
      // must find them in the same schema as Prisma's own queries.
      options: [given, `-c search_path=${quoteIdentifier(target.schema)}`].filter(Boolean).join(" "),
    },
    { schema: target.schema },
  );
  // The twin schemas generate the same model API; the clients' types differ only in the
  // isolation levels $transaction accepts (SQLite knows only Serializable), so the
  // PostgreSQL client is used through the SQLite client's type. The schema-twin test keeps them equal.
  return new PostgresClient({ adapter }) as unknown as Db;
}

/** A PostgreSQL identifier in double quotes (any quote inside doubled). */
function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
