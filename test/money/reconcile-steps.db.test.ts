/**
 * Issue 17, found by mutation testing of the franking core: reconciling a sent checkout waits only what is
 * left of the reconcile delay, counted from when the checkout was sent; a cart without its shopOrderId is
 * never looked up or sent; and a reconciled cart recorded a second time does not take its total off the
 * known balance twice.
 */
import { expect, it } from "vitest";
import { advanceCart, reconcile } from "~/franking/buy-cart.server";
import { countRequests } from "../support/internetmarke-sim";
import { describeEachDatabase } from "../support/databases";
import { STANDARDBRIEF, useFranking } from "../franking/harness";
import { runContext, Stopped } from "./franking-context";

const DELAY = 1_000; // runContext's reconcileDelayMs

describeEachDatabase("reconciling a sent checkout", (database) => {
  const env = useFranking(database);
  const lookups = () =>
    env.sim.requests.filter((r) => r.method === "GET" && /\/app\/shoppingcart\/\d+$/.test(r.path)).length;

  /** A context whose sleeps are recorded (and move the clock). */
  function recording() {
    const sleeps: number[] = [];
    const ctx = runContext(env, {
      sleep: async (ms) => {
        sleeps.push(ms);
        env.clock.advance(ms);
      },
    });
    return { ctx, sleeps, waited: () => sleeps.filter((ms) => ms > 0) };
  }

  /** One batch per call, its one cart taken to CHECKOUT_SENT; the checkout itself is sent only if `send`. */
  async function sentCart(orderIndex: number, send: boolean) {
    const order = env.orders(orderIndex + 1)[orderIndex];
    if (!order) throw new Error("no order");
    const batchId = await env.create([order]);
    const batch = await env.db().frankingBatch.findUniqueOrThrow({ where: { id: batchId } });
    const cart = await env.db().frankingCart.findFirstOrThrow({ where: { batchId } });
    const point = send ? "after-checkout" : "before-checkout";
    const stop = runContext(env, {
      hooks: {
        at: (at, detail) => {
          if (at === point && detail.cartId === cart.id) throw new Stopped();
        },
      },
    });
    await expect(advanceCart(stop, batch, cart)).rejects.toBeInstanceOf(Stopped);
    const sent = await env.db().frankingCart.findUniqueOrThrow({ where: { id: cart.id } });
    expect(sent.state).toBe("CHECKOUT_SENT");
    return { batch, sent };
  }

  it("waits what is left of the delay since the checkout was sent: all of it, part of it, or nothing", async () => {
    const { sent: justSent } = await sentCart(0, false);
    env.clock.advance(200);
    let run = recording();
    await reconcile(run.ctx, env.shop.id, justSent);
    expect(run.waited()).toEqual([DELAY - 200]);

    const { sent: longAgo } = await sentCart(1, false);
    env.clock.advance(2 * DELAY);
    run = recording();
    await reconcile(run.ctx, env.shop.id, longAgo);
    expect(run.waited()).toEqual([]);

    // A sent cart without its send time (never written by this app, but the column may be empty): the full delay.
    const { sent: unknownTime } = await sentCart(2, false);
    env.clock.advance(2 * DELAY);
    run = recording();
    await reconcile(run.ctx, env.shop.id, { ...unknownTime, checkoutSentAt: null });
    expect(run.waited()).toEqual([DELAY]);
    expect(lookups()).toBe(3);
  });

  it("a sent cart without its shopOrderId is an error and is not looked up", async () => {
    const { sent } = await sentCart(0, false);
    await expect(reconcile(runContext(env), env.shop.id, { ...sent, shopOrderId: null })).rejects.toThrow(
      /was sent without a shopOrderId/,
    );
    expect(lookups()).toBe(0);
  });

  it("an initialized cart without its shopOrderId is an error: no checkout is sent and the cart stays where it is", async () => {
    const order = env.orders(1)[0];
    if (!order) throw new Error("no order");
    const batchId = await env.create([order]);
    const batch = await env.db().frankingBatch.findUniqueOrThrow({ where: { id: batchId } });
    const planned = await env.db().frankingCart.findFirstOrThrow({ where: { batchId } });
    const broken = await env
      .db()
      .frankingCart.update({ where: { id: planned.id }, data: { state: "INITIALIZED", shopOrderId: null } });
    await expect(advanceCart(runContext(env), batch, broken)).rejects.toThrow(/has no shopOrderId/);
    expect(countRequests(env.sim, "POST", "/app/shoppingcart/pdf")).toBe(0);
    expect(await env.db().frankingCart.findUniqueOrThrow({ where: { id: planned.id } })).toMatchObject({
      state: "INITIALIZED",
      checkoutSentAt: null,
    });
  });

  it("a reconciled cart recorded a second time (a stale copy) takes its total off the known balance once", async () => {
    await env.db().portokasseAccount.create({
      data: {
        shopId: env.shop.id,
        username: "versand@shop.example",
        passwordCiphertext: "v1:test:only:unused",
        balanceCents: 10_000,
        balanceCheckedAt: env.clock.now(),
      },
    });
    const { sent } = await sentCart(0, true);
    env.clock.advance(2 * DELAY);
    // The lookup of a bought cart carries no balance: the known one goes down by the cart's total.
    await reconcile(runContext(env), env.shop.id, sent);
    const balance = async () =>
      (await env.db().portokasseAccount.findUniqueOrThrow({ where: { shopId: env.shop.id } })).balanceCents;
    expect(await balance()).toBe(10_000 - STANDARDBRIEF.priceCents);
    expect((await env.db().frankingCart.findUniqueOrThrow({ where: { id: sent.id } })).state).toBe("BOUGHT");

    env.clock.advance(DELAY);
    await reconcile(runContext(env), env.shop.id, sent);
    expect(await balance()).toBe(10_000 - STANDARDBRIEF.priceCents);
    expect(await env.db().voucher.count({ where: { cartId: sent.id } })).toBe(1);
  });
});
