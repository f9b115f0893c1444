/**
 * Test support for the franking pipeline: the Deutsche Post simulator over real HTTP (test/support/internetmarke-sim.ts),
 * the Shopify fake with the demo shop, a migrated database with the shop row, priced orders taken from
 * the fake's open orders, a worker wired to all of them, and the money invariants every test checks.
 */
import { beforeEach, expect } from "vitest";
import type { Db } from "~/db.server";
import { createBatch, type BatchOptions } from "~/franking/create-batch.server";
import type { PricedOrder } from "~/franking/model";
import { createFrankingWorker, type FrankingWorkerOptions } from "~/franking/worker.server";
import type { Address } from "~/internetmarke";
import { MERCHANT, useSimulator, type SimEnv } from "../support/internetmarke-sim";
import { createShopifyFake, type ShopifyFake } from "../shopify-fake";
import { API_KEY, API_SECRET } from "../shopify-fake/test-helpers";
import { fakeAdmin } from "../support/fake-admin";
import type { TestDatabase } from "../support/databases";

export const SENDER: Address = { name: "Frankier Demo GmbH", addressLine1: "Hauptstraße 12", postalCode: "10827", city: "Berlin", country: "DEU" };
export const A4 = { id: 1, grid: { labelX: 2, labelY: 5 } };
export const STANDARDBRIEF = { productCode: 1, productName: "Standardbrief", priceCents: 95 };
export const EINSCHREIBEN = { productCode: 1002, productName: "Standardbrief Integral + EINSCHREIBEN EINWURF", priceCents: 330 };

export const OPTIONS: BatchOptions = {
  labelFormat: "PDF",
  pageFormat: A4,
  layout: "ADDRESS_ZONE",
  startPosition: 1,
  maxPositionsPerCart: 50,
  notifyCustomer: false,
  tag: "frankiert",
};

export interface FrankingEnv extends SimEnv {
  fake: ShopifyFake;
  shop: { id: string; domain: string; token: string };
  db(): Db;
  /** `count` open orders of the demo shop (more are added when the demo has too few). */
  orders(count: number, product?: typeof STANDARDBRIEF): PricedOrder[];
  create(orders: PricedOrder[], options?: Partial<BatchOptions>): Promise<string>;
  /**
   * The orders as the confirm prices them now (ADR 021): with their open fulfillment orders as the fake
   * holds them, which the write-back fulfils without reading them first.
   */
  withFulfillmentOrders(orders: PricedOrder[]): PricedOrder[];
  workerOptions(overrides?: Partial<FrankingWorkerOptions>): FrankingWorkerOptions;
  worker(overrides?: Partial<FrankingWorkerOptions>): ReturnType<typeof createFrankingWorker>;
  /** The wallet's debits equal the recorded vouchers; each bought order holds exactly one voucher. */
  expectMoneyMatches(): Promise<void>;
}

export function useFranking(database: () => TestDatabase, simOptions: { maxPositionsPerCart?: number } = {}): FrankingEnv {
  const sim = useSimulator(simOptions);
  const fake = createShopifyFake({ apiKey: API_KEY, apiSecret: API_SECRET, now: sim.clock.now });
  const shop = { id: "", domain: "", token: "" };

  beforeEach(async () => {
    fake.reset();
    const seeded = fake.seedDemoShop();
    const db = database().db;
    // The fake hands out the same order ids after a reset: start every test with no franking history.
    await db.shop.deleteMany({ where: { domain: seeded.shopDomain } });
    const row = await db.shop.create({ data: { domain: seeded.shopDomain } });
    Object.assign(shop, { id: row.id, domain: seeded.shopDomain, token: seeded.accessToken });
  });

  const env: FrankingEnv = {
    ...sim,
    fake,
    shop,
    db: () => database().db,
    orders(count, product = STANDARDBRIEF) {
      const state = fake.shop(shop.domain);
      // Orders the preview would let through: open, with an address, all at the primary location, shipped.
      const frankable = (o: (typeof state.orders)[number]) =>
        o.fulfillmentOrders.every((fo) => fo.locationId === state.primaryLocation.id && ["SHIPPING", "NONE"].includes(fo.deliveryMethodType));
      const open = () =>
        state.orders.filter((o) => o.cancelledAt === null && o.shippingAddress !== null && frankable(o) && o.fulfillmentOrders.some((fo) => fo.status === "OPEN"));
      while (open().length < count) {
        state.addOrder({
          customer: { email: `kunde${state.orders.length}@example.com`, firstName: "Kim", lastName: `Kunde ${state.orders.length}` },
          shippingAddress: { firstName: "Kim", lastName: `Kunde ${state.orders.length}`, address1: "Ringstraße 1", zip: "10115", city: "Berlin", countryCode: "DE" },
          lineItems: [{ title: "Grußkarte", quantity: 1, priceCents: 350 }],
        });
      }
      return open()
        .slice(0, count)
        .map((o) => ({
          orderId: `gid://shopify/Order/${o.id}`,
          orderName: o.name,
          ...product,
          address: { sender: SENDER, receiver: { name: "Kim Kunde", addressLine1: "Ringstraße 1", postalCode: "10115", city: "Berlin", country: "DEU" } },
        }));
    },
    withFulfillmentOrders(orders) {
      const state = fake.shop(shop.domain);
      return orders.map((order) => ({
        ...order,
        fulfillmentOrderIds: [
          state
            .requireOrder(order.orderId)
            .fulfillmentOrders.filter((fo) => fo.status === "OPEN" || fo.status === "IN_PROGRESS")
            .map((fo) => `gid://shopify/FulfillmentOrder/${fo.id}`),
        ],
      }));
    },
    async create(orders, options = {}) {
      const created = await createBatch(database().db, { shopId: shop.id, orders, options: { ...OPTIONS, ...options }, now: sim.clock.now() });
      return created.batchId;
    },
    worker(overrides = {}) {
      return createFrankingWorker(env.workerOptions(overrides));
    },
    workerOptions(overrides = {}) {
      const { client } = sim.client();
      return {
        db: database().db,
        internetmarke: client,
        portokasseFor: async (_shop, im) => im.portokasse(MERCHANT),
        adminFor: async () => fakeAdmin(fake, shop.domain, shop.token),
        now: sim.clock.now,
        sleep: async (ms) => sim.clock.advance(ms),
        timings: { reconcileDelayMs: 1_000 },
        owner: "test-worker",
        ...overrides,
      };
    },
    async expectMoneyMatches() {
      const db = database().db;
      const account = sim.sim.account(MERCHANT.username);
      const vouchers = await db.voucher.findMany({ where: { shopId: shop.id } });
      const debits = account.ledger.filter((e) => e.kind === "purchase");
      expect(vouchers.map((v) => v.voucherId).sort()).toEqual(account.vouchers.map((v) => v.voucherId).sort());
      expect(-debits.reduce((sum, e) => sum + e.cents, 0)).toBe(vouchers.reduce((sum, v) => sum + v.priceCents, 0));
      const bought = await db.frankingCart.findMany({ where: { state: "BOUGHT", batch: { shopId: shop.id } } });
      expect(debits.map((d) => d.ref).sort()).toEqual(bought.map((c) => c.shopOrderId).sort());
      const orders = await db.frankingOrder.findMany({ where: { shopId: shop.id, status: { in: ["BOUGHT", "FULFILLED"] } }, include: { voucher: true } });
      for (const order of orders) expect(order.voucher, order.orderName).not.toBeNull();
      const perShopifyOrder = new Map<string, number>();
      for (const v of vouchers) perShopifyOrder.set(v.orderId, (perShopifyOrder.get(v.orderId) ?? 0) + 1);
      for (const [orderId, count] of perShopifyOrder) expect(count, orderId).toBe(1);
    },
  };
  return env;
}

/** Runs a worker until the batch is finished, moving the clock past every backoff. */
export async function settle(env: FrankingEnv, batchId: string, rounds = 12): Promise<string> {
  const worker = env.worker();
  for (let round = 0; round < rounds; round++) {
    await worker.workOnce();
    const { status } = await env.db().frankingBatch.findUniqueOrThrow({ where: { id: batchId } });
    if (status !== "QUEUED" && status !== "RUNNING") return status;
    env.clock.advance(16 * 60_000);
  }
  throw new Error(`Batch ${batchId} did not finish`);
}
