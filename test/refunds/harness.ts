/**
 * Test support for refunds: the Deutsche Post simulator over real HTTP (test/support/internetmarke-sim.ts, shared clock), the
 * Shopify fake with the demo shop, a migrated database with the shop and its Portokasse link, stamps bought
 * through the client and recorded with the franking models, a refund worker wired to all of them, and the
 * money check every test ends with.
 */
import { recordBalance } from "~/franking/cart-records.server";
import { randomUUID } from "node:crypto";
import { beforeEach, expect } from "vitest";
import type { Db } from "~/db.server";
import { MERCHANT, useSimulator, type SimEnv } from "../support/internetmarke-sim";
import { createRefundWorker, type RefundWorkerOptions } from "~/refunds/worker.server";
import { orderCancelled } from "~/webhooks/handlers.server";
import { createShopifyFake, type ShopifyFake } from "../shopify-fake";
import { API_KEY, API_SECRET } from "../shopify-fake/test-helpers";
import type { TestDatabase } from "../support/databases";
import { fakeAdmin } from "../support/fake-admin";

export const STANDARDBRIEF = { productCode: 1, productName: "Standardbrief", priceCents: 95 };
export const EINSCHREIBEN = { productCode: 1002, productName: "Standardbrief Integral + EINSCHREIBEN EINWURF", priceCents: 330 };
export const OPENING_BALANCE = 10_000;
export const FAST = { reconcileDelayMs: 1_000, pollBaseMs: 5_000, retryBaseMs: 1_000, retryMaxMs: 60_000 };

export interface BoughtCart {
  cartId: string;
  shopOrderId: string;
  vouchers: Array<{ voucherId: string; orderId: string; priceCents: number }>;
}

export interface RefundEnv extends SimEnv {
  fake: ShopifyFake;
  shop: { id: string; domain: string; token: string };
  db(): Db;
  /** Open orders of the demo shop not used by an earlier `buy` of this test (gids). */
  openOrders(count: number): Array<{ orderId: string; name: string }>;
  /** Buys one stamp per order in one cart (PNG) and records it as a finished franking batch. */
  buy(orders: Array<{ orderId: string; name: string }>, product?: typeof STANDARDBRIEF): Promise<BoughtCart>;
  worker(overrides?: Partial<RefundWorkerOptions>): ReturnType<typeof createRefundWorker>;
  /** orders/cancelled for one order, as the webhook route hands it to the handler. */
  cancel(orderId: string, eventId?: string): Promise<boolean>;
  /** Runs workers until no refund work is left, moving the clock past every wait. */
  settle(rounds?: number): Promise<void>;
  /** wallet after = opening − purchases + confirmed refunds, in the simulator's ledger and in the app's records. */
  expectMoneyReconciles(): Promise<void>;
}

export function useRefunds(database: () => TestDatabase, simOptions: { retoureDelayMs?: number } = {}): RefundEnv {
  const sim = useSimulator({ retoureDelayMs: simOptions.retoureDelayMs ?? 60_000 });
  const fake = createShopifyFake({ apiKey: API_KEY, apiSecret: API_SECRET, now: sim.clock.now });
  const shop = { id: "", domain: "", token: "" };
  const used = new Set<string>();

  beforeEach(async () => {
    fake.reset();
    used.clear();
    const seeded = fake.seedDemoShop();
    const db = database().db;
    await db.shop.deleteMany({ where: { domain: seeded.shopDomain } });
    const row = await db.shop.create({ data: { domain: seeded.shopDomain } });
    await db.portokasseAccount.create({
      data: { shopId: row.id, username: MERCHANT.username, passwordCiphertext: "v1:test:only:unused", balanceCents: OPENING_BALANCE, balanceCheckedAt: sim.clock.now() },
    });
    Object.assign(shop, { id: row.id, domain: seeded.shopDomain, token: seeded.accessToken });
  });

  const env: RefundEnv = {
    ...sim,
    fake,
    shop,
    db: () => database().db,
    openOrders(count) {
      const open = fake
        .shop(shop.domain)
        .orders.filter((o) => o.cancelledAt === null && o.shippingAddress !== null && o.fulfillments.length === 0 && !used.has(String(o.id)));
      if (open.length < count) throw new Error(`Only ${open.length} open orders left`);
      return open.slice(0, count).map((o) => {
        used.add(String(o.id));
        return { orderId: `gid://shopify/Order/${o.id}`, name: o.name };
      });
    },
    async buy(orders, product = STANDARDBRIEF) {
      const kasse = sim.client().client.portokasse(MERCHANT);
      const shopOrderId = await kasse.initCart();
      const cart = await kasse.checkoutPng({
        shopOrderId,
        totalCents: product.priceCents * orders.length,
        positions: orders.map(() => ({ productCode: product.productCode, voucherLayout: "FRANKING_ZONE" as const })),
      });
      const db = database().db;
      const now = sim.clock.now();
      const batchId = randomUUID();
      const cartId = randomUUID();
      const orderRows = orders.map((o, position) => ({ id: randomUUID(), batchId, shopId: shop.id, orderId: o.orderId, orderName: o.name, status: "BOUGHT", position, cartId, ...product }));
      await db.frankingBatch.create({ data: { id: batchId, shopId: shop.id, status: "DONE", labelFormat: "PNG", layout: "FRANKING_ZONE", maxPositionsPerCart: 50, tag: "frankiert", totalCents: product.priceCents * orders.length, finishedAt: now } });
      await db.frankingOrder.createMany({ data: orderRows });
      await db.frankingCart.create({ data: { id: cartId, batchId, sequence: 0, state: "BOUGHT", shopOrderId, positions: "[]", totalCents: product.priceCents * orders.length, boughtAt: now } });
      const vouchers = cart.vouchers.map((v, i) => {
        const order = orderRows[i];
        if (!order) throw new Error("more vouchers than orders");
        return { voucherId: v.voucherId, trackId: v.trackId, shopId: shop.id, batchId, cartId, batchOrderId: order.id, orderId: order.orderId, productCode: product.productCode, productName: product.productName, priceCents: product.priceCents, boughtAt: now };
      });
      await db.voucher.createMany({ data: vouchers });
      // As the franking pipeline does after a checkout: the stored balance is the checkout's walletBalance.
      await recordBalance(db, shop.id, now, cart.walletBalanceCents, product.priceCents * orders.length);
      return { cartId, shopOrderId, vouchers: vouchers.map((v) => ({ voucherId: v.voucherId, orderId: v.orderId, priceCents: v.priceCents })) };
    },
    worker(overrides = {}) {
      const { client } = sim.client();
      return createRefundWorker({
        db: database().db,
        internetmarke: client,
        portokasseFor: async (_shop, im) => im.portokasse(MERCHANT),
        adminFor: async () => fakeAdmin(fake, shop.domain, shop.token),
        now: sim.clock.now,
        sleep: async (ms) => sim.clock.advance(ms),
        timings: FAST,
        owner: "test-refund-worker",
        ...overrides,
      });
    },
    cancel(orderId, eventId = `ev-${randomUUID()}`) {
      const id = orderId.split("/").pop() ?? orderId;
      return orderCancelled(
        database().db,
        { shop: shop.domain, topic: "orders/cancelled", webhookId: `wh-${randomUUID()}`, eventId, payload: { id: Number(id), admin_graphql_api_id: orderId, name: `#${id}` } },
        sim.clock.now(),
      );
    },
    async settle(rounds = 30) {
      const worker = env.worker();
      const db = database().db;
      for (let round = 0; round < rounds; round++) {
        await worker.workOnce();
        const open =
          (await db.refundJob.count({ where: { state: "QUEUED" } })) +
          (await db.retoureRequest.count({ where: { state: { not: "CLOSED" } } })) +
          (await db.refundSync.count({ where: { dirty: true } }));
        if (open === 0) return;
        sim.clock.advance(60_000);
      }
      const left = {
        jobs: await db.refundJob.findMany({ where: { state: "QUEUED" }, select: { orderId: true, attempts: true, lastError: true } }),
        retoures: await db.retoureRequest.findMany({ where: { state: { not: "CLOSED" } }, select: { state: true, attempts: true, lastError: true } }),
        syncs: await db.refundSync.findMany({ where: { dirty: true }, select: { orderId: true, attempts: true, lastError: true } }),
      };
      throw new Error(`Refund work did not settle: ${JSON.stringify(left)}`);
    },
    async expectMoneyReconciles() {
      const db = database().db;
      const account = sim.sim.account(MERCHANT.username);
      const purchases = account.ledger.filter((e) => e.kind === "purchase");
      const refunds = account.ledger.filter((e) => e.kind === "refund");
      const spent = -purchases.reduce((sum, e) => sum + e.cents, 0);
      const back = refunds.reduce((sum, e) => sum + e.cents, 0);
      expect(account.balanceCents).toBe(account.openingBalanceCents - spent + back);
      const vouchers = await db.voucher.findMany({ where: { shopId: shop.id } });
      expect(vouchers.reduce((sum, v) => sum + v.priceCents, 0)).toBe(spent);
      const confirmed = await db.refund.findMany({ where: { shopId: shop.id, state: "REFUNDED" } });
      expect(confirmed.reduce((sum, r) => sum + r.refundedCents, 0)).toBe(back);
      expect(OPENING_BALANCE - spent + back).toBe(account.balanceCents);
      // Each refund in the ledger is one closed request of ours, to the cent.
      const closed = await db.retoureRequest.findMany({ where: { shopId: shop.id, state: "CLOSED", refundedCents: { gt: 0 } } });
      expect(refunds.map((e) => [e.ref, e.cents]).sort()).toEqual(closed.map((r) => [r.shopRetoureId, r.refundedCents]).sort());
      // Each voucher refunded at most once at Deutsche Post.
      expect(new Set(account.vouchers.filter((v) => v.refunded).map((v) => v.voucherId)).size).toBe(confirmed.length);
      // The stored balance follows every purchase (walletBalance) and refund: it is Deutsche Post's.
      const known = await db.portokasseAccount.findUniqueOrThrow({ where: { shopId: shop.id } });
      expect(known.balanceCents).toBe(account.balanceCents);
    },
  };
  return env;
}
