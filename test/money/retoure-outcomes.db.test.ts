/**
 * Issue 17: following and reconciling a Retoure through the real database and the simulator: nothing is
 * settled, credited or marked not refunded while Deutsche Post still has vouchers of it open (a Retoure
 * processed in parts), and an unclear Retoure is never matched to one another request already owns.
 */
import { expect, it } from "vitest";
import { requestRefunds } from "~/refunds/request-refunds.server";
import { countRequests, MERCHANT } from "../support/internetmarke-sim";
import { describeEachDatabase } from "../support/databases";
import { OPENING_BALANCE, useRefunds } from "../refunds/harness";

const RETOURE = { path: "/app/retoure", method: "POST" };
const DELAY = 60_000;

describeEachDatabase("a Retoure's outcome", (database) => {
  const env = useRefunds(database, { retoureDelayMs: DELAY });

  it("a Retoure processed in parts stays open, uncredited and undecided until nothing of it is open", async () => {
    const orders = env.openOrders(2);
    const cart = await env.buy(orders);
    // What the app knows of the balance once the stamps are bought (it follows each checkout).
    const afterPurchase = (await env.db().portokasseAccount.findUniqueOrThrow({ where: { shopId: env.shop.id } }))
      .balanceCents;
    env.sim.faults.processRetouresInParts(1);
    await requestRefunds(
      env.db(),
      env.shop.id,
      cart.vouchers.map((v) => v.voucherId),
      env.clock.now(),
    );
    const worker = env.worker();
    await worker.workOnce();
    const sent = await env.db().retoureRequest.findFirstOrThrow({ where: { shopId: env.shop.id } });
    expect(sent.state).toBe("OPEN");
    const sentAt = sent.sentAt?.getTime() ?? 0;

    // First half refunded after one delay, the rest after two: look at it (with backoff) in between.
    while (env.clock.now().getTime() < sentAt + 2 * DELAY - 5_000) {
      env.clock.advance(5_000);
      await worker.workOnce();
      const request = await env.db().retoureRequest.findFirstOrThrow({ where: { id: sent.id } });
      expect(request.state).toBe("OPEN");
      expect(
        (await env.db().refund.findMany({ where: { shopId: env.shop.id } })).map((r) => r.state),
      ).toEqual(["PENDING", "PENDING"]);
      expect(
        (await env.db().portokasseAccount.findUniqueOrThrow({ where: { shopId: env.shop.id } })).balanceCents,
      ).toBe(afterPurchase);
    }
    // The app did see it partly processed: one voucher refunded, one still open.
    const inBetween = env.sim.requests.filter(
      (r) => r.method === "GET" && r.path.endsWith("/app/retoure") && r.at.getTime() >= sentAt + DELAY,
    );
    expect(inBetween.length).toBeGreaterThan(0);
    expect(
      env.sim
        .account(MERCHANT.username)
        .ledger.filter((e) => e.kind === "refund")
        .map((e) => e.cents),
    ).toEqual([95]);

    await env.settle();
    expect(await env.db().retoureRequest.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({
      state: "CLOSED",
      refundedCents: 190,
      retourePriceCents: 190,
      lastError: null,
    });
    expect(
      (await env.db().refund.findMany({ where: { shopId: env.shop.id } })).map((r) => [
        r.state,
        r.refundedCents,
      ]),
    ).toEqual([
      ["REFUNDED", 95],
      ["REFUNDED", 95],
    ]);
    // Two bookings at Deutsche Post (one per part), one credit in the app, to the cent.
    const account = env.sim.account(MERCHANT.username);
    expect(account.ledger.filter((e) => e.kind === "refund").map((e) => [e.ref, e.cents])).toEqual([
      [sent.shopRetoureId, 95],
      [sent.shopRetoureId, 95],
    ]);
    expect(account.balanceCents).toBe(OPENING_BALANCE);
    expect(
      (await env.db().portokasseAccount.findUniqueOrThrow({ where: { shopId: env.shop.id } })).balanceCents,
    ).toBe((afterPurchase ?? 0) + 190);
  });

  it("reconciling an unclear Retoure leaves out the Retoures other requests own", async () => {
    const [a, b] = env.openOrders(2);
    if (!a || !b) throw new Error("orders");
    const first = await env.buy([a]);
    const second = await env.buy([b]);
    const worker = env.worker();
    await requestRefunds(
      env.db(),
      env.shop.id,
      first.vouchers.map((v) => v.voucherId),
      env.clock.now(),
    );
    await worker.workOnce();
    const owned = await env
      .db()
      .retoureRequest.findFirstOrThrow({ where: { shopId: env.shop.id, state: "OPEN" } });

    // The second request is lost before Deutsche Post handled it; the first one's Retoure is still open,
    // has as many vouchers, and lists none yet: only ownership tells it is not the lost one.
    env.sim.faults.dropBeforeHandling(1, RETOURE);
    await requestRefunds(
      env.db(),
      env.shop.id,
      second.vouchers.map((v) => v.voucherId),
      env.clock.now(),
    );
    await worker.workOnce();
    const lost = await env
      .db()
      .retoureRequest.findFirstOrThrow({ where: { shopId: env.shop.id, state: "SENT" } });
    expect(lost.lastError).toMatch(/^outcome_unknown/);

    env.clock.advance(2_000);
    await worker.workOnce();
    expect(await env.db().retoureRequest.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({
      state: "PENDING",
      lastError: "reconciled: the Retoure was not filed",
    });
    await worker.workOnce();
    const refiled = await env.db().retoureRequest.findUniqueOrThrow({ where: { id: lost.id } });
    expect(refiled.state).toBe("OPEN");
    expect(refiled.shopRetoureId).not.toBeNull();
    expect(refiled.shopRetoureId).not.toBe(owned.shopRetoureId);
    expect(await env.db().retoureRequest.findUniqueOrThrow({ where: { id: owned.id } })).toMatchObject({
      state: "OPEN",
      shopRetoureId: owned.shopRetoureId,
    });
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(3);

    await env.settle();
    expect((await env.db().refund.findMany({ where: { shopId: env.shop.id } })).map((r) => r.state)).toEqual([
      "REFUNDED",
      "REFUNDED",
    ]);
    await env.expectMoneyReconciles();
  });
});
