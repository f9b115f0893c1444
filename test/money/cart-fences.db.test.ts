/**
 * Issue 17: the cart's state conditions, each on its own. A stale worker (its lease check passed, its copy
 * of the cart is old) must not store a second shopOrderId, send a second checkout or record a cart twice.
 */
import { expect, it } from "vitest";
import { advanceCart } from "~/franking/buy-cart.server";
import { recordBought } from "~/franking/cart-records.server";
import { LeaseLostError } from "~/franking/context";
import { countRequests, MERCHANT } from "../support/internetmarke-sim";
import { describeEachDatabase } from "../support/databases";
import { settle, useFranking } from "../franking/harness";
import { runContext, Stopped } from "./franking-context";

describeEachDatabase("cart state fences", (database) => {
  const env = useFranking(database);

  async function firstCart(batchId: string) {
    const batch = await env.db().frankingBatch.findUniqueOrThrow({ where: { id: batchId } });
    const cart = await env
      .db()
      .frankingCart.findFirstOrThrow({ where: { batchId }, orderBy: { sequence: "asc" } });
    return { batch, cart };
  }

  it("PLANNED -> INITIALIZED happens once: a stale PLANNED copy neither stores a second shopOrderId nor buys", async () => {
    const batchId = await env.create(env.orders(2));
    const { batch, cart: planned } = await firstCart(batchId);
    const stopAfterId = runContext(env, {
      hooks: {
        at: (point, detail) => {
          if (point === "after-shop-order-id" && detail.cartId === planned.id && detail.batchId === batchId)
            throw new Stopped();
        },
      },
    });
    await expect(advanceCart(stopAfterId, batch, planned)).rejects.toBeInstanceOf(Stopped);
    const initialized = await env.db().frankingCart.findUniqueOrThrow({ where: { id: planned.id } });
    expect(initialized.state).toBe("INITIALIZED");

    await expect(advanceCart(runContext(env), batch, planned)).rejects.toBeInstanceOf(LeaseLostError);
    const after = await env.db().frankingCart.findUniqueOrThrow({ where: { id: planned.id } });
    expect(after).toMatchObject({ state: "INITIALIZED", shopOrderId: initialized.shopOrderId });
    expect(countRequests(env.sim, "POST", "/app/shoppingcart/pdf")).toBe(0);
  });

  it("INITIALIZED -> CHECKOUT_SENT happens once: a stale INITIALIZED copy sends no second checkout", async () => {
    const batchId = await env.create(env.orders(2));
    const { batch, cart } = await firstCart(batchId);
    const stopAfterCheckout = runContext(env, {
      hooks: {
        at: (point, detail) => {
          if (point === "after-checkout" && detail.cartId === cart.id && detail.batchId === batchId)
            throw new Stopped();
        },
      },
    });
    await expect(advanceCart(stopAfterCheckout, batch, cart)).rejects.toBeInstanceOf(Stopped);
    const sent = await env.db().frankingCart.findUniqueOrThrow({ where: { id: cart.id } });
    expect(sent.state).toBe("CHECKOUT_SENT");
    expect(countRequests(env.sim, "POST", "/app/shoppingcart/pdf")).toBe(1);

    const staleCopy = { ...sent, state: "INITIALIZED", checkoutSentAt: null };
    await expect(advanceCart(runContext(env), batch, staleCopy)).rejects.toBeInstanceOf(LeaseLostError);
    expect(countRequests(env.sim, "POST", "/app/shoppingcart/pdf")).toBe(1);
    expect(await env.db().frankingCart.findUniqueOrThrow({ where: { id: cart.id } })).toMatchObject({
      state: "CHECKOUT_SENT",
      checkoutSentAt: sent.checkoutSentAt,
    });

    // The batch still finishes from there: reconciled, bought once.
    expect(await settle(env, batchId)).toBe("DONE");
    expect(env.sim.account(MERCHANT.username).vouchers).toHaveLength(2);
    await env.expectMoneyMatches();
  });

  it("recording a bought cart a second time (a resumed worker with a stale copy) changes nothing", async () => {
    const batchId = await env.create(env.orders(2));
    expect(await settle(env, batchId)).toBe("DONE");
    const bought = await env.db().frankingCart.findFirstOrThrow({ where: { batchId, state: "BOUGHT" } });
    const ctx = runContext(env);
    const answer = await ctx.portokasse.retrieveCart(bought.shopOrderId ?? "");
    if (!answer.bought) throw new Error("the simulator lost the cart");
    const before = {
      orders: await env.db().frankingOrder.findMany({
        where: { batchId },
        orderBy: { position: "asc" },
        select: { status: true, error: true },
      }),
      vouchers: await env.db().voucher.count({ where: { batchId } }),
      tasks: await env
        .db()
        .fulfillmentTask.findMany({ where: { batchId }, select: { state: true, attempts: true } }),
    };
    env.clock.advance(60_000);

    await recordBought(ctx, env.shop.id, { ...bought, state: "CHECKOUT_SENT" }, answer.cart);

    expect(await env.db().frankingCart.findUniqueOrThrow({ where: { id: bought.id } })).toMatchObject({
      state: "BOUGHT",
      boughtAt: bought.boughtAt,
    });
    expect(
      await env.db().frankingOrder.findMany({
        where: { batchId },
        orderBy: { position: "asc" },
        select: { status: true, error: true },
      }),
    ).toEqual(before.orders);
    expect(before.orders.map((o) => o.status)).toEqual(["FULFILLED", "FULFILLED"]);
    expect(await env.db().voucher.count({ where: { batchId } })).toBe(before.vouchers);
    expect(
      await env
        .db()
        .fulfillmentTask.findMany({ where: { batchId }, select: { state: true, attempts: true } }),
    ).toEqual(before.tasks);
    await env.expectMoneyMatches();
  });
});
