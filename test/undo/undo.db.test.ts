import { expect, it } from "vitest";
import { countRequests } from "../support/internetmarke-sim";
import { describeEachDatabase } from "../support/databases";
import { EINSCHREIBEN } from "../refunds/harness";
import { undoFranking } from "~/undo/undo.server";
import { useUndo } from "./harness";

const DAY = 24 * 60 * 60 * 1000;

describeEachDatabase("undo a franked order in one step", (database) => {
  const env = useUndo(database);
  const sleep = async (ms: number) => env.clock.advance(ms);
  const undo = (orderIds: string[]) =>
    undoFranking({ db: env.db(), admin: env.admin(), now: env.clock.now, sleep }, env.shop.id, orderIds);

  it("cancels the app's fulfillment, removes the tag and refunds the stamp once, however often it is clicked", async () => {
    const franked = await env.frank(1);
    const order = franked.orders[0];
    if (!order) throw new Error("no order");
    const first = await undo([order.orderId]);
    expect(first).toMatchObject([{ orderId: order.orderId, result: "undone" }]);
    const fakeOrder = env.fake.shop(env.shop.domain).requireOrder(order.orderId);
    expect(fakeOrder.fulfillments.map((f) => f.status)).toEqual(["CANCELLED"]);
    expect(fakeOrder.tags).not.toContain("frankiert");
    // Clicked again, and again: nothing happens twice.
    expect(await undo([order.orderId])).toMatchObject([{ result: "already_undone" }]);
    expect(await undo([order.orderId, order.orderId])).toMatchObject([{ result: "already_undone" }]);
    await env.settle();
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    const refunds = await env.db().refund.findMany({ where: { shopId: env.shop.id } });
    expect(refunds.map((r) => [r.source, r.state, r.refundedCents])).toEqual([["UNDO", "REFUNDED", 95]]);
    expect(first[0]?.result === "undone" && first[0].refundIds).toEqual([refunds[0]?.id]);
    expect(await env.db().frankingUndo.findMany()).toMatchObject([
      { state: "DONE", source: "MERCHANT", fulfillmentId: order.fulfillmentId },
    ]);
    await env.expectMoneyReconciles();
  });

  it("ten concurrent clicks (two tabs, a bulk selection) give one Retoure and one cancelled fulfillment", async () => {
    const franked = await env.frank(2);
    const ids = franked.orders.map((o) => o.orderId);
    const results = await Promise.all(Array.from({ length: 10 }, () => undo(ids)));
    for (const orderId of ids) {
      const per = results.map((r) => r.find((o) => o.orderId === orderId)?.result);
      expect(per.every((r) => r === "undone" || r === "already_undone")).toBe(true);
    }
    for (const o of franked.orders) {
      expect(
        env.fake
          .shop(env.shop.domain)
          .requireOrder(o.orderId)
          .fulfillments.map((f) => f.status),
      ).toEqual(["CANCELLED"]);
    }
    await env.settle();
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    expect(await env.db().refund.count()).toBe(2);
    expect(await env.db().frankingUndo.count()).toBe(2);
    await env.expectMoneyReconciles();
  });

  it("refuses after the 14-day window, and when Shopify's carrier tracking says the letter was handed over", async () => {
    const old = await env.frank(1);
    env.clock.advance(14 * DAY + 60_000);
    const registered = await env.frank(1, EINSCHREIBEN);
    const handed = registered.orders[0];
    if (!handed) throw new Error("no order");
    env.fake.trackShipment(env.shop.domain, handed.fulfillmentId, "in_transit");
    const outcomes = await undo([old.orders[0]?.orderId ?? "", handed.orderId, "gid://shopify/Order/424242"]);
    expect(outcomes.map((o) => (o.result === "refused" ? o.reason : o.result))).toEqual([
      "window_expired",
      "handed_over",
      "not_franked",
    ]);
    expect(await env.db().refund.count()).toBe(0);
    expect(await env.db().frankingUndo.count()).toBe(0);
    expect(
      env.fake
        .shop(env.shop.domain)
        .requireOrder(handed.orderId)
        .fulfillments.map((f) => f.status),
    ).toEqual(["SUCCESS"]);
  });

  it("files the Retoure even when Shopify refuses, and finishes the Shopify part on the next click", async () => {
    const franked = await env.frank(1);
    const order = franked.orders[0];
    if (!order) throw new Error("no order");
    // A token Shopify no longer accepts: the reads and writes fail.
    const broken = {
      graphql: async () =>
        new Response(JSON.stringify({ errors: [{ message: "Internal error" }] }), { status: 200 }),
    };
    expect(
      await undoFranking({ db: env.db(), admin: broken, now: env.clock.now, sleep }, env.shop.id, [
        order.orderId,
      ]),
    ).toMatchObject([{ result: "failed" }]);
    expect(await env.db().refund.count()).toBe(0);
    // The read works, the cancel is refused once.
    let refuse = true;
    const flaky = {
      graphql: async (query: string, options?: { variables?: Record<string, unknown> }) => {
        if (refuse && query.includes("fulfillmentCancel")) {
          refuse = false;
          return new Response(
            JSON.stringify({
              data: {
                fulfillmentCancel: {
                  fulfillment: null,
                  userErrors: [{ field: ["id"], message: "Try later" }],
                },
              },
            }),
          );
        }
        return env.admin().graphql(query, options);
      },
    };
    const pending = await undoFranking(
      { db: env.db(), admin: flaky, now: env.clock.now, sleep },
      env.shop.id,
      [order.orderId],
    );
    expect(pending).toMatchObject([{ result: "shopify_pending", error: "fulfillmentCancel: Try later" }]);
    expect(await env.db().refund.count()).toBe(1);
    expect(
      await undoFranking({ db: env.db(), admin: flaky, now: env.clock.now, sleep }, env.shop.id, [
        order.orderId,
      ]),
    ).toMatchObject([{ result: "undone" }]);
    expect(
      env.fake
        .shop(env.shop.domain)
        .requireOrder(order.orderId)
        .fulfillments.map((f) => f.status),
    ).toEqual(["CANCELLED"]);
    await env.settle();
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    await env.expectMoneyReconciles();
  });

  it("stops a write-back to Shopify that is still waiting, and asks again while one is due", async () => {
    const orders = env.openOrders(2);
    const cart = await env.buy(orders);
    const db = env.db();
    const now = env.clock.now();
    for (const [i, v] of cart.vouchers.entries()) {
      const row = await db.voucher.findUniqueOrThrow({ where: { voucherId: v.voucherId } });
      // The first waits for its retry in a minute; the second is due now (a worker may be writing it).
      await db.fulfillmentTask.create({
        data: {
          batchOrderId: row.batchOrderId,
          batchId: row.batchId,
          shopId: env.shop.id,
          orderId: v.orderId,
          nextAttemptAt: new Date(now.getTime() + (i === 0 ? 60_000 : 0)),
          attempts: 1,
        },
      });
    }
    const [waiting, due] = orders;
    const outcomes = await undo([waiting?.orderId ?? "", due?.orderId ?? ""]);
    expect(outcomes.map((o) => (o.result === "refused" ? o.reason : o.result))).toEqual([
      "undone",
      "being_fulfilled",
    ]);
    const tasks = await db.fulfillmentTask.findMany({ orderBy: { nextAttemptAt: "asc" } });
    expect(tasks.map((t) => [t.orderId, t.state])).toEqual([
      [due?.orderId, "PENDING"],
      [waiting?.orderId, "UNDONE"],
    ]);
    expect(env.fake.shop(env.shop.domain).requireOrder(waiting?.orderId ?? "").fulfillments).toEqual([]);
    await env.settle();
    expect(await db.refund.findMany({ select: { orderId: true, state: true } })).toEqual([
      { orderId: waiting?.orderId, state: "REFUNDED" },
    ]);
    await env.expectMoneyReconciles();
  });
});
