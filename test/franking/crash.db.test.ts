import { afterAll, beforeAll, expect, it } from "vitest";
import type { CrashPoint } from "~/franking/context";
import { countRequests } from "../support/internetmarke-sim";
import { describeEachDatabase } from "../support/databases";
import { runChild } from "./child";
import { EINSCHREIBEN, settle, useFranking } from "./harness";

/** Where the child dies, and how many checkouts the whole batch takes in the end. */
const CRASHES: Array<[CrashPoint, number]> = [
  ["after-init-cart", 1], // the shopOrderId was never stored: an unused cart costs nothing
  ["after-shop-order-id", 1],
  ["before-checkout", 1], // marked as sent but never sent: retrieveCart says 404, a fresh cart buys
  ["after-checkout", 1], // bought, not recorded: retrieveCart finds the vouchers, nothing is bought again
  ["after-record", 1], // recorded, labels not stored yet
  ["after-labels", 1],
  ["after-fulfillment", 1], // Shopify has the fulfillment, the task was not marked done
];

describeEachDatabase("a worker process killed in the middle of a purchase", (database) => {
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

  it.each(CRASHES)("crash %s: a fresh worker resumes, nothing is bought twice and no voucher is lost", async (crashAt, checkouts) => {
    // As the confirm makes batches (ADR 021): the fulfillment orders it saw, no tag. A repeat after the
    // crash sends fulfillmentCreate again, which Shopify refuses for the closed fulfillment order.
    const orders = env.withFulfillmentOrders([...env.orders(2), ...env.orders(3).slice(2).map((o) => ({ ...o, ...EINSCHREIBEN }))]);
    const batchId = await env.create(orders, { tag: "" });
    const child = await runChild({
      databaseUrl: database().target.url,
      simOrigin: env.origin(),
      fakeOrigin,
      shopDomain: env.shop.domain,
      accessToken: env.shop.token,
      crashAt,
      clockStartMs: env.clock.now().getTime(),
      owner: `child-${crashAt}`,
    });
    expect(child.signal, child.stderr).toBe("SIGKILL");
    const held = await env.db().frankingBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(held.leaseOwner).toMatch(/^child-/);

    // The dead worker's lease runs out; a new worker (this process) takes the batch over.
    env.clock.advance(61_000);
    expect(await settle(env, batchId)).toBe("DONE");

    const saved = await env.db().frankingOrder.findMany({ where: { batchId }, include: { voucher: true } });
    expect(saved.map((o) => o.status)).toEqual(["FULFILLED", "FULFILLED", "FULFILLED"]);
    expect(countRequests(env.sim, "POST", "/app/shoppingcart/pdf")).toBe(checkouts);
    const carts = await env.db().frankingCart.findMany({ where: { batchId, state: "BOUGHT" } });
    expect(carts.map((c) => [c.labelBytes !== null, c.manifestBytes !== null])).toEqual([[true, true]]);
    const shop = env.fake.shop(env.shop.domain);
    for (const order of orders) expect(shop.requireOrder(order.orderId).fulfillments, order.orderName).toHaveLength(1);
    await env.expectMoneyMatches();
  });
});
