import { expect, it } from "vitest";
import { createBatch } from "~/franking/create-batch.server";
import { countRequests, MERCHANT } from "../support/internetmarke-sim";
import { describeEachDatabase } from "../support/databases";
import { OPTIONS, settle, useFranking } from "./harness";

describeEachDatabase("franking batches", (database) => {
  const env = useFranking(database);

  it("buys once when the same orders are submitted twice at the same moment", async () => {
    const orders = env.orders(3);
    const input = { shopId: env.shop.id, orders, options: OPTIONS, now: env.clock.now() };
    const [a, b] = await Promise.all([createBatch(env.db(), input), createBatch(env.db(), input)]);
    expect([a.queued, b.queued].sort()).toEqual([0, 3]);
    const loser = a.queued === 0 ? a : b;
    expect(loser.skipped.map((s) => s.reason)).toEqual(["in_other_batch", "in_other_batch", "in_other_batch"]);
    expect(await env.db().frankingClaim.count({ where: { shopId: env.shop.id } })).toBe(3);

    await env.worker().workOnce();
    expect(countRequests(env.sim, "POST", "/app/shoppingcart/pdf")).toBe(1);
    await env.expectMoneyMatches();
    const again = await createBatch(env.db(), { ...input, now: env.clock.now() });
    expect(again.skipped.map((s) => s.reason)).toEqual(["already_franked", "already_franked", "already_franked"]);
    const view = await env.db().frankingBatch.findUniqueOrThrow({ where: { id: again.batchId } });
    expect(view.status).toBe("DONE");
  });

  it("stops before buying when the balance is too low, with the amount missing, and gives the orders back", async () => {
    env.addMerchant({ balanceCents: 100 });
    const orders = env.orders(3);
    const batchId = await env.create(orders);
    expect(await settle(env, batchId)).toBe("INSUFFICIENT_FUNDS");
    const batch = await env.db().frankingBatch.findUniqueOrThrow({ where: { id: batchId }, include: { orders: true } });
    expect(batch).toMatchObject({ missingCents: 3 * 95 - 100, balanceCents: 100, stopReason: "insufficient_balance" });
    expect(batch.orders.map((o) => [o.status, o.error])).toEqual(Array(3).fill(["FAILED", "insufficient_balance"]));
    expect(countRequests(env.sim, "POST", "/app/shoppingcart/pdf")).toBe(0);
    expect(env.sim.account(MERCHANT.username).ledger).toEqual([]);
    expect(await env.db().frankingClaim.count({ where: { batchId } })).toBe(0);
    const retry = await createBatch(env.db(), { shopId: env.shop.id, orders, options: OPTIONS, now: env.clock.now() });
    expect(retry.queued).toBe(3);
  });

  it("stops when the money runs out between the balance check and a later cart, keeping what was bought", async () => {
    const orders = env.orders(4);
    const batchId = await env.create(orders, { maxPositionsPerCart: 2 });
    let drained = false;
    const worker = env.worker({
      hooks: {
        async at(point) {
          if (point !== "after-record" || drained) return;
          drained = true; // someone else spends from the same Portokasse: 9810 - 102 * 95 leaves 120
          const kasse = env.client().client.portokasse(MERCHANT);
          const positions = Array.from({ length: 102 }, () => ({ productCode: 1, voucherLayout: "FRANKING_ZONE" as const }));
          await kasse.checkoutPng({ shopOrderId: await kasse.initCart(), totalCents: 102 * 95, positions });
        },
      },
    });
    await worker.workOnce();
    const batch = await env.db().frankingBatch.findUniqueOrThrow({ where: { id: batchId }, include: { orders: { orderBy: { position: "asc" } } } });
    expect(batch).toMatchObject({ status: "INSUFFICIENT_FUNDS", stopReason: "insufficient_balance", missingCents: 190 - 120 });
    expect(batch.orders.map((o) => o.status)).toEqual(["FULFILLED", "FULFILLED", "FAILED", "FAILED"]);
    expect(await env.db().frankingClaim.count({ where: { batchId } })).toBe(2);
    const ours = await env.db().voucher.findMany({ where: { batchId } });
    const wallet = env.sim.account(MERCHANT.username);
    expect(ours).toHaveLength(2);
    expect(wallet.vouchers.filter((v) => ours.some((o) => o.voucherId === v.voucherId))).toHaveLength(2);
    expect(wallet.balanceCents).toBe(120);
  });

  it("leaves out an order that cannot be franked, keeps the voucher of a failed fulfillment and retries it", async () => {
    const [good, held, unfrankable] = env.orders(3);
    if (!good || !held || !unfrankable) throw new Error("three orders expected");
    const shop = env.fake.shop(env.shop.domain);
    const fulfillmentOrder = shop.requireOrder(held.orderId).fulfillmentOrders[0];
    if (!fulfillmentOrder) throw new Error("fulfillment order expected");
    fulfillmentOrder.status = "ON_HOLD";
    const batchId = await env.create([good, held, { ...unfrankable, address: null }]);

    const worker = env.worker();
    await worker.workOnce();
    let batch = await env.db().frankingBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch.status).toBe("RUNNING");
    expect(batch.leaseOwner).toBeNull();
    const statuses = await env.db().frankingOrder.findMany({ where: { batchId }, orderBy: { position: "asc" }, include: { voucher: true, fulfillmentTask: true } });
    expect(statuses.map((o) => [o.orderName, o.status, o.reason])).toEqual([
      [good.orderName, "FULFILLED", null],
      [held.orderName, "BOUGHT", null],
      [unfrankable.orderName, "SKIPPED", "no_address"],
    ]);
    expect(statuses[1]?.voucher).not.toBeNull();
    expect(statuses[1]?.fulfillmentTask).toMatchObject({ state: "PENDING", attempts: 1 });
    expect(statuses[1]?.error).toContain("on_hold");

    expect(await worker.workOnce()).toBe(0); // not due yet
    fulfillmentOrder.status = "OPEN";
    env.clock.advance(31_000);
    expect(await worker.workOnce()).toBe(1);
    batch = await env.db().frankingBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch.status).toBe("DONE");
    const after = await env.db().frankingOrder.findFirstOrThrow({ where: { batchId, orderId: held.orderId } });
    expect([after.status, after.error]).toEqual(["FULFILLED", null]);
    expect(shop.requireOrder(held.orderId).fulfillments).toHaveLength(1);
    await env.expectMoneyMatches();
  });

  it("gives up on the Shopify write-back of a cancelled order but keeps its voucher", async () => {
    const orders = env.orders(2);
    const batchId = await env.create(orders);
    const cancelled = env.fake.shop(env.shop.domain).requireOrder(orders[1]?.orderId ?? "");
    cancelled.cancelledAt = env.clock.now();
    expect(await settle(env, batchId)).toBe("DONE");
    const order = await env.db().frankingOrder.findFirstOrThrow({ where: { batchId, orderId: orders[1]?.orderId }, include: { voucher: true, fulfillmentTask: true } });
    expect(order.status).toBe("BOUGHT");
    expect(order.voucher).not.toBeNull();
    expect(order.fulfillmentTask?.state).toBe("FAILED");
    expect(order.error).toContain("cancelled");
  });
});

describeEachDatabase("franking with a server limit on cart size", (database) => {
  const env = useFranking(database, { maxPositionsPerCart: 3 });

  it("splits a cart the API refuses as too big and buys every order once", async () => {
    const batchId = await env.create(env.orders(7));
    expect(await settle(env, batchId)).toBe("DONE");
    const carts = await env.db().frankingCart.findMany({ where: { batchId }, orderBy: { sequence: "asc" } });
    const bought = carts.filter((c) => c.state === "BOUGHT");
    expect(bought.reduce((n, c) => n + JSON.parse(c.positions).length, 0)).toBe(7);
    expect(carts.some((c) => c.error === "too_many_positions")).toBe(true);
    const batch = await env.db().frankingBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch.maxPositionsPerCart).toBeLessThanOrEqual(4);
    await env.expectMoneyMatches();
  });
});
