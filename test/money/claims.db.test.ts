/**
 * Issue 17, found by mutation testing: order claims (claims.server.ts). A claim belongs to one shop (the
 * unique key is shop and order), so another shop's claim on the same order id never keeps an order out;
 * only Prisma's unique violation counts as a lost claim race, whatever else a transaction throws; and
 * creating a batch waits for the database as long as its transaction options say (SQLite: one writer).
 */
import { describe, expect, it } from "vitest";
import { createBatch } from "~/franking/create-batch.server";
import { isUniqueViolation } from "~/db/errors";
import { describeEachDatabase } from "../support/databases";
import { OPTIONS, STANDARDBRIEF, useFranking } from "../franking/harness";

describeEachDatabase("order claims", (database, provider) => {
  const env = useFranking(database);

  it("another shop's claim and voucher on the same order id neither keep the order out nor make it franked here", async () => {
    const orders = env.orders(2);
    const other = await env.db().shop.create({ data: { domain: `other-${Date.now()}.myshopify.com` } });
    try {
      const first = await createBatch(env.db(), {
        shopId: other.id,
        orders,
        options: OPTIONS,
        now: env.clock.now(),
      });
      expect(first.queued).toBe(2);
      // The other shop bought them: its vouchers carry the same order ids.
      const otherOrders = await env.db().frankingOrder.findMany({ where: { batchId: first.batchId } });
      const otherCart = await env.db().frankingCart.findFirstOrThrow({ where: { batchId: first.batchId } });
      await env.db().voucher.createMany({
        data: otherOrders.map((o, i) => ({
          voucherId: `OTHERSHOP${String(i).padStart(11, "0")}`,
          shopId: other.id,
          batchId: first.batchId,
          cartId: otherCart.id,
          batchOrderId: o.id,
          orderId: o.orderId,
          productCode: STANDARDBRIEF.productCode,
          productName: STANDARDBRIEF.productName,
          priceCents: STANDARDBRIEF.priceCents,
          boughtAt: env.clock.now(),
        })),
      });
      const create = () =>
        createBatch(env.db(), { shopId: env.shop.id, orders, options: OPTIONS, now: env.clock.now() });
      const ours = await create();
      expect(ours.queued).toBe(2);
      expect(ours.skipped).toEqual([]);
      const again = await create();
      expect(again.queued).toBe(0);
      expect(again.skipped.map((s) => s.reason)).toEqual(["in_other_batch", "in_other_batch"]);
    } finally {
      await env.db().shop.delete({ where: { id: other.id } });
    }
  });

  // SQLite has one writer: the libsql adapter lets one transaction run at a time, the others wait for it.
  // PostgreSQL has no such wait, so the test exists for SQLite only.
  if (provider === "sqlite")
    it("a batch created while another transaction holds SQLite waits for it longer than Prisma's default 2 s", async () => {
      const db = env.db();
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      const holder = db.$transaction(
        async (tx) => {
          await tx.shop.count();
          await held;
        },
        { timeout: 30_000 },
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      const outcome = createBatch(db, {
        shopId: env.shop.id,
        orders: env.orders(2),
        options: OPTIONS,
        now: env.clock.now(),
      }).then(
        (created) => ({ created }),
        (error: unknown) => ({ error }),
      );
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      release();
      await holder;
      const result = await outcome;
      expect(result).not.toHaveProperty("error");
      expect(result).toMatchObject({ created: { queued: 2 } });
    });
});

describe("isUniqueViolation", () => {
  it("is true only for an error object whose code is P2002", () => {
    expect(isUniqueViolation(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(
      true,
    );
    expect(isUniqueViolation({ code: "P2002" })).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error("Transaction already closed"), { code: "P2028" }))).toBe(
      false,
    );
    expect(isUniqueViolation(new Error("P2002"))).toBe(false);
  });

  it("is true for a raw statement's failure only when the driver adapter names a unique violation", () => {
    const raw = (kind: string) => ({
      code: "P2010",
      meta: { driverAdapterError: { cause: { kind, originalCode: "23505" } } },
    });
    expect(isUniqueViolation(raw("UniqueConstraintViolation"))).toBe(true);
    expect(isUniqueViolation(raw("ForeignKeyConstraintViolation"))).toBe(false);
    expect(isUniqueViolation({ code: "P2010", meta: {} })).toBe(false);
    expect(isUniqueViolation({ ...raw("UniqueConstraintViolation"), code: "P2011" })).toBe(false);
  });

  it("anything else thrown (null, undefined, a string, a number) is not a unique violation and does not throw", () => {
    for (const thrown of [null, undefined, "P2002", 2002, true])
      expect(isUniqueViolation(thrown)).toBe(false);
  });
});
