import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "./client.server";
import { databaseTarget } from "./database-url";
import { MAX_STATEMENTS, reuseLibsqlStatements } from "./libsql-statements.server";
import { migrate } from "./migrate.server";

const dir = mkdtempSync(path.join(tmpdir(), "fm-libsql-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Statement = { all(...args: unknown[]): unknown[]; run(...args: unknown[]): unknown };
type Connection = { prepare(sql: string): Statement; exec(sql: string): void; close(): void };

function connection(name: string): Connection {
  const Database = reuseLibsqlStatements() as unknown as new (file: string) => Connection;
  return new Database(path.join(dir, name));
}

describe("reuseLibsqlStatements", () => {
  it("answers the statement prepared before for the same SQL on the same connection", () => {
    const db = connection("same.sqlite");
    db.exec("CREATE TABLE t (id TEXT PRIMARY KEY, v TEXT)");
    const insert = db.prepare("INSERT INTO t VALUES (?, ?)");
    expect(db.prepare("INSERT INTO t VALUES (?, ?)")).toBe(insert);
    expect(db.prepare("SELECT v FROM t WHERE id = ?")).not.toBe(insert);
    insert.run("a", "1");
    db.prepare("INSERT INTO t VALUES (?, ?)").run("b", "2");
    expect(db.prepare("SELECT id, v FROM t ORDER BY id").all()).toEqual([
      { id: "a", v: "1" },
      { id: "b", v: "2" },
    ]);
    const other = connection("other.sqlite");
    other.exec("CREATE TABLE t (id TEXT PRIMARY KEY, v TEXT)");
    expect(other.prepare("INSERT INTO t VALUES (?, ?)")).not.toBe(insert);
    db.close();
    other.close();
  });

  it("keeps the most recently used statements and is installed once", () => {
    const db = connection("many.sqlite");
    const first = db.prepare("SELECT 0");
    for (let i = 1; i < MAX_STATEMENTS; i++) db.prepare(`SELECT ${i}`);
    expect(db.prepare("SELECT 0")).toBe(first); // used again: now the most recent
    db.prepare(`SELECT ${MAX_STATEMENTS}`); // one more than fits: "SELECT 1" goes
    expect(db.prepare("SELECT 0")).toBe(first);
    const second = db.prepare("SELECT 1");
    expect(db.prepare("SELECT 1")).toBe(second);
    reuseLibsqlStatements();
    expect(db.prepare("SELECT 1")).toBe(second);
    db.close();
  });

  it("serves Prisma: a statement that failed (unique key) works again, and reads see every write", async () => {
    const target = databaseTarget(`file:${path.join(dir, "prisma.sqlite")}`);
    await migrate(target);
    const db = createDb(target);
    try {
      await db.shop.create({ data: { domain: "a.myshopify.com" } });
      await expect(db.shop.create({ data: { domain: "a.myshopify.com" } })).rejects.toMatchObject({ code: "P2002" });
      await db.shop.create({ data: { domain: "b.myshopify.com" } });
      for (let i = 0; i < 50; i++) {
        await db.shop.update({ where: { domain: "b.myshopify.com" }, data: { settings: JSON.stringify({ i }) } });
        const shop = await db.shop.findUniqueOrThrow({ where: { domain: "b.myshopify.com" } });
        expect(shop.settings).toBe(JSON.stringify({ i }));
      }
      await db.$transaction(async (tx) => {
        await tx.shop.update({ where: { domain: "a.myshopify.com" }, data: { settings: "{}" } });
        expect((await tx.shop.findUniqueOrThrow({ where: { domain: "a.myshopify.com" } })).settings).toBe("{}");
      });
      expect((await db.shop.findMany({ orderBy: { domain: "asc" } })).map((s) => s.domain)).toEqual([
        "a.myshopify.com",
        "b.myshopify.com",
      ]);
    } finally {
      await db.$disconnect();
    }
  });
});
