/**
 * Many rows into one table in one raw INSERT (ADR 029). Prisma 6.19's `createMany` compiles every row's values
 * into its query plan in WebAssembly: 25–32 ms of CPU for 100 orders on PostgreSQL, against 8–9 ms for the same
 * rows as one statement with bound parameters. Only the per-order inserts of the franking run use this.
 *
 * Every row names every column (an INSERT with several rows has one column list, and SQLite has no DEFAULT
 * inside VALUES), so what Prisma fills in itself (`@default(cuid())`, `@updatedAt`) the caller gives.
 */
import { Prisma } from "~/generated/prisma/sqlite/client";

/**
 * Every scalar column of a model's createMany input, each given (null where the column may be empty); a
 * date only as a Date, which the driver adapter writes in the form Prisma's own queries read and compare.
 */
type Column<V> = Date extends V ? Exclude<V, string | undefined> : Exclude<V, undefined>;
type AllColumns<T> = { [K in keyof T]-?: Column<T[K]> };

interface InsertableTables {
  FrankingOrder: AllColumns<Prisma.FrankingOrderCreateManyInput>;
  FrankingClaim: AllColumns<Prisma.FrankingClaimCreateManyInput>;
  Voucher: AllColumns<Prisma.VoucherCreateManyInput>;
  FulfillmentTask: AllColumns<Prisma.FulfillmentTaskCreateManyInput>;
}

export type InsertRow<T extends keyof InsertableTables> = InsertableTables[T];

/** What `$executeRaw` is on the client and on a transaction. */
interface RawWriter {
  $executeRaw(query: Prisma.Sql): Prisma.PrismaPromise<number>;
}

/**
 * Bound parameters in one statement at most: PostgreSQL takes 65,535 and SQLite 32,766; the rest of a large
 * batch goes in further statements (in the caller's transaction, so all or none).
 */
export const MAX_PARAMETERS = 10_000;

const COLUMN = /^[A-Za-z][A-Za-z0-9]*$/;

/** Inserts the rows (all with the same columns); returns how many the database wrote. */
export async function insertRows<T extends keyof InsertableTables>(
  tx: RawWriter,
  table: T,
  rows: readonly InsertRow<T>[],
): Promise<number> {
  const first = rows[0];
  if (!first) return 0;
  const columns = Object.keys(first);
  for (const column of columns)
    if (!COLUMN.test(column)) throw new Error(`insertRows: not a column name: ${column}`);
  for (const row of rows) {
    if (Object.keys(row).length !== columns.length || columns.some((c) => !(c in row))) {
      throw new Error(`insertRows: every ${table} row must give the same columns`);
    }
  }
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  let written = 0;
  for (let start = 0; start < rows.length; start += perStatement) {
    const values = rows
      .slice(start, start + perStatement)
      .map((row) => Prisma.sql`(${Prisma.join(columns.map((c) => (row as Record<string, unknown>)[c]))})`);
    written += await tx.$executeRaw(Prisma.sql`${head}${Prisma.join(values)}`);
  }
  return written;
}
