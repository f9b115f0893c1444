import { expect, it } from "vitest";
import { kickFrankingWorkers, startFrankingWorker } from "~/franking/worker.server";
import { describeEachDatabase } from "../support/databases";
import { EINSCHREIBEN, useFranking } from "./harness";

describeEachDatabase("franking a batch", (database) => {
  const env = useFranking(database);

  it("buys every order once, stores the label file and writes fulfillments, tags and metafields", async () => {
    const orders = [...env.orders(3), ...env.orders(4).slice(3).map((o) => ({ ...o, ...EINSCHREIBEN }))];
    const batchId = await env.create(orders, { startPosition: 4 });
    expect(await env.worker().workOnce()).toBe(1);

    const db = env.db();
    const batch = await db.frankingBatch.findUniqueOrThrow({ where: { id: batchId }, include: { carts: true, orders: { include: { voucher: true } } } });
    expect(batch.status).toBe("DONE");
    expect(batch.leaseOwner).toBeNull();
    expect(batch.totalCents).toBe(3 * 95 + 330);
    expect(batch.carts).toHaveLength(1);
    const [cart] = batch.carts;
    expect(cart?.state).toBe("BOUGHT");
    expect(Buffer.from(cart?.labelBytes ?? new Uint8Array()).subarray(0, 5).toString()).toBe("%PDF-");
    expect(cart?.manifestBytes?.length).toBeGreaterThan(100);
    expect(batch.orders.every((o) => o.status === "FULFILLED")).toBe(true);
    await env.expectMoneyMatches();

    const shop = env.fake.shop(env.shop.domain);
    const registered = batch.orders.find((o) => o.registered);
    const trackId = registered?.voucher?.trackId;
    expect(trackId).toMatch(/^RR\d{9}DE$/);
    const fakeOrder = shop.requireOrder(registered?.orderId ?? "");
    expect(fakeOrder.fulfillments[0]?.trackingInfo).toEqual([{ company: "Deutsche Post", number: trackId, url: null }]);
    expect(fakeOrder.tags).toContain("frankiert");
    const metafield = shop.metafieldsOf(registered?.orderId ?? "").find((m) => m.key === "vouchers");
    expect(JSON.parse(metafield?.value ?? "{}")).toMatchObject({ batchId, vouchers: [{ voucherId: registered?.voucher?.voucherId, trackId }] });
    const plain = shop.requireOrder(orders[0]?.orderId ?? "");
    expect(plain.fulfillments[0]?.trackingInfo).toEqual([]);
  });

  it("fills the grid from the start position across pages, cutting carts at page ends", async () => {
    const batchId = await env.create(env.orders(12), { startPosition: 9, maxPositionsPerCart: 8 });
    await env.worker().workOnce();
    const carts = await env.db().frankingCart.findMany({ where: { batchId }, orderBy: { sequence: "asc" } });
    // Slots 9, 10 fill page 1; the first cart ends there, the second starts on page 2.
    expect(carts.map((c) => JSON.parse(c.positions).length)).toEqual([2, 8, 2]);
    expect(carts.every((c) => c.state === "BOUGHT" && c.labelBytes !== null)).toBe(true);
    await env.expectMoneyMatches();
  });

  it("buys PNG stamps as one ZIP per cart", async () => {
    const batchId = await env.create(env.orders(2), { labelFormat: "PNG", pageFormat: null, layout: "FRANKING_ZONE" });
    await env.worker().workOnce();
    const [cart] = await env.db().frankingCart.findMany({ where: { batchId } });
    expect(cart?.state).toBe("BOUGHT");
    expect(Buffer.from(cart?.labelBytes ?? new Uint8Array()).subarray(0, 2).toString()).toBe("PK");
    expect(JSON.parse(cart?.positions ?? "[]")).toMatchObject([{ slot: null, address: null }, { slot: null, address: null }]);
    await env.expectMoneyMatches();
  });

  it("runs in the background: a started worker is kicked when a batch is created and stops cleanly", async () => {
    // Polls only every minute: the batch below is found this quickly only because the creation kicks it.
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
    const worker = startFrankingWorker(env.workerOptions({ pollMs: 60_000, sleep }));
    try {
      await new Promise((r) => setTimeout(r, 300)); // the first (empty) poll is over
      const batchId = await env.create(env.orders(2));
      kickFrankingWorkers();
      let status = "QUEUED";
      for (let i = 0; i < 100 && status !== "DONE"; i++) {
        await new Promise((r) => setTimeout(r, 50));
        status = (await env.db().frankingBatch.findUniqueOrThrow({ where: { id: batchId } })).status;
      }
      expect(status).toBe("DONE");
    } finally {
      await worker.stop();
    }
    await env.expectMoneyMatches();
  });
});
