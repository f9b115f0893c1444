import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createBatch } from "~/franking/create-batch.server";
import { acceptTerms } from "~/terms/terms.server";
import { countRequests, MERCHANT } from "../support/internetmarke-sim";
import { createMigratedDatabase, postgresAvailable, type TestDatabase } from "../support/databases";
import { runChild } from "./child";
import { OPTIONS, SENDER, STANDARDBRIEF, useFranking } from "./harness";

const reportLine = z.object({ point: z.string(), batchId: z.string(), owner: z.string() });
const SHOPS = 10;

describe.skipIf(!postgresAvailable())("two worker processes on one PostgreSQL, ten shops", () => {
  let current: TestDatabase | null = null;
  const database = () => {
    if (!current) throw new Error("database not ready");
    return current;
  };
  beforeAll(async () => {
    current = await createMigratedDatabase("postgresql");
  });
  afterAll(async () => {
    await current?.drop();
  });
  const env = useFranking(database);
  let fakeOrigin = "";
  let closeFake: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const server = await env.fake.listen();
    fakeOrigin = server.origin;
    closeFake = () => server.close();
  });
  afterAll(async () => {
    await closeFake();
  });

  it("share the shops' batches, each batch run by exactly one of them, each shop's money once", async () => {
    env.sim.faults.latencyMs = 20;
    const db = env.db();
    await db.shop.deleteMany({ where: { domain: { startsWith: "many-" } } });
    const shops: Array<{
      id: string;
      domain: string;
      accessToken: string;
      username: string;
      password: string;
      batchIds: string[];
    }> = [];
    for (let s = 0; s < SHOPS; s++) {
      const username = `versand${s}@many.example`;
      // Each Portokasse has its own serial number: voucher ids are made from it, and are unique everywhere.
      env.addMerchant({
        username,
        password: MERCHANT.password,
        balanceCents: 10_000,
        serialNumber: `AF18800${String(s).padStart(3, "0")}`,
      });
      const added = env.fake.addShop({ shopDomain: `many-${s}.myshopify.com` });
      const row = await db.shop.create({ data: { domain: added.shopDomain } });
      await acceptTerms(db, { shopId: row.id, acceptedBy: "test", now: env.clock.now() });
      const state = env.fake.shop(added.shopDomain);
      // The first shop has four batches, every other shop one: the first must not hold the others up.
      const batchIds: string[] = [];
      for (let b = 0; b < (s === 0 ? 4 : 1); b++) {
        const orders = [0, 1].map((i) => {
          const order = state.addOrder({
            customer: {
              email: `k${s}-${b}-${i}@example.com`,
              firstName: "Kim",
              lastName: `Kunde ${s}-${b}-${i}`,
            },
            shippingAddress: {
              firstName: "Kim",
              lastName: "Kunde",
              address1: "Ringstraße 1",
              zip: "10115",
              city: "Berlin",
              countryCode: "DE",
            },
            lineItems: [{ title: "Grußkarte", quantity: 1, priceCents: 350 }],
          });
          return {
            orderId: `gid://shopify/Order/${order.id}`,
            orderName: order.name,
            ...STANDARDBRIEF,
            address: {
              sender: SENDER,
              receiver: {
                name: "Kim Kunde",
                addressLine1: "Ringstraße 1",
                postalCode: "10115",
                city: "Berlin",
                country: "DEU",
              },
            },
          };
        });
        const created = await createBatch(db, {
          shopId: row.id,
          orders,
          options: OPTIONS,
          now: env.clock.now(),
        });
        batchIds.push(created.batchId);
      }
      shops.push({
        id: row.id,
        domain: added.shopDomain,
        accessToken: added.accessToken,
        username,
        password: MERCHANT.password,
        batchIds,
      });
    }

    const run = (owner: string) =>
      runChild({
        databaseUrl: database().target.url,
        simOrigin: env.origin(),
        fakeOrigin,
        shopDomain: env.shop.domain,
        accessToken: env.shop.token,
        crashAt: null,
        clockStartMs: env.clock.now().getTime(),
        owner,
        report: true,
        shops,
        background: { concurrency: 3, perShop: 1 },
      });
    const results = await Promise.all([run("worker-a"), run("worker-b")]);
    for (const result of results) expect(result.code, result.stderr).toBe(0);

    const lines = results.flatMap((r) =>
      r.stdout
        .split("\n")
        .filter(Boolean)
        .map((l) => reportLine.parse(JSON.parse(l))),
    );
    const owners = new Map<string, Set<string>>();
    for (const line of lines)
      owners.set(line.batchId, (owners.get(line.batchId) ?? new Set()).add(line.owner));
    const allBatchIds = shops.flatMap((s) => s.batchIds);
    expect([...owners.keys()].sort()).toEqual([...allBatchIds].sort());
    for (const [batchId, by] of owners) expect([...by], batchId).toHaveLength(1);
    expect(new Set(lines.map((l) => l.owner)).size).toBe(2);

    const batches = await db.frankingBatch.findMany({ where: { id: { in: allBatchIds } } });
    expect(batches.map((b) => `${b.status} ${b.error ?? ""}`.trim())).toEqual(allBatchIds.map(() => "DONE"));
    expect(countRequests(env.sim, "POST", "/app/shoppingcart/pdf")).toBe(allBatchIds.length);
    for (const shop of shops) {
      const account = env.sim.account(shop.username);
      const vouchers = await db.voucher.findMany({ where: { shopId: shop.id } });
      expect(vouchers, shop.domain).toHaveLength(shop.batchIds.length * 2);
      expect(vouchers.map((v) => v.voucherId).sort()).toEqual(
        account.vouchers.map((v) => v.voucherId).sort(),
      );
      const debited = -account.ledger
        .filter((e) => e.kind === "purchase")
        .reduce((sum, e) => sum + e.cents, 0);
      expect(debited, shop.domain).toBe(vouchers.reduce((sum, v) => sum + v.priceCents, 0));
      expect(new Set(vouchers.map((v) => v.orderId)).size, shop.domain).toBe(vouchers.length);
      for (const order of env.fake.shop(shop.domain).orders)
        expect(order.fulfillments, order.name).toHaveLength(1);
    }
  }, 60_000);
});
