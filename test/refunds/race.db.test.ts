import { expect, it } from "vitest";
import type { CrashPoint } from "~/franking/context";
import { createBatch } from "~/franking/create-batch.server";
import { createFrankingWorker } from "~/franking/worker.server";
import { countRequests, MERCHANT } from "../support/internetmarke-sim";
import { describeEachDatabase } from "../support/databases";
import { fakeAdmin } from "../support/fake-admin";
import { STANDARDBRIEF, useRefunds, type RefundEnv } from "./harness";

/**
 * An order cancelled while its batch is running: not bought yet means left out of the batch; a checkout
 * already on its way means the stamp is bought and then refunded, once.
 */
async function startBatch(env: RefundEnv, count: number) {
  const orders = env.openOrders(count);
  const { batchId } = await createBatch(env.db(), {
    shopId: env.shop.id,
    orders: orders.map((o) => ({ orderId: o.orderId, orderName: o.name, ...STANDARDBRIEF, address: null })),
    options: { labelFormat: "PNG", pageFormat: null, layout: "FRANKING_ZONE", startPosition: 1, maxPositionsPerCart: 50, notifyCustomer: false, tag: "frankiert" },
    now: env.clock.now(),
  });
  return { orders, batchId };
}

function frankingWorker(env: RefundEnv, at?: (point: CrashPoint) => Promise<void>) {
  const { client } = env.client();
  return createFrankingWorker({
    db: env.db(),
    internetmarke: client,
    portokasseFor: async (_shop, im) => im.portokasse(MERCHANT),
    adminFor: async () => fakeAdmin(env.fake, env.shop.domain, env.shop.token),
    now: env.clock.now,
    sleep: async (ms) => env.clock.advance(ms),
    timings: { reconcileDelayMs: 1_000 },
    owner: "franking-test-worker",
    hooks: at ? { at } : {},
  });
}

/** The merchant cancels in Shopify; the webhook arrives (10 times at once) and a refund worker runs. */
async function cancelDuringBatch(env: RefundEnv, orderId: string) {
  await env.fake.cancelOrder(env.shop.domain, orderId);
  await Promise.all(Array.from({ length: 10 }, () => env.cancel(orderId, "ev-race")));
  await env.worker({ owner: "refund-during-batch" }).workOnce();
}

describeEachDatabase("cancellation racing a running batch", (database) => {
  const env = useRefunds(database);

  it.each([["before the batch runs"], ["after-init-cart"], ["after-shop-order-id"]] as const)(
    "cancelled %s: the order is left out of the batch and never bought",
    async (when) => {
      const { orders, batchId } = await startBatch(env, 3);
      const cancelled = orders[1]?.orderId ?? "";
      if (when === "before the batch runs") await cancelDuringBatch(env, cancelled);
      let fired = false;
      const franking = frankingWorker(env, async (point) => {
        if (point !== when || fired) return;
        fired = true;
        await cancelDuringBatch(env, cancelled);
      });
      await franking.workOnce();
      await env.settle();

      const batch = await env.db().frankingBatch.findUniqueOrThrow({ where: { id: batchId }, include: { orders: { include: { voucher: true } } } });
      expect(batch.status).toBe("DONE");
      const left = batch.orders.find((o) => o.orderId === cancelled);
      expect(left).toMatchObject({ status: "SKIPPED", reason: "cancelled", voucher: null });
      expect(batch.orders.filter((o) => o.voucher !== null)).toHaveLength(2);
      expect(await env.db().frankingClaim.count({ where: { orderId: cancelled } })).toBe(0);
      expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(0);
      expect(await env.db().refundJob.findFirst()).toMatchObject({ state: "DONE", outcome: "nothing_to_refund" });
      await env.expectMoneyReconciles();
    },
  );

  it("cancelled while the checkout is on its way: the stamp is bought, then refunded exactly once", async () => {
    const { orders, batchId } = await startBatch(env, 3);
    const cancelled = orders[1]?.orderId ?? "";
    let fired = false;
    const franking = frankingWorker(env, async (point) => {
      if (point !== "before-checkout" || fired) return;
      fired = true;
      await cancelDuringBatch(env, cancelled);
      // The job saw a purchase in flight for the order: it waits, it does not finish.
      expect(await env.db().refundJob.findFirst()).toMatchObject({ state: "QUEUED", attempts: 1 });
    });
    await franking.workOnce();
    const bought = await env.db().voucher.findFirstOrThrow({ where: { orderId: cancelled } });
    await env.settle();

    expect(await env.db().refund.findMany()).toMatchObject([{ voucherId: bought.voucherId, state: "REFUNDED", refundedCents: 95, source: "CANCELLATION" }]);
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    expect(await env.db().refundJob.findFirst()).toMatchObject({ state: "DONE", outcome: "filed" });
    const batch = await env.db().frankingBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch.status).toBe("DONE");
    await env.expectMoneyReconciles();
  });
});
