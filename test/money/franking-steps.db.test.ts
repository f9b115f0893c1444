/**
 * Issue 17, found by mutation testing: single franking steps whose failure handling no other test pinned
 * down: a lost lease before a money step, a checkout that fails with a programming error (not an answer),
 * a cart answered with fewer vouchers than positions, and claim races that never end.
 */
import { expect, it } from "vitest";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "~/db/errors";
import { advanceCart } from "~/franking/buy-cart.server";
import { recordBought } from "~/franking/cart-records.server";
import { LeaseLostError } from "~/franking/context";
import { createBatch } from "~/franking/create-batch.server";
import type { Portokasse } from "~/internetmarke";
import { countRequests, MERCHANT } from "../support/internetmarke-sim";
import { describeEachDatabase } from "../support/databases";
import { OPTIONS, useFranking } from "../franking/harness";
import { runContext, Stopped } from "./franking-context";

const lookups = (env: ReturnType<typeof useFranking>) =>
  env.sim.requests.filter((r) => r.method === "GET" && /\/app\/shoppingcart\/\d+$/.test(r.path)).length;

/** Every claim check inside a transaction sees no claims: each attempt loses at the unique key. */
function alwaysRacing(db: Db, attempts: { count: number }): Db {
  const tx = (inner: object) =>
    new Proxy(inner, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (prop !== "frankingClaim" || typeof value !== "object" || value === null) return value;
        return new Proxy(value, {
          get: (claims, name, r) =>
            name === "findMany" ? async () => (attempts.count++, []) : Reflect.get(claims, name, r),
        });
      },
    });
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
      return (fn: (t: object) => Promise<unknown>, options?: object) =>
        target.$transaction((t) => fn(tx(t)), options);
    },
  });
}

describeEachDatabase("single franking steps", (database) => {
  const env = useFranking(database);

  async function firstCart(batchId: string) {
    const batch = await env.db().frankingBatch.findUniqueOrThrow({ where: { id: batchId } });
    const cart = await env
      .db()
      .frankingCart.findFirstOrThrow({ where: { batchId }, orderBy: { sequence: "asc" } });
    return { batch, cart };
  }

  it("a worker that lost its lease sends no checkout and looks nothing up", async () => {
    const batchId = await env.create(env.orders(2));
    const { batch, cart } = await firstCart(batchId);
    const lost = runContext(env, {
      renewLease: async () => {
        throw new LeaseLostError(batchId);
      },
    });
    await expect(advanceCart(lost, batch, cart)).rejects.toBeInstanceOf(LeaseLostError);
    expect(countRequests(env.sim, "POST", "/app/shoppingcart/pdf")).toBe(0);
    expect((await env.db().frankingCart.findUniqueOrThrow({ where: { id: cart.id } })).state).toBe(
      "INITIALIZED",
    );

    // Sent by another worker, then this one resumes the stale CHECKOUT_SENT cart without its lease.
    const stop = runContext(env, {
      hooks: {
        at: (point, detail) => {
          if (point === "before-checkout" && detail.cartId === cart.id) throw new Stopped();
        },
      },
    });
    const initialized = await env.db().frankingCart.findUniqueOrThrow({ where: { id: cart.id } });
    await expect(advanceCart(stop, batch, initialized)).rejects.toBeInstanceOf(Stopped);
    const sent = await env.db().frankingCart.findUniqueOrThrow({ where: { id: cart.id } });
    expect(sent.state).toBe("CHECKOUT_SENT");
    await expect(advanceCart(lost, batch, sent)).rejects.toBeInstanceOf(LeaseLostError);
    expect(lookups(env)).toBe(0);
    expect((await env.db().frankingCart.findUniqueOrThrow({ where: { id: cart.id } })).state).toBe(
      "CHECKOUT_SENT",
    );
  });

  it("a checkout that fails without an Internetmarke answer (a bug) is not reconciled: the error goes up", async () => {
    const batchId = await env.create(env.orders(1));
    const { batch, cart } = await firstCart(batchId);
    const base = runContext(env);
    const broken: Portokasse = new Proxy(base.portokasse, {
      get: (target, prop, receiver) =>
        prop === "checkoutPdf"
          ? async () => {
              throw new TypeError("a bug");
            }
          : Reflect.get(target, prop, receiver),
    });
    await expect(advanceCart({ ...base, portokasse: broken }, batch, cart)).rejects.toThrow("a bug");
    expect(lookups(env)).toBe(0);
    expect((await env.db().frankingCart.findUniqueOrThrow({ where: { id: cart.id } })).state).toBe(
      "CHECKOUT_SENT",
    );
  });

  it("a cart answered with fewer vouchers than positions: the missing ones fail and keep their claim", async () => {
    const batchId = await env.create(env.orders(2));
    const { batch, cart } = await firstCart(batchId);
    const stop = runContext(env, {
      hooks: {
        at: (point, detail) => {
          if (point === "after-checkout" && detail.batchId === batchId) throw new Stopped();
        },
      },
    });
    await expect(advanceCart(stop, batch, cart)).rejects.toBeInstanceOf(Stopped);
    const sent = await env.db().frankingCart.findUniqueOrThrow({ where: { id: cart.id } });
    const ctx = runContext(env);
    const answer = await ctx.portokasse.retrieveCart(sent.shopOrderId ?? "");
    if (!answer.bought) throw new Error("not bought");
    await recordBought(ctx, env.shop.id, sent, {
      ...answer.cart,
      vouchers: answer.cart.vouchers.slice(0, 1),
    });

    expect(await env.db().frankingCart.findUniqueOrThrow({ where: { id: cart.id } })).toMatchObject({
      state: "BOUGHT",
      link: answer.cart.link,
      error: "The cart returned 1 vouchers for 2 positions",
    });
    const orders = await env.db().frankingOrder.findMany({
      where: { batchId },
      orderBy: { position: "asc" },
      include: { voucher: true },
    });
    expect(orders.map((o) => [o.status, o.error])).toEqual([
      ["BOUGHT", null],
      ["FAILED", "no_voucher_returned"],
    ]);
    expect(orders[0]?.voucher).toMatchObject({
      voucherId: answer.cart.vouchers[0]?.voucherId,
      priceCents: 95,
      cartId: cart.id,
      shopId: env.shop.id,
    });
    expect(
      await env
        .db()
        .fulfillmentTask.findMany({ where: { batchId }, select: { batchOrderId: true, state: true } }),
    ).toEqual([{ batchOrderId: orders[0]?.id, state: "PENDING" }]);
    // Money may have been spent for the second order: it stays claimed.
    expect(await env.db().frankingClaim.count({ where: { batchId } })).toBe(2);
    expect(env.sim.account(MERCHANT.username).vouchers).toHaveLength(2);
  });

  it("a complete cart is recorded without an error", async () => {
    const batchId = await env.create(env.orders(2));
    const { batch, cart } = await firstCart(batchId);
    await advanceCart(runContext(env), batch, cart);
    expect(await env.db().frankingCart.findUniqueOrThrow({ where: { id: cart.id } })).toMatchObject({
      state: "BOUGHT",
      error: null,
    });
    expect((await env.db().frankingOrder.findMany({ where: { batchId } })).map((o) => o.status)).toEqual([
      "BOUGHT",
      "BOUGHT",
    ]);
  });

  it("any other error while creating a batch goes up at once, without a second attempt", async () => {
    const orders = env.orders(1);
    let calls = 0;
    const db = env.db();
    const failing = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
        return async (fn: (t: object) => Promise<unknown>, options?: object) => {
          calls++;
          if (calls === 1) throw Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
          return target.$transaction((t) => fn(t), options);
        };
      },
    });
    await expect(
      createBatch(failing, { shopId: env.shop.id, orders, options: OPTIONS, now: env.clock.now() }),
    ).rejects.toThrow("database is locked");
    expect(calls).toBe(1);
    expect(await env.db().frankingClaim.count({ where: { shopId: env.shop.id } })).toBe(0);
  });

  it("a claim race lost five times in a row gives up with the unique violation", async () => {
    const attempts = { count: 0 };
    const orders = env.orders(1);
    await env.create(orders);
    const failure = await createBatch(alwaysRacing(env.db(), attempts), {
      shopId: env.shop.id,
      orders,
      options: OPTIONS,
      now: env.clock.now(),
    }).then(
      () => null,
      (error: unknown) => error,
    );
    // The claims go in one raw INSERT (ADR 029): the violation comes as the adapter's, not as P2002.
    expect(isUniqueViolation(failure)).toBe(true);
    expect(attempts.count).toBe(5);
  });
});
