/**
 * libsql, the SQLite engine under `@libsql/client` (and so under Prisma's SQLite adapter), never frees a
 * prepared statement: neither when the statement is dropped nor when the garbage collector runs. The
 * client prepares a new statement for every query, so each Prisma query kept about 3.5 KB of native
 * memory for good: 1000 franked orders grew the process by about 100 MB, a day of work without bound
 * (ADR 007). A statement reused for the same SQL costs nothing more, and every use of the client's is
 * synchronous (prepare, set modes, run, read), so one statement per SQL text can serve every query.
 *
 * `reuseLibsqlStatements()` makes `Database.prepare` answer the statement it prepared before for the same
 * SQL on the same connection, keeping the most recently used `MAX_STATEMENTS` per connection (Prisma's
 * SQL is parameterised, so a shop's work uses a few hundred texts; one dropped from the cache still leaks
 * as before, so the leak is bounded by the texts, not by the queries).
 */
import { createRequire } from "node:module";

export const MAX_STATEMENTS = 500;

interface LibsqlDatabase {
  prepare(sql: string): unknown;
}
interface LibsqlDatabaseClass {
  prototype: LibsqlDatabase;
}

const PATCHED = Symbol.for("frankiermeister.libsql.reusedStatements");

/** The `libsql` module that `@libsql/client` itself loads (resolved from its own folder). */
function libsqlDatabaseClass(): LibsqlDatabaseClass & { [PATCHED]?: true } {
  const require = createRequire(import.meta.url);
  const client = require.resolve("@libsql/client");
  return createRequire(client)("libsql") as LibsqlDatabaseClass & { [PATCHED]?: true };
}

/** Installs the statement cache once per process; returns libsql's Database class (for tests). */
export function reuseLibsqlStatements(): LibsqlDatabaseClass {
  const Database = libsqlDatabaseClass();
  if (Database[PATCHED]) return Database;
  const prepare = Database.prototype.prepare;
  const caches = new WeakMap<object, Map<string, unknown>>();
  Database.prototype.prepare = function prepareOnce(this: LibsqlDatabase, sql: string): unknown {
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new Map()));
    const known = cache.get(sql);
    if (known !== undefined) {
      cache.delete(sql);
      cache.set(sql, known);
      return known;
    }
    const statement = prepare.call(this, sql);
    cache.set(sql, statement);
    if (cache.size > MAX_STATEMENTS) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    return statement;
  };
  Database[PATCHED] = true;
  return Database;
}
