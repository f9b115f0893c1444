import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batchDetail } from "~/batches/batch-view.server";
import { batchNotice, markBatchSeen } from "~/batches/notice.server";
import { recordBalance } from "~/franking/cart-records.server";
import { saveSettingsSection } from "~/settings/settings.server";
import { setupChecklist } from "~/setup/checklist.server";
import { acceptTerms } from "~/terms/terms.server";
import { createMigratedDatabase, type TestDatabase } from "../support/databases";
import { nextOrder, seedBatch, seedShop } from "./franked-batches";

const SHOP = "notice.myshopify.com";
let database: TestDatabase;

beforeAll(async () => {
  database = await createMigratedDatabase("sqlite");
});
afterAll(async () => database?.drop());

const order = (bought: boolean) => ({
  ...nextOrder(),
  productCode: 1,
  productName: "Standardbrief",
  priceCents: 95,
  slot: null,
  voucher: bought ? { voucherId: `V${Math.random().toString(16).slice(2, 12)}`, trackId: null } : null,
});

describe("never lost: the batch announced on every page", () => {
  it("announces a running batch, then a stopped one until its page was seen, and offers its remaining orders", async () => {
    const db = database.db;
    expect(await batchNotice(db, SHOP)).toBeNull();
    const running = await seedBatch(db, {
      shopDomain: SHOP,
      labelFormat: "PNG",
      status: "RUNNING",
      carts: [],
    });
    expect(await batchNotice(db, SHOP)).toMatchObject({ id: running.batchId, active: true });
    await markBatchSeen(db, SHOP, running.batchId, new Date());
    expect(await batchNotice(db, SHOP)).toMatchObject({ id: running.batchId, active: true });
    await db.frankingBatch.update({ where: { id: running.batchId }, data: { status: "DONE" } });

    const stopped = await seedBatch(db, {
      shopDomain: SHOP,
      labelFormat: "PNG",
      status: "INSUFFICIENT_FUNDS",
      carts: [{ shopOrderId: "S1", labelBytes: null, orders: [order(true), order(false), order(false)] }],
    });
    expect(await batchNotice(db, SHOP)).toMatchObject({ id: stopped.batchId, active: false });
    expect(await batchNotice(db, "other.myshopify.com")).toBeNull();
    const detail = await batchDetail(db, SHOP, stopped.batchId);
    expect(detail?.remainingOrderIds).toHaveLength(2);
    expect(detail?.remainingOrderIds).toEqual(
      detail?.lines.filter((l) => !l.voucherId).map((l) => l.orderId),
    );

    await markBatchSeen(db, "other.myshopify.com", stopped.batchId, new Date());
    expect(await batchNotice(db, SHOP)).toMatchObject({ id: stopped.batchId });
    await markBatchSeen(db, SHOP, stopped.batchId, new Date());
    expect(await batchNotice(db, SHOP)).toBeNull();
  });
});

describe("a balance no older than the app's own last purchase", () => {
  it("takes the checkout's walletBalance, else subtracts the cart, and never overwrites a newer reading", async () => {
    const db = database.db;
    const shop = await seedShop(db, "balance.myshopify.com");
    const t0 = new Date("2026-12-01T10:00:00Z");
    await db.portokasseAccount.create({
      data: {
        shopId: shop.id,
        username: "u",
        passwordCiphertext: "x",
        balanceCents: 8220,
        balanceCheckedAt: t0,
      },
    });
    const read = () => db.portokasseAccount.findUniqueOrThrow({ where: { shopId: shop.id } });
    await recordBalance(db, shop.id, new Date("2026-12-01T10:05:00Z"), 4935, 3285);
    expect((await read()).balanceCents).toBe(4935);
    await recordBalance(db, shop.id, new Date("2026-12-01T10:06:00Z"), null, 95);
    expect(await read()).toMatchObject({
      balanceCents: 4840,
      balanceCheckedAt: new Date("2026-12-01T10:06:00Z"),
    });
    await recordBalance(db, shop.id, new Date("2026-12-01T10:01:00Z"), 9999, 0);
    expect((await read()).balanceCents).toBe(4840);
  });
});

describe("the set-up checklist", () => {
  it("takes a list of checks and says which are done", async () => {
    const db = database.db;
    const shop = await seedShop(db, "setup.myshopify.com");
    const ids = (checks: Awaited<ReturnType<typeof setupChecklist>>) =>
      checks.filter((c) => !c.done).map((c) => c.id);
    expect(ids(await setupChecklist(db, shop.id))).toEqual(["portokasse", "sender", "stampFormat", "terms"]);
    await acceptTerms(db, { shopId: shop.id, acceptedBy: "test", now: new Date() });
    await db.portokasseAccount.create({ data: { shopId: shop.id, username: "u", passwordCiphertext: "x" } });
    await saveSettingsSection(
      db,
      shop.id,
      "stamp",
      { pageFormatId: 1, voucherLayout: "FRANKING_ZONE" },
      {
        productCodes: null,
        pageFormats: null,
        motifIds: null,
      },
    );
    expect(ids(await setupChecklist(db, shop.id))).toEqual(["sender"]);
    await db.portokasseAccount.update({
      where: { shopId: shop.id },
      data: { lastProblem: "wrong-password" },
    });
    expect(ids(await setupChecklist(db, shop.id))).toEqual(["portokasse", "sender"]);
    const extra = { id: "other", href: "/app/other", done: async () => false };
    expect(ids(await setupChecklist(db, shop.id, [extra]))).toEqual(["other"]);
  });
});
