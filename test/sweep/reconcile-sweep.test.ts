import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "~/db.server";
import type { CartPosition } from "~/franking/model";
import { buildPositions, gridOf } from "~/internetmarke";
import { runDailyHousekeeping } from "~/sweep/daily.server";
import { sweepNotBoughtCarts, type SweepDeps } from "~/sweep/reconcile-sweep.server";
import { countRequests, MERCHANT, useSimulator } from "../support/internetmarke-sim";
import { stubAppEnv } from "../support/app-env";
import { createMigratedDatabase, type TestDatabase } from "../support/databases";

/**
 * The reconciliation sweep against the INTERNETMARKE simulator: a cart that an earlier run decided was
 * not bought (Deutsche Post answered 404 too early, say) but that Deutsche Post has, is recorded with its
 * vouchers and flagged; nothing is ever bought by the sweep.
 */
const sim = useSimulator();
const DAY = 86_400_000;
let database: TestDatabase;
let db: Db;
let shopId = "";

beforeAll(async () => {
  database = await createMigratedDatabase("sqlite");
  stubAppEnv({ DATABASE_URL: database.target.url });
  db = (await import("~/db.server")).db();
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});
beforeEach(async () => {
  await db.shop.deleteMany({});
  shopId = (await db.shop.create({ data: { domain: "frankier-demo.myshopify.com" } })).id;
});

const kasse = () => sim.client().client.portokasse(MERCHANT);
const logged: string[] = [];
const deps = (now = new Date()): SweepDeps => ({
  db,
  now: () => now,
  kasseFor: async () => kasse(),
  log: (line) => logged.push(line),
});

/** A batch whose cart was sent and then wrongly decided NOT_BOUGHT; its orders were given back as failed. */
async function wronglyNotBought(shopOrderId: string, decidedAt: Date) {
  const batch = await db.frankingBatch.create({
    data: {
      shopId,
      status: "DONE",
      labelFormat: "PDF",
      pageFormatId: 1,
      layout: "FRANKING_ZONE",
      maxPositionsPerCart: 50,
      tag: "frankiert",
      finishedAt: decidedAt,
    },
  });
  const orders = [];
  for (const i of [0, 1])
    orders.push(
      await db.frankingOrder.create({
        data: {
          batchId: batch.id,
          shopId,
          orderId: `gid://shopify/Order/${8000 + i}`,
          orderName: `#${8000 + i}`,
          productCode: 1,
          productName: "Standardbrief",
          priceCents: 95,
          status: "FAILED",
          error: "not_bought",
          position: i,
        },
      }),
    );
  const positions: CartPosition[] = orders.map((o, i) => ({
    batchOrderId: o.id,
    orderId: o.orderId,
    productCode: 1,
    productName: "Standardbrief",
    priceCents: 95,
    registered: false,
    voucherLayout: "FRANKING_ZONE",
    address: null,
    slot: { labelX: i + 1, labelY: 1, page: 1 },
  }));
  const cart = await db.frankingCart.create({
    data: {
      batchId: batch.id,
      sequence: 0,
      state: "NOT_BOUGHT",
      shopOrderId,
      positions: JSON.stringify(positions),
      totalCents: 190,
      checkoutSentAt: decidedAt,
      error: "not_bought",
      updatedAt: decidedAt,
    },
  });
  return { batch, orders, cart };
}

async function buyAtDeutschePost() {
  const k = kasse();
  const format = (await k.catalog(["PAGE_FORMATS"])).pageFormats.find((f) => f.id === 1);
  if (!format) throw new Error("format");
  const slots = buildPositions(gridOf(format), 2);
  const shopOrderId = await k.initCart();
  const bought = await k.checkoutPdf({
    shopOrderId,
    pageFormatId: 1,
    totalCents: 190,
    createManifest: false,
    positions: [0, 1].map((i) => ({
      productCode: 1,
      voucherLayout: "FRANKING_ZONE" as const,
      position: slots[i] ?? { labelX: 1, labelY: 1, page: 1 },
    })),
  });
  return { shopOrderId, vouchers: bought.vouchers };
}

describe("reconciliation sweep", () => {
  it("records the vouchers of a cart an earlier run wrongly marked not bought, flags its orders, buys nothing", async () => {
    const { shopOrderId, vouchers } = await buyAtDeutschePost();
    const { orders, cart } = await wronglyNotBought(shopOrderId, new Date(Date.now() - 2 * DAY));
    const checkouts = () =>
      countRequests(sim.sim, "POST", "/app/shoppingcart/pdf") +
      countRequests(sim.sim, "POST", "/app/shoppingcart/png");
    const boughtBefore = checkouts();
    expect(boughtBefore).toBeGreaterThan(0);
    logged.length = 0;

    expect(await sweepNotBoughtCarts(deps())).toEqual({
      checked: 1,
      found: 1,
      vouchersRecorded: 2,
      skipped: 0,
    });

    const recorded = await db.voucher.findMany({ orderBy: { voucherId: "asc" } });
    expect(recorded.map((v) => v.voucherId).sort()).toEqual(vouchers.map((v) => v.voucherId).sort());
    expect(recorded.every((v) => v.cartId === cart.id && v.shopId === shopId)).toBe(true);
    for (const order of orders) {
      const flagged = await db.frankingOrder.findUniqueOrThrow({
        where: { id: order.id },
        include: { voucher: true },
      });
      expect(JSON.parse(flagged.sweepFinding ?? "{}")).toMatchObject({
        finding: "voucher_found",
        voucherId: flagged.voucher?.voucherId,
        cartId: cart.id,
      });
    }
    expect(logged).toEqual([
      expect.stringContaining(`cart ${cart.id} (shopOrderId ${shopOrderId}) was marked not bought`),
    ]);
    expect(checkouts()).toBe(boughtBefore);
    // A second sweep finds the vouchers already recorded and records nothing twice.
    expect((await sweepNotBoughtCarts(deps())).vouchersRecorded).toBe(0);
    expect(await db.voucher.count()).toBe(2);
  });

  it("leaves a cart Deutsche Post does not know, and does not look at carts older than 14 days", async () => {
    const unknown = await kasse().initCart();
    const { cart } = await wronglyNotBought(unknown, new Date(Date.now() - DAY));
    const { shopOrderId } = await buyAtDeutschePost();
    const old = await wronglyNotBought(shopOrderId, new Date(Date.now() - 20 * DAY));

    const result = await runDailyHousekeeping(deps(), 90);
    expect(result.sweep).toEqual({ checked: 1, found: 0, vouchersRecorded: 0, skipped: 0 });
    expect(await db.voucher.count()).toBe(0);
    expect((await db.frankingCart.findUniqueOrThrow({ where: { id: cart.id } })).sweptAt).toBeInstanceOf(
      Date,
    );
    expect((await db.frankingCart.findUniqueOrThrow({ where: { id: old.cart.id } })).sweptAt).toBeNull();
  });
});
