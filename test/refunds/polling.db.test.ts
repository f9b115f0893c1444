import { expect, it } from "vitest";
import { IM_BASE_PATH } from "../simulators/internetmarke";
import { REFUND_TAGS } from "~/refunds/shopify-sync.server";
import { requestRefunds, UnknownVoucherError } from "~/refunds/request-refunds.server";
import { describeEachDatabase } from "../support/databases";
import { OPENING_BALANCE, useRefunds } from "./harness";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describeEachDatabase("following a Retoure", (database) => {
  const env = useRefunds(database, { retoureDelayMs: 10 * 60_000 });

  it("polls the state with backoff under simulated time until nothing is open", async () => {
    const [order] = env.openOrders(1);
    if (!order) throw new Error("order");
    await env.buy([order]);
    await env.cancel(order.orderId);
    const sleeps: number[] = [];
    const worker = env.worker({
      pollMs: 30_000,
      sleep: async (ms) => {
        sleeps.push(ms);
        env.clock.advance(ms);
        // Simulated time passes at once, but the loop still yields to timers and I/O like a real sleep.
        await new Promise((resolve) => setImmediate(resolve));
      },
    });
    worker.start();
    const deadline = Date.now() + 15_000;
    while ((await env.db().refund.findFirst())?.state !== "REFUNDED" && Date.now() < deadline) await tick();
    await worker.stop();

    expect(await env.db().refund.findFirst()).toMatchObject({ state: "REFUNDED", refundedCents: 95 });
    const lookups = env.sim.requests.filter((r) => r.method === "GET" && r.path === `${IM_BASE_PATH}/app/retoure`).map((r) => r.at.getTime());
    const gaps = lookups.slice(1).map((at, i) => at - (lookups[i] ?? at));
    // 5 s, 10 s, 20 s, ... : each wait at least doubles until the refund settled after 10 minutes.
    expect(lookups.length).toBeGreaterThanOrEqual(5);
    expect(lookups.length).toBeLessThanOrEqual(9);
    expect(gaps[0]).toBe(5_000);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBe(2 * (gaps[i - 1] ?? 0));
    expect(sleeps.every((ms) => ms <= 30_000)).toBe(true);
    const request = await env.db().retoureRequest.findFirstOrThrow();
    expect(request).toMatchObject({ state: "CLOSED", refundedCents: 95 });
    expect(request.checks).toBe(lookups.length - 1);
    await env.expectMoneyReconciles();
  });

  it("requestRefunds: one shop's vouchers only, filed once however often asked, old ones not refundable", async () => {
    const [a, b] = env.openOrders(2);
    if (!a || !b) throw new Error("orders");
    const old = await env.buy([a]);
    env.clock.advance(15 * 24 * 3600_000);
    const fresh = await env.buy([b]);
    const ids = [old.vouchers[0]?.voucherId ?? "", fresh.vouchers[0]?.voucherId ?? ""];
    const other = await env.db().shop.create({ data: { domain: `other-${Math.random()}.myshopify.com` } });
    await expect(requestRefunds(env.db(), other.id, ids, env.clock.now())).rejects.toBeInstanceOf(UnknownVoucherError);
    await expect(requestRefunds(env.db(), env.shop.id, [...ids, "AF188FFFFF00000000ZZ"], env.clock.now())).rejects.toBeInstanceOf(UnknownVoucherError);
    expect(await env.db().refund.count()).toBe(0);

    const results = await Promise.all(Array.from({ length: 5 }, () => requestRefunds(env.db(), env.shop.id, ids, env.clock.now())));
    expect(new Set(results.map((r) => r.refundIds.join()))).toHaveProperty("size", 1);
    expect(results.reduce((sum, r) => sum + r.created, 0)).toBe(2);
    await env.settle();
    const refunds = await env.db().refund.findMany({ where: { id: { in: results[0]?.refundIds ?? [] } } });
    expect(refunds.map((r) => [r.voucherId, r.state, r.reason]).sort()).toEqual(
      [[ids[0], "NOT_REFUNDED", "window_expired"], [ids[1], "REFUNDED", null]].sort(),
    );
    await env.expectMoneyReconciles();
  });

  it("writes the refund state to Shopify again after Shopify failed", async () => {
    const [order] = env.openOrders(1);
    if (!order) throw new Error("order");
    await env.buy([order]);
    await env.cancel(order.orderId);
    let down = true;
    const worker = env.worker({
      adminFor: async () => {
        if (down) throw new Error("Shopify is unreachable");
        const { fakeAdmin } = await import("../support/fake-admin");
        return fakeAdmin(env.fake, env.shop.domain, env.shop.token);
      },
    });
    await worker.workOnce();
    expect(await env.db().refundSync.findFirstOrThrow()).toMatchObject({ dirty: true, attempts: 1, lastError: "Shopify is unreachable" });
    down = false;
    env.clock.advance(11 * 60_000);
    for (let i = 0; i < 5; i++) {
      await worker.workOnce();
      env.clock.advance(60_000);
    }
    expect(await env.db().refundSync.findFirstOrThrow()).toMatchObject({ dirty: false, lastError: null });
    expect(env.fake.shop(env.shop.domain).requireOrder(order.orderId).tags).toContain(REFUND_TAGS.refunded);
  });

  it("credits the known Portokasse balance only when it was read before the refund settled", async () => {
    const [a, b] = env.openOrders(2);
    if (!a || !b) throw new Error("orders");
    await env.buy([a]);
    const bought = await env.db().portokasseAccount.findUniqueOrThrow({ where: { shopId: env.shop.id } });
    expect(bought.balanceCents).toBe(OPENING_BALANCE - 95);
    await env.cancel(a.orderId);
    await env.settle();
    const credited = await env.db().portokasseAccount.findUniqueOrThrow({ where: { shopId: env.shop.id } });
    expect(credited.balanceCents).toBe(OPENING_BALANCE);
    await env.buy([b]);
    await env.cancel(b.orderId);
    const worker = env.worker();
    await worker.workOnce();
    // The merchant tested the login after the refund was filed: that reading may already include it.
    env.clock.advance(11 * 60_000);
    await env.db().portokasseAccount.update({ where: { shopId: env.shop.id }, data: { balanceCents: 9_999, balanceCheckedAt: env.clock.now() } });
    await env.settle();
    expect((await env.db().portokasseAccount.findUniqueOrThrow({ where: { shopId: env.shop.id } })).balanceCents).toBe(9_999);
  });
});
