import type { Db } from "~/db.server";

/** Every table of a SQLite test database (migrations bookkeeping left out). */
export async function tableNames(db: Db): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' ORDER BY name`,
  );
  return rows.map((r) => r.name);
}

/** All rows of all tables, for "this changed nothing" comparisons and whole-database searches. */
export async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const name of await tableNames(db)) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}" ORDER BY 1`);
    all[name] = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [
          k,
          v instanceof Uint8Array ? Buffer.from(v).toString("base64") : typeof v === "bigint" ? String(v) : v,
        ]),
      ),
    );
  }
  return all;
}
