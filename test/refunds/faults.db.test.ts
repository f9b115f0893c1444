import { expect, it } from "vitest";
import { loadDeutschePostStatus, PAUSE_MS } from "~/availability/health.server";
import { countRequests, MERCHANT } from "../support/internetmarke-sim";
import type { InternetmarkeSimulator } from "../simulators/internetmarke";
import { describeEachDatabase } from "../support/databases";
import { useRefunds, type RefundEnv } from "./harness";

const RETOURE = { path: "/app/retoure", method: "POST" };
const STATE = { path: "/app/retoure", method: "GET" };
type Arm = (sim: InternetmarkeSimulator) => void;

/**
 * Each fault on the Retoure calls, the carts cancelled (one Retoure each) and how many POSTs it takes: a
 * Retoure proven absent (or refused before handling) is sent again; one that exists never is.
 */
const FAULTS: Array<[string, Arm, number, number]> = [
  ["connection dropped after the simulator committed the Retoure", (s) => s.faults.dropAfterCommit(1, RETOURE), 1, 1],
  ["connection dropped before handling", (s) => s.faults.dropBeforeHandling(1, RETOURE), 1, 2],
  ["500 on the Retoure", (s) => s.faults.failNext(1, { ...RETOURE, status: 500 }), 1, 2],
  ["504 on the Retoure", (s) => s.faults.failNext(1, { ...RETOURE, status: 504 }), 1, 2],
  ["429 on the Retoure", (s) => s.faults.rateLimitNext(1, 2, RETOURE), 1, 2],
  [
    "dropped after commit, then the state lookup fails three times",
    (s) => {
      s.faults.dropAfterCommit(1, RETOURE);
      s.faults.failNext(3, { ...STATE, status: 502 });
    },
    1,
    1,
  ],
  ["dropped after commit twice in a row (two carts)", (s) => s.faults.dropAfterCommit(2, RETOURE), 2, 2],
];

async function cancelBought(env: RefundEnv, carts: number) {
  const bought = [];
  for (let i = 0; i < carts; i++) {
    const orders = env.openOrders(2);
    bought.push(await env.buy(orders));
    for (const o of orders) await env.cancel(o.orderId);
  }
  return bought;
}

describeEachDatabase("refunds under faults", (database) => {
  const env = useRefunds(database);

  it.each(FAULTS)("%s: exactly one refund per voucher, never re-sent blindly", async (_name, arm, carts, posts) => {
    const bought = await cancelBought(env, carts);
    arm(env.sim);
    await env.settle();
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(posts);
    const refunds = await env.db().refund.findMany({ where: { shopId: env.shop.id } });
    expect(refunds).toHaveLength(2 * carts);
    expect(refunds.every((r) => r.state === "REFUNDED" && r.refundedCents === 95)).toBe(true);
    const account = env.sim.account(MERCHANT.username);
    expect(account.ledger.filter((e) => e.kind === "refund")).toHaveLength(carts);
    expect(account.vouchers.filter((v) => v.refunded).map((v) => v.voucherId).sort()).toEqual(
      bought.flatMap((b) => b.vouchers.map((v) => v.voucherId)).sort(),
    );
    await env.expectMoneyReconciles();
  });

  it("a lost answer is found by the time window while the Retoure is still open, and followed to the end", async () => {
    await cancelBought(env, 1);
    env.sim.faults.dropAfterCommit(1, RETOURE);
    const worker = env.worker();
    await worker.workOnce();
    const sent = await env.db().retoureRequest.findFirstOrThrow();
    expect(sent).toMatchObject({ state: "SENT", shopRetoureId: null });
    expect(sent.lastError).toMatch(/^outcome_unknown/);
    env.clock.advance(2_000);
    await worker.workOnce();
    // Open at Deutsche Post and listing none of our vouchers yet: it could be ours, so wait; do not re-send.
    expect(await env.db().retoureRequest.findFirstOrThrow()).toMatchObject({ state: "SENT", checks: 1 });
    env.clock.advance(60_000);
    await worker.workOnce();
    expect(await env.db().retoureRequest.findFirstOrThrow()).toMatchObject({ state: "CLOSED", refundedCents: 190 });
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    await env.settle();
    await env.expectMoneyReconciles();
  });

  it("a voucher Deutsche Post refuses (already refunded elsewhere) shows as not refunded, with the reason", async () => {
    const [a, b] = env.openOrders(2);
    if (!a || !b) throw new Error("orders");
    const cart = await env.buy([a, b]);
    const first = cart.vouchers[0];
    if (!first) throw new Error("voucher");
    // The merchant refunded one stamp in the Portokasse website, outside the app.
    await env.client().client.portokasse(MERCHANT).requestRetoure({ vouchers: [{ voucherId: first.voucherId }] });
    await env.cancel(a.orderId);
    await env.cancel(b.orderId);
    await env.settle();
    const refunds = await env.db().refund.findMany({ orderBy: { voucherId: "asc" } });
    const byVoucher = new Map(refunds.map((r) => [r.voucherId, r]));
    expect(byVoucher.get(first.voucherId)).toMatchObject({ state: "NOT_REFUNDED", reason: "refused", refundedCents: 0 });
    expect(byVoucher.get(cart.vouchers[1]?.voucherId ?? "")).toMatchObject({ state: "REFUNDED", refundedCents: 95 });
    const request = await env.db().retoureRequest.findFirstOrThrow({ where: { shopId: env.shop.id } });
    expect(request).toMatchObject({ state: "CLOSED", refundedCents: 95, retourePriceCents: 95 });
    // Deutsche Post refunded that stamp once, through the merchant's own Retoure.
    const account = env.sim.account(MERCHANT.username);
    expect(account.ledger.filter((e) => e.kind === "refund").map((e) => e.cents).sort()).toEqual([95, 95]);
  });

  it("a voucher past 14 days at Deutsche Post (recorded late by the app) is refused for its age", async () => {
    const [order] = env.openOrders(1);
    if (!order) throw new Error("order");
    await env.buy([order]);
    // The app recorded the purchase 30 minutes after Deutsche Post made it (a reconciled checkout).
    const voucher = await env.db().voucher.findFirstOrThrow();
    await env.db().voucher.update({ where: { id: voucher.id }, data: { boughtAt: new Date(voucher.boughtAt.getTime() + 30 * 60_000) } });
    env.clock.advance(14 * 24 * 3600_000 + 10 * 60_000);
    await env.cancel(order.orderId);
    await env.settle();
    expect(await env.db().refund.findFirstOrThrow()).toMatchObject({ state: "NOT_REFUNDED", reason: "refused_window_expired" });
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    await env.expectMoneyReconciles();
  });

  it("without a linked Portokasse the request waits, then goes out once one is linked", async () => {
    await cancelBought(env, 1);
    let linked = false;
    const worker = env.worker({ portokasseFor: async (_shop, im) => (linked ? im.portokasse(MERCHANT) : null) });
    await worker.workOnce();
    expect(await env.db().retoureRequest.findFirstOrThrow()).toMatchObject({ state: "PENDING", lastError: "portokasse_not_linked", attempts: 1 });
    linked = true;
    env.clock.advance(60_000);
    await worker.workOnce();
    await env.settle();
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    await env.expectMoneyReconciles();
  });
});

describeEachDatabase("refunds through a Deutsche Post outage", (database) => {
  const env = useRefunds(database);

  it("pause without counting attempts while the health check fails, and refund once it is back", async () => {
    await cancelBought(env, 1);
    env.sim.faults.startOutage();
    const worker = env.worker();
    for (let i = 0; i < 4; i++) {
      await worker.workOnce();
      env.clock.advance(PAUSE_MS);
    }
    const jobs = await env.db().refundJob.findMany({ where: { shopId: env.shop.id } });
    const requests = await env.db().retoureRequest.findMany({ where: { shopId: env.shop.id } });
    // Whichever step the outage hit, it waits with no attempt counted (its backoff does not grow).
    for (const item of [...jobs.filter((j) => j.state !== "DONE"), ...requests])
      expect([item.attempts, item.lastError]).toEqual([0, expect.stringMatching(/^paused, Deutsche Post is not reachable/)]);
    expect(jobs.length + requests.length).toBeGreaterThan(0);
    expect((await loadDeutschePostStatus(env.db()))?.up).toBe(false);

    env.sim.faults.endOutage();
    await env.settle();
    const refunds = await env.db().refund.findMany({ where: { shopId: env.shop.id } });
    expect(refunds.map((r) => r.state)).toEqual(["REFUNDED", "REFUNDED"]);
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    await env.expectMoneyReconciles();
  });
});
