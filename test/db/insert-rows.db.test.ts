import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { isUniqueViolation } from "~/db/errors";
import { insertRows, MAX_PARAMETERS, type InsertRow } from "~/db/insert-rows.server";
import type { Db } from "~/db/client.server";
import { describeEachDatabase } from "../support/databases";

// insertRows (ADR 029) replaces createMany on the hot per-order inserts: what it writes must be what Prisma
// writes, byte for byte in the table, so that Prisma's reads and date comparisons see no difference.
describeEachDatabase("insertRows", (database, provider) => {
  async function shopAndBatch(db: Db) {
    const shop = await db.shop.create({ data: { domain: `ins-${randomUUID()}.myshopify.com` } });
    const batch = await db.frankingBatch.create({
      data: {
        shopId: shop.id,
        labelFormat: "PDF",
        layout: "ADDRESS_ZONE",
        maxPositionsPerCart: 100,
        tag: "t",
      },
    });
    return { shopId: shop.id, batchId: batch.id };
  }

  function orderRow(
    ids: { shopId: string; batchId: string },
    position: number,
    at: Date,
  ): InsertRow<"FrankingOrder"> {
    return {
      id: randomUUID(),
      ...ids,
      orderId: `gid://shopify/Order/${position}`,
      orderName: `#${1000 + position}`,
      productCode: position % 2 === 0 ? 1 : null,
      productName: position % 2 === 0 ? "Standardbrief" : null,
      priceCents: position % 2 === 0 ? 95 : null,
      registered: position % 3 === 0,
      address:
        position % 2 === 0 ? JSON.stringify({ name: "Jürgen Öztürk", line: "Straße 1 – 'Hof' \"2\"" }) : null,
      labelAddress: null,
      status: position % 2 === 0 ? "QUEUED" : "SKIPPED",
      reason: position % 2 === 0 ? null : "no_weight",
      error: null,
      position,
      cartId: null,
      createdAt: at,
      updatedAt: new Date(at.getTime() + position),
      sweepFinding: null,
    };
  }

  /** Every column as the database holds it (text, integer, boolean), without the id, in position order. */
  async function stored(db: Db, batchId: string) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
      provider === "sqlite"
        ? `SELECT *, typeof("createdAt") AS "createdType", typeof("registered") AS "registeredType", "updatedAt" || '' AS "updatedText" FROM "FrankingOrder" WHERE "batchId" = ? ORDER BY "position"`
        : `SELECT *, "updatedAt"::text AS "updatedText" FROM "FrankingOrder" WHERE "batchId" = $1 ORDER BY "position"`,
      batchId,
    );
    return rows.map(({ id: _id, batchId: _batch, shopId: _shop, ...rest }) => rest);
  }

  it("writes every column as Prisma's createMany does", async () => {
    const { db } = database();
    const at = new Date("2026-12-02T10:11:12.345Z");
    const viaPrisma = await shopAndBatch(db);
    const viaRaw = await shopAndBatch(db);
    const positions = [0, 1, 2, 3, 4, 5];
    await db.frankingOrder.createMany({ data: positions.map((p) => orderRow(viaPrisma, p, at)) });
    expect(
      await insertRows(
        db,
        "FrankingOrder",
        positions.map((p) => orderRow(viaRaw, p, at)),
      ),
    ).toBe(6);
    const prismaRows = await stored(db, viaPrisma.batchId);
    expect(prismaRows).toHaveLength(6);
    expect(await stored(db, viaRaw.batchId)).toEqual(prismaRows);
    // Prisma's own reads and date comparisons find the raw rows as they find its own.
    const read = await db.frankingOrder.findMany({
      where: { batchId: viaRaw.batchId },
      orderBy: { position: "asc" },
    });
    expect(
      read.map((o) => [o.registered, o.createdAt.toISOString(), o.updatedAt.getTime() - at.getTime()]),
    ).toEqual(positions.map((p) => [p % 3 === 0, at.toISOString(), p]));
    expect(
      await db.frankingOrder.count({
        where: { batchId: viaRaw.batchId, updatedAt: { gt: new Date(at.getTime() + 2) } },
      }),
    ).toBe(3);
  });

  it("splits a batch larger than one statement's parameters into several statements, all written", async () => {
    const { db } = database();
    const { shopId, batchId } = await shopAndBatch(db);
    const at = new Date();
    const perStatement = Math.floor(MAX_PARAMETERS / 5); // a claim has five columns
    const rows = Array.from({ length: 2 * perStatement + 7 }, (_, i) => ({
      id: randomUUID(),
      shopId,
      orderId: `gid://shopify/Order/${i}`,
      batchId,
      createdAt: at,
    }));
    const statements: string[] = [];
    const counting = {
      $executeRaw: (query: Parameters<Db["$executeRaw"]>[0]) => {
        statements.push("sql" in query ? query.sql : "");
        return db.$executeRaw(query);
      },
    };
    expect(await insertRows(counting, "FrankingClaim", rows)).toBe(rows.length);
    expect(statements).toHaveLength(3);
    expect(await db.frankingClaim.count({ where: { batchId } })).toBe(rows.length);
    expect(await insertRows(counting, "FrankingClaim", [])).toBe(0);
    expect(statements).toHaveLength(3);
  });

  it("a duplicate is a unique violation, and the transaction keeps none of the statement's rows", async () => {
    const { db } = database();
    const { shopId, batchId } = await shopAndBatch(db);
    const claim = (orderId: string) => ({
      id: randomUUID(),
      shopId,
      orderId,
      batchId,
      createdAt: new Date(),
    });
    await insertRows(db, "FrankingClaim", [claim("gid://shopify/Order/1")]);
    const failure = await db
      .$transaction(async (tx) => {
        await insertRows(tx, "FrankingClaim", [
          claim("gid://shopify/Order/2"),
          claim("gid://shopify/Order/1"),
        ]);
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).not.toBeNull();
    expect(isUniqueViolation(failure)).toBe(true);
    expect((await db.frankingClaim.findMany({ where: { batchId } })).map((c) => c.orderId)).toEqual([
      "gid://shopify/Order/1",
    ]);
  });

  it("refuses rows that do not all give the same columns, before anything is sent", async () => {
    const { db } = database();
    const { shopId, batchId } = await shopAndBatch(db);
    const sent: unknown[] = [];
    const recording = {
      $executeRaw: (query: Parameters<Db["$executeRaw"]>[0]) => (sent.push(query), db.$executeRaw(query)),
    };
    const full = {
      id: randomUUID(),
      shopId,
      orderId: "gid://shopify/Order/1",
      batchId,
      createdAt: new Date(),
    };
    const { createdAt: _left, ...short } = { ...full, id: randomUUID(), orderId: "gid://shopify/Order/2" };
    await expect(insertRows(recording, "FrankingClaim", [full, short as typeof full])).rejects.toThrow(
      /same columns/,
    );
    const renamed = { ...short, created: new Date() } as unknown as typeof full;
    await expect(insertRows(recording, "FrankingClaim", [full, renamed])).rejects.toThrow(/same columns/);
    const injected = { ...full, 'x" TEXT); DROP TABLE "Shop"; --': 1 } as unknown as typeof full;
    await expect(insertRows(recording, "FrankingClaim", [injected])).rejects.toThrow(/not a column name/);
    expect(sent).toEqual([]);
  });
});
