import { expect, it } from "vitest";
import { countRequests, MERCHANT } from "../support/internetmarke-sim";
import { REFUND_METAFIELD, REFUND_TAGS } from "~/refunds/shopify-sync.server";
import { describeEachDatabase } from "../support/databases";
import { EINSCHREIBEN, useRefunds } from "./harness";

describeEachDatabase("refunds for cancelled orders", (database) => {
  const env = useRefunds(database);

  it("queues the job in the same write as the event, and only once per event", async () => {
    const [order] = env.openOrders(1);
    if (!order) throw new Error("no order");
    expect(await env.cancel(order.orderId, "ev-1")).toBe(true);
    expect(await env.cancel(order.orderId, "ev-1")).toBe(false);
    const events = await env.db().webhookEvent.findMany({ where: { shopId: env.shop.id }, include: { refundJob: true } });
    expect(events).toHaveLength(1);
    expect(events[0]?.refundJob).toMatchObject({ orderId: order.orderId, state: "QUEUED" });
  });

  it("refunds the stamps of a cancelled order in one Retoure per cart, tracked until confirmed", async () => {
    const orders = env.openOrders(3);
    const [first, second, third] = orders;
    if (!first || !second || !third) throw new Error("orders");
    const plain = await env.buy([first, second]);
    const registered = await env.buy([third], EINSCHREIBEN);
    // A shop order that spans carts is rare; here one cancellation event per order.
    for (const o of orders) await env.cancel(o.orderId);
    const worker = env.worker();
    await worker.workOnce();
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(2);
    const requests = await env.db().retoureRequest.findMany({ where: { shopId: env.shop.id }, include: { refunds: true } });
    expect(requests.map((r) => [r.cartId, r.state, r.refunds.length]).sort()).toEqual(
      [[plain.cartId, "OPEN", 2], [registered.cartId, "OPEN", 1]].sort(),
    );
    expect((await env.db().refund.findMany()).every((r) => r.state === "PENDING" && r.source === "CANCELLATION")).toBe(true);

    const fakeShop = env.fake.shop(env.shop.domain);
    expect(fakeShop.requireOrder(first.orderId).tags).toContain(REFUND_TAGS.pending);

    await env.settle();
    const refunds = await env.db().refund.findMany({ where: { shopId: env.shop.id } });
    expect(refunds.map((r) => [r.state, r.refundedCents]).sort()).toEqual([["REFUNDED", 330], ["REFUNDED", 95], ["REFUNDED", 95]].sort());
    const closed = await env.db().retoureRequest.findMany({ where: { shopId: env.shop.id } });
    expect(closed.map((r) => [r.state, r.refundedCents, r.retourePriceCents]).sort()).toEqual([["CLOSED", 190, 190], ["CLOSED", 330, 330]].sort());
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(2);
    expect(env.sim.account(MERCHANT.username).balanceCents).toBe(10_000);
    await env.expectMoneyReconciles();

    const tags = fakeShop.requireOrder(third.orderId).tags;
    expect(tags).toContain(REFUND_TAGS.refunded);
    expect(tags).not.toContain(REFUND_TAGS.pending);
    const metafield = fakeShop.metafieldsOf(third.orderId).find((m) => m.key === REFUND_METAFIELD.key);
    expect(JSON.parse(metafield?.value ?? "{}")).toMatchObject({
      state: "refunded",
      refundedCents: 330,
      vouchers: [{ voucherId: registered.vouchers[0]?.voucherId, state: "REFUNDED", reason: null }],
    });
    const jobs = await env.db().refundJob.findMany();
    expect(jobs.map((j) => [j.state, j.outcome])).toEqual([["DONE", "filed"], ["DONE", "filed"], ["DONE", "filed"]]);
  });

  it("delivered 10 times at once, or as 10 events, the cancellation gives one Retoure", async () => {
    const [order] = env.openOrders(1);
    if (!order) throw new Error("no order");
    await env.buy([order]);
    const sameEvent = await Promise.all(Array.from({ length: 10 }, () => env.cancel(order.orderId, "ev-same")));
    expect(sameEvent.filter(Boolean)).toHaveLength(1);
    await Promise.all(Array.from({ length: 10 }, (_, i) => env.cancel(order.orderId, `ev-other-${i}`)));
    expect(await env.db().refundJob.count()).toBe(11);
    // Several workers (several app processes) on the same jobs at the same time.
    await Promise.all(Array.from({ length: 4 }, (_, i) => env.worker({ owner: `worker-${i}` }).workOnce()));
    await env.settle();
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    expect(await env.db().refund.count()).toBe(1);
    expect(await env.db().refund.findFirst()).toMatchObject({ state: "REFUNDED", refundedCents: 95 });
    await env.expectMoneyReconciles();
  });

  it("leaves the stamps alone when the merchant switched automatic refunds off", async () => {
    const [order] = env.openOrders(1);
    if (!order) throw new Error("no order");
    await env.buy([order]);
    await env.db().shop.update({ where: { id: env.shop.id }, data: { settings: JSON.stringify({ automaticRefunds: false }) } });
    await env.cancel(order.orderId);
    await env.settle();
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(0);
    expect(await env.db().refund.count()).toBe(0);
    expect(await env.db().refundJob.findFirst()).toMatchObject({ state: "DONE", outcome: "automatic_refunds_off" });
  });

  it("marks a stamp older than 14 days as not refundable, with the reason, without asking Deutsche Post", async () => {
    const [old, fresh] = env.openOrders(2);
    if (!old || !fresh) throw new Error("orders");
    await env.buy([old]);
    env.clock.advance(10 * 24 * 3600_000);
    await env.buy([fresh]);
    env.clock.advance(5 * 24 * 3600_000);
    await env.cancel(old.orderId);
    await env.cancel(fresh.orderId);
    await env.settle();
    const refunds = await env.db().refund.findMany({ orderBy: { createdAt: "asc" } });
    const byOrder = new Map(refunds.map((r) => [r.orderId, r]));
    expect(byOrder.get(old.orderId)).toMatchObject({ state: "NOT_REFUNDED", reason: "window_expired", retoureId: null, refundedCents: 0 });
    expect(byOrder.get(fresh.orderId)).toMatchObject({ state: "REFUNDED", refundedCents: 95 });
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    expect(env.fake.shop(env.shop.domain).requireOrder(old.orderId).tags).toContain(REFUND_TAGS.not_refunded);
    await env.expectMoneyReconciles();
  });

  it("a cancelled order without stamps finishes with nothing to refund", async () => {
    const [order] = env.openOrders(1);
    if (!order) throw new Error("no order");
    await env.cancel(order.orderId);
    await env.settle();
    expect(await env.db().refundJob.findFirst()).toMatchObject({ state: "DONE", outcome: "nothing_to_refund" });
    expect(env.sim.requests).toHaveLength(0);
  });
});
