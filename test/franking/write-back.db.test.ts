import { expect, it } from "vitest";
import { startFrankingWorker } from "~/franking/worker.server";
import { describeEachDatabase } from "../support/databases";
import { fakeAdmin } from "../support/fake-admin";
import { settle, useFranking } from "./harness";

describeEachDatabase("writing bought orders back to Shopify", (database) => {
  const env = useFranking(database);
  /**
   * The batches' statuses once all are DONE, or after 10 s of waiting (the background worker runs them).
   * `ids` is asked anew each time: a test may create a batch while the worker runs.
   */
  const statusesOnceDone = async (ids: () => string[]): Promise<string[]> => {
    let statuses: string[] = [];
    for (let i = 0; i < 200 && !(statuses.length === ids().length && statuses.every((s) => s === "DONE")); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      statuses = (await env.db().frankingBatch.findMany({ where: { id: { in: ids() } } })).map((b) => b.status);
    }
    return statuses;
  };
  const count = (operation: string) => env.fake.calls.filter((c) => c.operationName === operation).length;

  it("reads and sets metafields once per 25 orders, with one fulfill-and-tag call per order", async () => {
    const orders = env.orders(30);
    const batchId = await env.create(orders);
    expect(await settle(env, batchId)).toBe("DONE");
    expect([
      count("FrankingOrdersFulfillment"),
      count("FrankingVoucherMetafields"),
      count("FrankingFulfill"),
    ]).toEqual([2, 2, 30]);
    expect(env.fake.calls.filter((c) => c.throttled)).toEqual([]);
    const shop = env.fake.shop(env.shop.domain);
    for (const order of orders) {
      const fake = shop.requireOrder(order.orderId);
      expect([fake.fulfillments.length, fake.tags.includes("frankiert")], order.orderName).toEqual([1, true]);
      expect(
        shop.metafieldsOf(order.orderId).map((m) => m.key),
        order.orderName,
      ).toEqual(["vouchers"]);
    }
    // Each task keeps its own order's fulfillment (recorded for a group at once): undo cancels by it.
    const tasks = await env.db().fulfillmentTask.findMany({ where: { batchId } });
    expect(tasks.map((t) => t.orderId).sort()).toEqual(orders.map((o) => o.orderId).sort());
    for (const task of tasks) {
      const own = shop
        .requireOrder(task.orderId)
        .fulfillments.map((f) => `gid://shopify/Fulfillment/${f.id}`);
      expect([task.state, task.attempts, task.doneAt !== null, [task.fulfillmentId]], task.orderId).toEqual([
        "DONE",
        1,
        true,
        own,
      ]);
    }
    await env.expectMoneyMatches();
  });

  it("with the fulfillment orders the confirm saw: one fulfillmentCreate per order, no read, no tag (ADR 021)", async () => {
    const orders = env.withFulfillmentOrders(env.orders(30));
    const batchId = await env.create(orders, { tag: "" });
    expect(await settle(env, batchId)).toBe("DONE");
    const reads = count("FrankingOrdersFulfillment") + count("FrankingOrderFulfillment");
    expect([
      reads,
      count("FrankingVoucherMetafields"),
      count("FrankingFulfillOnly"),
      count("FrankingFulfill"),
    ]).toEqual([0, 2, 30, 0]);
    expect(
      env.fake.calls.filter((c) => c.operationName === "FrankingFulfillOnly").map((c) => c.actualCost),
    ).toEqual(orders.map(() => 10));
    const shop = env.fake.shop(env.shop.domain);
    for (const order of orders) {
      const fake = shop.requireOrder(order.orderId);
      expect([fake.fulfillments.length, fake.tags.includes("frankiert")], order.orderName).toEqual([
        1,
        false,
      ]);
      expect(
        shop.metafieldsOf(order.orderId).map((m) => m.key),
        order.orderName,
      ).toEqual(["vouchers"]);
    }
    await env.expectMoneyMatches();
  });

  it("a fulfillment order closed since the confirm is refused by Shopify; the order is read and counts as done, never fulfilled twice", async () => {
    const orders = env.withFulfillmentOrders(env.orders(3));
    const closed = orders[1]?.orderId ?? "";
    const shop = env.fake.shop(env.shop.domain);
    const admin = fakeAdmin(env.fake, env.shop.domain, env.shop.token);
    // As if an earlier attempt's answer was lost (or the merchant fulfilled it by hand): fulfilled already.
    const fo = orders[1]?.fulfillmentOrderIds?.[0]?.[0] ?? "";
    await admin.graphql(
      `mutation Earlier($fo: ID!) { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $fo }] }) { userErrors { message } } }`,
      { variables: { fo } },
    );
    expect(shop.requireOrder(closed).fulfillments).toHaveLength(1);
    env.fake.calls.length = 0;

    const batchId = await env.create(orders, { tag: "" });
    expect(await settle(env, batchId)).toBe("DONE");
    expect([
      count("FrankingFulfillOnly"),
      count("FrankingOrderFulfillment"),
      count("FrankingOrdersFulfillment"),
    ]).toEqual([3, 1, 0]);
    const rows = await env.db().frankingOrder.findMany({ where: { batchId }, orderBy: { position: "asc" } });
    expect(rows.map((o) => [o.status, o.error])).toEqual([
      ["FULFILLED", null],
      ["FULFILLED", null],
      ["FULFILLED", null],
    ]);
    for (const order of orders)
      expect(shop.requireOrder(order.orderId).fulfillments, order.orderName).toHaveLength(1);
    await env.expectMoneyMatches();
  });

  it("a cancelled order's refused fulfillment is read, fails at once and keeps its stamp", async () => {
    const orders = env.withFulfillmentOrders(env.orders(2));
    const cancelled = orders[0]?.orderId ?? "";
    const shop = env.fake.shop(env.shop.domain);
    const batchId = await env.create(orders, { tag: "" });
    await fakeAdmin(env.fake, env.shop.domain, env.shop.token).graphql(
      `mutation Cancel($id: ID!) { orderCancel(orderId: $id, reason: CUSTOMER, restock: false, refund: false) { orderCancelUserErrors { message } } }`,
      { variables: { id: cancelled } },
    );
    expect(shop.requireOrder(cancelled).cancelledAt).not.toBeNull();
    expect(await settle(env, batchId)).toBe("DONE");
    const row = await env
      .db()
      .frankingOrder.findFirstOrThrow({
        where: { batchId, orderId: cancelled },
        include: { fulfillmentTask: true },
      });
    expect([row.status, row.fulfillmentTask?.state, row.error]).toEqual([
      "BOUGHT",
      "FAILED",
      "fulfillment: The order was cancelled in Shopify",
    ]);
    expect(shop.requireOrder(cancelled).fulfillments).toHaveLength(0);
    await env.expectMoneyMatches();
  });

  it("a metafield Shopify refuses fails only its own order, whose retry does not fulfill it again", async () => {
    const orders = env.orders(3);
    const refused = orders[1]?.orderId ?? "";
    const shop = env.fake.shop(env.shop.domain);
    const now = env.clock.now();
    // Another type under the same key: metafieldsSet refuses it (and, atomic, the whole call).
    shop.metafields.push({
      __typename: "Metafield",
      id: 990_001,
      ownerId: refused,
      ownerType: "ORDER",
      namespace: `app--${env.fake.appId}--franking`,
      key: "vouchers",
      type: "single_line_text_field",
      value: "old",
      createdAt: now,
      updatedAt: now,
    });
    const batchId = await env.create(orders);
    const worker = env.worker();
    await worker.workOnce();
    const rows = await env
      .db()
      .frankingOrder.findMany({
        where: { batchId },
        orderBy: { position: "asc" },
        include: { fulfillmentTask: true },
      });
    expect(rows.map((o) => o.status)).toEqual(["FULFILLED", "BOUGHT", "FULFILLED"]);
    expect(rows[1]?.error).toContain("metafieldsSet");
    expect(rows[1]?.fulfillmentTask).toMatchObject({ state: "PENDING", attempts: 1 });

    shop.metafields.splice(
      shop.metafields.findIndex((m) => m.id === 990_001),
      1,
    );
    env.clock.advance(31_000);
    await worker.workOnce();
    const after = await env.db().frankingOrder.findFirstOrThrow({ where: { batchId, orderId: refused } });
    expect([after.status, after.error]).toEqual(["FULFILLED", null]);
    expect(shop.requireOrder(refused).fulfillments).toHaveLength(1);
    expect(shop.metafieldsOf(refused).map((m) => m.type)).toEqual(["json"]);
    await env.expectMoneyMatches();
  });

  // With one buying slot the first batch must give it up once it only writes back to Shopify: a worker
  // that kept the slot for the write-back would never buy the second batch (ADR 024).
  it.each([
    { slots: 16, what: "several slots" },
    { slots: 1, what: "one buying slot" },
  ])(
    "buys a new batch while another batch is still being written back (background worker, $what)",
    async ({ slots }) => {
      const first = await env.create(env.orders(2));
      let second = "";
      let secondBought: () => void = () => undefined;
      const bought = new Promise<void>((resolve) => {
        secondBought = resolve;
      });
      // The first batch's write-back is held until the second batch is bought: a worker that ran one
      // batch after another would never get there.
      const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
      const worker = startFrankingWorker(
        env.workerOptions({
          pollMs: 60_000,
          maxConcurrentBatches: slots,
          sleep,
          hooks: {
            async at(point, detail) {
              if (point === "after-fulfillment" && detail.batchId === first && second === "") {
                second = await env.create(env.orders(4).slice(2));
                worker.kick();
                await bought;
              }
              if (point === "after-record" && detail.batchId === second) secondBought();
            },
          },
        }),
      );
      worker.kick();
      try {
        expect(await statusesOnceDone(() => [first, second])).toEqual(["DONE", "DONE"]);
      } finally {
        await worker.stop();
      }
      await env.expectMoneyMatches();
    },
  );
  // Labels first (ADR 026): while the process buys for one batch, another batch's write-back goes one group
  // (25 orders) at a time; a gate that let the groups run side by side would have fulfilled more than 25
  // orders when the first group ends.
  it("writes back one group at a time while it buys for another batch", async () => {
    const shop = env.fake.shop(env.shop.domain);
    const orders = env.orders(61);
    const firstOrders = orders.slice(0, 60);
    const first = await env.create(firstOrders);
    const buying = await env.create(orders.slice(60));
    let releaseBuying: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      releaseBuying = resolve;
    });
    const fulfilledAtGroupEnd: number[] = [];
    const fulfilled = () =>
      firstOrders.filter((o) => shop.requireOrder(o.orderId).fulfillments.length > 0).length;
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
    const worker = startFrankingWorker(
      env.workerOptions({
        pollMs: 60_000,
        sleep,
        writeBackGroupsWhileBuying: 1,
        hooks: {
          async at(point, detail) {
            if (point === "before-checkout" && detail.batchId === buying) await held;
            if (point === "after-fulfillment" && detail.batchId === first) {
              fulfilledAtGroupEnd.push(fulfilled());
              if (fulfilledAtGroupEnd.length === 3) releaseBuying();
            }
          },
        },
      }),
    );
    worker.kick();
    try {
      expect(await statusesOnceDone(() => [first, buying])).toEqual(["DONE", "DONE"]);
    } finally {
      releaseBuying();
      await worker.stop();
    }
    expect(fulfilledAtGroupEnd).toEqual([25, 50, 60]);
    await env.expectMoneyMatches();
  });
});
