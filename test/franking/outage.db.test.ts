import { expect, it } from "vitest";
import { loadDeutschePostStatus, PAUSE_MS } from "~/availability/health.server";
import { countRequests } from "../support/internetmarke-sim";
import { describeEachDatabase } from "../support/databases";
import { settle, useFranking } from "./harness";

/**
 * Deutsche Post down (the simulator answers every request, `GET /` included, with 503): the worker
 * pauses buying without counting attempts, and finishes the batch on its own once it is back.
 */
describeEachDatabase("franking through a Deutsche Post outage", (database) => {
  const env = useFranking(database);
  const batch = (id: string) => env.db().frankingBatch.findUniqueOrThrow({ where: { id } });

  it("pauses before buying while the health check fails, and finishes after it, the ledger matching", async () => {
    const batchId = await env.create(env.orders(3));
    env.sim.faults.startOutage();
    const worker = env.worker();
    for (let i = 0; i < 5; i++) {
      await worker.workOnce();
      env.clock.advance(PAUSE_MS);
    }
    expect(await batch(batchId)).toMatchObject({
      status: "RUNNING",
      attempts: 0,
      stopReason: null,
      error: null,
    });
    expect(countRequests(env.sim, "POST", "/app/shoppingcart/pdf")).toBe(0);
    const status = await loadDeutschePostStatus(env.db());
    expect(status).toMatchObject({ up: false });
    expect(status?.downSince).not.toBeNull();

    env.sim.faults.endOutage();
    expect(await settle(env, batchId)).toBe("DONE");
    expect(await batch(batchId)).toMatchObject({ attempts: 0, stopReason: null });
    expect((await loadDeutschePostStatus(env.db()))?.up).toBe(true);
    const orders = await env.db().frankingOrder.findMany({ where: { batchId } });
    expect(orders.map((o) => o.status)).toEqual(["FULFILLED", "FULFILLED", "FULFILLED"]);
    await env.expectMoneyMatches();
  });

  it("an outage that starts at the checkout pauses the batch; the unclear checkout is reconciled, bought once", async () => {
    const batchId = await env.create(env.orders(2));
    let armed = false;
    const worker = env.worker({
      hooks: {
        at(point) {
          if (point === "before-checkout" && !armed) {
            armed = true;
            env.sim.faults.startOutage(502);
          }
        },
      },
    });
    await worker.workOnce();
    expect(await batch(batchId)).toMatchObject({ attempts: 0, stopReason: null });
    expect((await loadDeutschePostStatus(env.db()))?.up).toBe(false);
    env.clock.advance(PAUSE_MS);
    await worker.workOnce();
    expect(await batch(batchId)).toMatchObject({ attempts: 0 });

    env.sim.faults.endOutage();
    expect(await settle(env, batchId)).toBe("DONE");
    expect(await batch(batchId)).toMatchObject({ attempts: 0, stopReason: null });
    const orders = await env.db().frankingOrder.findMany({ where: { batchId } });
    expect(orders.map((o) => o.status)).toEqual(["FULFILLED", "FULFILLED"]);
    await env.expectMoneyMatches();
  });
});
