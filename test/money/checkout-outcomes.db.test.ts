/**
 * Issue 17: the franking decisions around one checkout, each through the real database and the
 * simulator over HTTP: a claim race lost at the unique key, a balance that exactly covers the batch,
 * an invalidShopOrderID answer after the service committed, and a commit that lands after the client's
 * timeout (reconciliation waits until the service cannot still be working on it).
 */
import { expect, it } from "vitest";
import type { Db } from "~/db.server";
import { createBatch } from "~/franking/create-batch.server";
import { countRequests, MERCHANT } from "../support/internetmarke-sim";
import { describeEachDatabase } from "../support/databases";
import { OPTIONS, settle, STANDARDBRIEF, useFranking } from "../franking/harness";

const CHECKOUT = { path: "/app/shoppingcart/pdf", method: "POST" };

/**
 * A database whose first claim check inside a transaction sees no claims: the interleaving where this
 * request read the claims before another request's batch (already committed here) inserted its own.
 */
function checkedBeforeTheOtherInserted(db: Db): Db {
  let first = true;
  const txProxy = (tx: object) =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (prop !== "frankingClaim" || !first || typeof value !== "object" || value === null) return value;
        return new Proxy(value, {
          get(claims, name, r) {
            if (name === "findMany" && first) {
              first = false;
              return async () => [];
            }
            return Reflect.get(claims, name, r);
          },
        });
      },
    });
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
      return (fn: (tx: object) => Promise<unknown>, options?: object) =>
        target.$transaction((tx) => fn(txProxy(tx)), options);
    },
  });
}

describeEachDatabase("one checkout's outcomes", (database) => {
  const env = useFranking(database);

  it("two batches claim the same orders at once: the one that loses at the unique key leaves them out as in_other_batch", async () => {
    const orders = env.orders(3);
    const input = { shopId: env.shop.id, orders, options: OPTIONS, now: env.clock.now() };
    const winner = await createBatch(env.db(), input);
    const loser = await createBatch(checkedBeforeTheOtherInserted(env.db()), input);
    expect(winner.queued).toBe(3);
    expect(loser.queued).toBe(0);
    expect(loser.skipped.map((s) => s.reason)).toEqual([
      "in_other_batch",
      "in_other_batch",
      "in_other_batch",
    ]);
    const claims = await env.db().frankingClaim.findMany({ where: { shopId: env.shop.id } });
    expect(claims.map((c) => c.batchId)).toEqual([winner.batchId, winner.batchId, winner.batchId]);
    expect(await env.db().frankingBatch.findUniqueOrThrow({ where: { id: loser.batchId } })).toMatchObject({
      status: "DONE",
      totalCents: 0,
    });
  });

  it("a balance exactly equal to the batch total buys", async () => {
    env.sim.addAccount({
      ...MERCHANT,
      balanceCents: 3 * STANDARDBRIEF.priceCents,
      serialNumber: "AF188FFFFF",
      approvedApps: ["frankiermeister-app"],
    });
    const batchId = await env.create(env.orders(3));
    expect(await settle(env, batchId)).toBe("DONE");
    const batch = await env.db().frankingBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch).toMatchObject({ balanceCents: 285, totalCents: 285, stopReason: null, missingCents: null });
    expect(env.sim.account(MERCHANT.username).balanceCents).toBe(0);
    expect(await env.db().voucher.count({ where: { batchId } })).toBe(3);
    await env.expectMoneyMatches();
  });

  it("a checkout answered with invalidShopOrderID after the service committed is reconciled, not bought again", async () => {
    const batchId = await env.create(env.orders(2));
    env.sim.faults.resendByGateway(1, CHECKOUT);
    expect(await settle(env, batchId)).toBe("DONE");
    expect(countRequests(env.sim, "POST", "/app/shoppingcart/pdf")).toBe(1);
    expect(countRequests(env.sim, "POST", "/app/shoppingcart")).toBe(1);
    const carts = await env.db().frankingCart.findMany({ where: { batchId } });
    expect(carts.map((c) => c.state)).toEqual(["BOUGHT"]);
    expect(env.sim.account(MERCHANT.username).vouchers).toHaveLength(2);
    await env.expectMoneyMatches();
  });

  it("a commit that lands after the client's timeout: reconciliation waits the configured delay and finds it", async () => {
    const batchId = await env.create(env.orders(2));
    // The service commits 900 ms (simulated) after the checkout arrived; the client gave up after 300 ms (real).
    env.sim.faults.commitAfterTimeout(1, { ...CHECKOUT, afterMs: 900 });
    const { client } = env.client({ timeoutMs: 300 });
    const worker = env.worker({ internetmarke: client, timings: { reconcileDelayMs: 1_000 } });
    await worker.workOnce();
    const batch = await env.db().frankingBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch.status).toBe("DONE");
    const carts = await env.db().frankingCart.findMany({ where: { batchId } });
    expect(carts.map((c) => c.state)).toEqual(["BOUGHT"]);
    const lookups = env.sim.requests.filter(
      (r) => r.method === "GET" && /\/app\/shoppingcart\/\d+$/.test(r.path),
    );
    const sentAt = carts[0]?.checkoutSentAt?.getTime() ?? 0;
    expect(lookups.map((r) => r.at.getTime() - sentAt)).toEqual([1_000]);
    // Whatever was still held lands now: nothing was bought a second time.
    env.clock.advance(60 * 60_000);
    await env.sim.processLateRequests();
    expect(countRequests(env.sim, "POST", "/app/shoppingcart/pdf")).toBe(1);
    expect(env.sim.account(MERCHANT.username).vouchers).toHaveLength(2);
    await env.expectMoneyMatches();
  });
});
