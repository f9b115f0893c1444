import { expect, it } from "vitest";
import { countRequests } from "../support/internetmarke-sim";
import type { InternetmarkeSimulator } from "../simulators/internetmarke";
import { describeEachDatabase } from "../support/databases";
import { settle, useFranking } from "./harness";

type Arm = (sim: InternetmarkeSimulator) => void;
const CHECKOUT = { path: "/app/shoppingcart/pdf", method: "POST" };
const INIT = { path: "/app/shoppingcart", method: "POST" };
const RETRIEVE = { path: /\/app\/shoppingcart\/\d+$/, method: "GET" };
const LOGIN = { path: "/user", method: "POST" };
const DOWNLOAD = { path: /\/downloads\// };

/** Each fault on each call the pipeline makes, and how many checkouts that takes (a refused one is redone). */
const FAULTS: Array<[string, Arm, number]> = [
  ["checkout: connection dropped after the commit", (s) => s.faults.dropAfterCommit(1, CHECKOUT), 1],
  ["checkout: connection dropped before handling", (s) => s.faults.dropBeforeHandling(1, CHECKOUT), 2],
  ["checkout: 500", (s) => s.faults.failNext(1, { ...CHECKOUT, status: 500 }), 2],
  ["checkout: 503", (s) => s.faults.failNext(1, { ...CHECKOUT, status: 503 }), 2],
  ["checkout: 429", (s) => s.faults.rateLimitNext(1, 2, CHECKOUT), 2],
  [
    "checkout dropped after commit, then the reconciliation fails three times",
    (s) => {
      s.faults.dropAfterCommit(1, CHECKOUT);
      s.faults.failNext(3, { ...RETRIEVE, status: 502 });
    },
    1,
  ],
  ["init: 503 three times", (s) => s.faults.failNext(3, { ...INIT, status: 503 }), 1],
  ["init: 429", (s) => s.faults.rateLimitNext(1, 1, INIT), 1],
  ["login: 503", (s) => s.faults.failNext(1, { ...LOGIN, status: 503 }), 1],
  ["login: 429", (s) => s.faults.rateLimitNext(1, 1, LOGIN), 1],
  ["label download: 503", (s) => s.faults.failNext(1, { ...DOWNLOAD, status: 503 }), 1],
  ["label download: 429", (s) => s.faults.rateLimitNext(1, 1, DOWNLOAD), 1],
];

describeEachDatabase("franking under faults", (database) => {
  const env = useFranking(database);

  it.each(FAULTS)("%s: every order bought exactly once, the wallet matches", async (_name, arm, checkouts) => {
    const batchId = await env.create(env.orders(3));
    arm(env.sim);
    expect(await settle(env, batchId)).toBe("DONE");
    const orders = await env.db().frankingOrder.findMany({ where: { batchId }, include: { voucher: true } });
    expect(orders.map((o) => o.status)).toEqual(["FULFILLED", "FULFILLED", "FULFILLED"]);
    const carts = await env.db().frankingCart.findMany({ where: { batchId, state: "BOUGHT" } });
    expect(carts).toHaveLength(1);
    expect(carts[0]?.labelBytes?.length).toBeGreaterThan(1000);
    expect(countRequests(env.sim, "POST", "/app/shoppingcart/pdf")).toBe(checkouts);
    expect(env.sim.requests.length).toBeGreaterThan(0);
    await env.expectMoneyMatches();
  });

  it("never sends a checkout twice: an unclear one is reconciled, a refused one gets a fresh cart", async () => {
    const batchId = await env.create(env.orders(2));
    env.sim.faults.dropAfterCommit(1, CHECKOUT);
    await settle(env, batchId);
    expect(countRequests(env.sim, "POST", "/app/shoppingcart/pdf")).toBe(1);
    const carts = await env.db().frankingCart.findMany({ where: { batchId } });
    expect(carts.map((c) => c.state)).toEqual(["BOUGHT"]);

    const second = await env.create(env.orders(4).slice(2));
    env.sim.faults.dropBeforeHandling(1, CHECKOUT);
    await settle(env, second);
    const states = (await env.db().frankingCart.findMany({ where: { batchId: second }, orderBy: { sequence: "asc" } })).map((c) => [c.state, c.error]);
    expect(states).toEqual([["NOT_BOUGHT", "not_bought"], ["BOUGHT", null]]);
    await env.expectMoneyMatches();
  });
});
