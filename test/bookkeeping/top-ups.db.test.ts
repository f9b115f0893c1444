import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { topUps } from "~/bookkeeping/ledger.server";
import { createMigratedDatabase, type TestDatabase } from "../support/databases";

describe("the ledger's top-ups", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createMigratedDatabase("sqlite");
  });
  afterAll(async () => {
    await database.drop();
  });

  it("lists the booked top-ups of the shop settled in the month, and nothing refused, unbooked or unclear", async () => {
    const { db } = database;
    const shop = await db.shop.create({ data: { domain: "ledger.myshopify.com" } });
    const other = await db.shop.create({ data: { domain: "other.myshopify.com" } });
    const at = (iso: string) => new Date(iso);
    const row = (
      shopId: string,
      state: string,
      cents: number,
      settledAt: Date | null,
      shopOrderId: string | null,
    ) =>
      db.portokasseTopUp.create({
        data: { shopId, state, amountCents: cents, balanceBeforeCents: 0, settledAt, shopOrderId },
      });
    await row(shop.id, "DONE", 50_00, at("2026-11-03T10:00:00Z"), "TU-1");
    await row(shop.id, "DONE", 20_00, at("2026-11-30T22:59:59Z"), null);
    await row(shop.id, "DONE", 10_00, at("2026-12-01T00:00:00Z"), "TU-next-month");
    await row(shop.id, "REFUSED", 30_00, at("2026-11-05T10:00:00Z"), null);
    await row(shop.id, "NOT_BOOKED", 40_00, at("2026-11-06T10:00:00Z"), null);
    await row(shop.id, "SENT", 60_00, null, null);
    await row(other.id, "DONE", 70_00, at("2026-11-07T10:00:00Z"), "TU-other");

    const entries = await topUps.entries(db, shop.id, at("2026-11-01T00:00:00Z"), at("2026-12-01T00:00:00Z"));
    expect(entries.map((e) => [e.kind, e.cents, e.stamps]).sort()).toEqual([
      ["top_up", 2000, 0],
      ["top_up", 5000, 0],
    ]);
    expect(entries.find((e) => e.cents === 5000)?.reference).toBe("TU-1");
  });
});
