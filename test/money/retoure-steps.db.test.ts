/**
 * Issue 17, found by mutation testing of the refunds core: single Retoure steps (reconcile.server.ts,
 * close.server.ts) called directly, as a worker holding the request's lease would, through the real
 * database and the simulator over HTTP: a lost Retoure is not looked up before the reconcile delay and only
 * inside its time window; another shop's Retoure id is not ours to skip; a Retoure still open is looked at
 * again later, not at once; no Portokasse linked, a lookup that does not list the Retoure, or a Retoure
 * without its id neither crash nor decide anything; Deutsche Post's own figure is compared with the
 * vouchers'; closing marks only its own orders for the Shopify write-back.
 */
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { Portokasse, RetoureState } from "~/internetmarke";
import { applyRetoureState, pollRetoure } from "~/refunds/close.server";
import { DEFAULT_REFUND_TIMINGS, type RefundContext } from "~/refunds/context";
import { backoffMs } from "~/refunds/model";
import { reconcileRetoure } from "~/refunds/reconcile.server";
import { requestRefunds } from "~/refunds/request-refunds.server";
import { countRequests, MERCHANT } from "../support/internetmarke-sim";
import { describeEachDatabase } from "../support/databases";
import { fakeAdmin } from "../support/fake-admin";
import { FAST, useRefunds } from "../refunds/harness";

const RETOURE = { path: "/app/retoure", method: "POST" };
const DELAY = 60_000;
const DAY = 24 * 60 * 60_000;

describeEachDatabase("single Retoure steps", (database) => {
  const env = useRefunds(database, { retoureDelayMs: DELAY });
  const timings = { ...DEFAULT_REFUND_TIMINGS, ...FAST };
  const lookups = () => countRequests(env.sim, "GET", "/app/retoure");
  const kasse = () => env.client().client.portokasse(MERCHANT);
  const requestRow = (id: string) => env.db().retoureRequest.findUniqueOrThrow({ where: { id } });

  /** A context as the worker builds it; its logger has no `info` (the type allows that). */
  function refundContext(overrides: Partial<RefundContext> = {}): RefundContext {
    return {
      db: env.db(),
      now: env.clock.now,
      timings,
      hooks: {},
      portokasse: async () => kasse(),
      admin: async () => fakeAdmin(env.fake, env.shop.domain, env.shop.token),
      logger: { warn: () => undefined },
      ...overrides,
    };
  }

  /** Takes the request's lease as a worker would, and loads it with its shop. */
  async function leased(id: string) {
    const token = `test-${randomUUID()}`;
    await env.db().retoureRequest.update({
      where: { id },
      data: { leaseOwner: token, leaseUntil: new Date(env.clock.now().getTime() + timings.leaseMs) },
    });
    const req = await env.db().retoureRequest.findUniqueOrThrow({
      where: { id },
      include: { shop: { select: { id: true, domain: true } } },
    });
    return { req, token };
  }

  /**
   * Buys `count` stamps, asks for their refund and runs the worker once (`beforeRefund` may set a fault
   * first); the shop's Retoure request in `state` then.
   */
  async function refundFresh(state: "SENT" | "OPEN", count = 1, beforeRefund: () => void = () => undefined) {
    const cart = await env.buy(env.openOrders(count));
    beforeRefund();
    await requestRefunds(
      env.db(),
      env.shop.id,
      cart.vouchers.map((v) => v.voucherId),
      env.clock.now(),
    );
    await env.worker().workOnce();
    const request = await env.db().retoureRequest.findFirstOrThrow({ where: { shopId: env.shop.id, state } });
    return { cart, request };
  }

  /** Requests refunds of freshly bought stamps; the first Retoure's answer is lost (`fault`). */
  async function lostRetoure(fault: "dropAfterCommit" | "dropBeforeHandling", count = 1) {
    const { cart, request: sent } = await refundFresh("SENT", count, () => env.sim.faults[fault](1, RETOURE));
    expect(sent.sentAt).not.toBeNull();
    return { cart, sent, sentAt: sent.sentAt ?? new Date(0) };
  }

  const moveTo = (at: number) => env.clock.advance(at - env.clock.now().getTime());

  it("a lost Retoure is not looked up before the reconcile delay; at the delay it is, and while open it is looked at again after the poll backoff", async () => {
    const { sent, sentAt } = await lostRetoure("dropAfterCommit");
    const before = lookups();
    const due = sentAt.getTime() + timings.reconcileDelayMs;

    moveTo(due - 1);
    let { req, token } = await leased(sent.id);
    await reconcileRetoure(refundContext(), req, token, kasse());
    expect(lookups()).toBe(before);
    expect(await requestRow(sent.id)).toMatchObject({ state: "SENT", checks: 0, nextCheckAt: new Date(due) });

    // At the delay: Deutsche Post has the Retoure, still open and listing none of the vouchers yet.
    moveTo(due);
    ({ req, token } = await leased(sent.id));
    await reconcileRetoure(refundContext(), req, token, kasse());
    expect(lookups()).toBe(before + 1);
    expect(await requestRow(sent.id)).toMatchObject({
      state: "SENT",
      checks: 1,
      nextCheckAt: new Date(due + backoffMs(1, timings.pollBaseMs, timings.pollMaxMs)),
    });

    // Once Deutsche Post processed it, it is found (and logged without an `info` logger).
    env.clock.advance(DELAY);
    ({ req, token } = await leased(sent.id));
    await reconcileRetoure(refundContext(), req, token, kasse());
    expect(await requestRow(sent.id)).toMatchObject({ state: "CLOSED", refundedCents: 95, lastError: null });
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
  });

  it("a Retoure never filed goes back to PENDING (logged without an `info` logger)", async () => {
    const { sent, sentAt } = await lostRetoure("dropBeforeHandling");
    moveTo(sentAt.getTime() + timings.reconcileDelayMs);
    const { req, token } = await leased(sent.id);
    await reconcileRetoure(refundContext(), req, token, kasse());
    expect(await requestRow(sent.id)).toMatchObject({
      state: "PENDING",
      sentAt: null,
      lastError: "reconciled: the Retoure was not filed",
    });
  });

  it("an older Retoure of the same voucher, outside the time window, is not taken for the lost one", async () => {
    // The merchant returned the stamp in the Portokasse web UI two days earlier; Deutsche Post refunded it.
    const cart = await env.buy(env.openOrders(1));
    const [voucher] = cart.vouchers;
    if (!voucher) throw new Error("no voucher");
    await kasse().requestRetoure({ vouchers: [{ voucherId: voucher.voucherId }] });
    env.clock.advance(2 * DAY);

    // The app's own Retoure for it: Deutsche Post refuses the voucher (already returned); the answer is lost.
    env.sim.faults.dropAfterCommit(1, RETOURE);
    await requestRefunds(env.db(), env.shop.id, [voucher.voucherId], env.clock.now());
    await env.worker().workOnce();
    const sent = await env
      .db()
      .retoureRequest.findFirstOrThrow({ where: { shopId: env.shop.id, state: "SENT" } });
    env.clock.advance(DELAY + timings.reconcileDelayMs);
    const { req, token } = await leased(sent.id);
    await reconcileRetoure(refundContext(), req, token, kasse());

    const after = await requestRow(sent.id);
    expect(after).toMatchObject({ state: "CLOSED", refundedCents: 0 });
    const refund = await env.db().refund.findFirstOrThrow({ where: { retoureId: sent.id } });
    expect(refund.state).toBe("NOT_REFUNDED");
    // The older Retoure is the merchant's, not this request's.
    const states = await kasse().retoureState({ startDate: new Date(0), endDate: env.clock.now() });
    const older = states.find((s) => s.refundedVouchers.some((v) => v.voucherId === voucher.voucherId));
    expect(older).toBeDefined();
    expect(after.shopRetoureId).not.toBe(older?.shopRetoureId);
  });

  it("another shop's request owning the same Retoure id does not hide this shop's lost Retoure", async () => {
    const { sent, sentAt } = await lostRetoure("dropAfterCommit");
    moveTo(sentAt.getTime() + timings.reconcileDelayMs + DELAY);
    const [ours] = await kasse().retoureState({ startDate: sentAt, endDate: env.clock.now() });
    if (!ours) throw new Error("the lost Retoure is not at Deutsche Post");
    // Retoure ids are unique per shop in this app (the key is shop and Retoure id): another shop, with its
    // own Portokasse, may hold the same number.
    const other = await env.db().shop.create({ data: { domain: `other-${randomUUID()}.myshopify.com` } });
    try {
      await env.db().retoureRequest.create({
        data: {
          shopId: other.id,
          state: "OPEN",
          shopRetoureId: ours.shopRetoureId,
          requestedCents: 95,
          nextCheckAt: env.clock.now(),
        },
      });
      const { req, token } = await leased(sent.id);
      await reconcileRetoure(refundContext(), req, token, kasse());
      expect(await requestRow(sent.id)).toMatchObject({
        state: "CLOSED",
        shopRetoureId: ours.shopRetoureId,
        refundedCents: 95,
      });
      expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    } finally {
      await env.db().shop.delete({ where: { id: other.id } });
    }
  });

  it("without a linked Portokasse neither a lost nor an open Retoure is looked up: both wait for it", async () => {
    const { sent, sentAt } = await lostRetoure("dropBeforeHandling");
    moveTo(sentAt.getTime() + timings.reconcileDelayMs);
    const before = lookups();
    let { req, token } = await leased(sent.id);
    await reconcileRetoure(refundContext(), req, token, null);
    expect(await requestRow(sent.id)).toMatchObject({
      state: "SENT",
      attempts: 1,
      lastError: "portokasse_not_linked",
    });

    await env
      .db()
      .retoureRequest.update({ where: { id: sent.id }, data: { state: "OPEN", shopRetoureId: "4711" } });
    ({ req, token } = await leased(sent.id));
    await pollRetoure(refundContext(), req, token, null);
    expect(await requestRow(sent.id)).toMatchObject({
      state: "OPEN",
      attempts: 2,
      lastError: "portokasse_not_linked",
    });
    expect(lookups()).toBe(before);
  });

  async function openRetoure() {
    const { cart, request: open } = await refundFresh("OPEN");
    if (open.shopRetoureId === null) throw new Error("open without an id");
    return { cart, open, shopRetoureId: open.shopRetoureId };
  }

  it("an open Retoure whose lookup does not list it is looked at again later; other Retoures in the answer are not taken for it", async () => {
    const { open, shopRetoureId } = await openRetoure();
    env.clock.advance(DELAY);
    const real = kasse();
    const answering = (states: (actual: RetoureState[]) => RetoureState[]): Portokasse => ({
      ...real,
      retoureState: async (query) => states(await real.retoureState(query)),
    });

    let { req, token } = await leased(open.id);
    await pollRetoure(
      refundContext(),
      req,
      token,
      answering(() => []),
    );
    expect(await requestRow(open.id)).toMatchObject({
      state: "OPEN",
      attempts: 1,
      lastError: "retoure_not_found",
    });

    // An answer that also lists another Retoure (first), settled and refunding nothing of ours.
    ({ req, token } = await leased(open.id));
    await pollRetoure(
      refundContext(),
      req,
      token,
      answering((actual) => {
        const [state] = actual;
        if (!state) throw new Error("no state");
        const other: RetoureState = {
          ...state,
          shopRetoureId: `${shopRetoureId}9`,
          refundedVouchers: [],
          notRefundedVouchers: state.refundedVouchers,
          retourePriceCents: 0,
        };
        return [other, ...actual];
      }),
    );
    expect(await requestRow(open.id)).toMatchObject({
      state: "CLOSED",
      refundedCents: 95,
      retourePriceCents: 95,
      lastError: null,
    });
  });

  it("an open Retoure without its Deutsche Post id is an error, and nothing is looked up", async () => {
    const { open } = await openRetoure();
    await env.db().retoureRequest.update({ where: { id: open.id }, data: { shopRetoureId: null } });
    const before = lookups();
    const { req, token } = await leased(open.id);
    await expect(pollRetoure(refundContext(), req, token, kasse())).rejects.toThrow(
      /open without a shopRetoureId/,
    );
    expect(lookups()).toBe(before);
  });

  it("Deutsche Post's own figure differing from the vouchers' sum is noted as amount_mismatch; no figure is no mismatch", async () => {
    const first = await openRetoure();
    env.clock.advance(DELAY);
    const [settled] = await kasse().retoureState(first.shopRetoureId);
    if (!settled) throw new Error("no state");
    let { req, token } = await leased(first.open.id);
    await applyRetoureState(refundContext(), req, token, { ...settled, retourePriceCents: 100 });
    expect(await requestRow(first.open.id)).toMatchObject({
      state: "CLOSED",
      refundedCents: 95,
      retourePriceCents: 100,
      lastError: "amount_mismatch: Deutsche Post 100, vouchers 95",
    });

    const second = await openRetoure();
    env.clock.advance(DELAY);
    const [alsoSettled] = await kasse().retoureState(second.shopRetoureId);
    if (!alsoSettled) throw new Error("no state");
    ({ req, token } = await leased(second.open.id));
    await applyRetoureState(refundContext(), req, token, { ...alsoSettled, retourePriceCents: null });
    expect(await requestRow(second.open.id)).toMatchObject({
      state: "CLOSED",
      refundedCents: 95,
      retourePriceCents: null,
      lastError: null,
    });
  });

  it("closing a Retoure marks only its own orders for the Shopify write-back", async () => {
    const first = await openRetoure();
    const second = await openRetoure();
    const [mine] = first.cart.vouchers;
    const [theirs] = second.cart.vouchers;
    if (!mine || !theirs) throw new Error("no vouchers");
    await env.db().refundSync.updateMany({ where: { shopId: env.shop.id }, data: { dirty: false } });
    const versions = async () =>
      new Map(
        (await env.db().refundSync.findMany({ where: { shopId: env.shop.id } })).map((s) => [
          s.orderId,
          s.version,
        ]),
      );
    const before = await versions();

    env.clock.advance(DELAY);
    const [settled] = await kasse().retoureState(first.shopRetoureId);
    if (!settled) throw new Error("no state");
    const { req, token } = await leased(first.open.id);
    await applyRetoureState(refundContext(), req, token, settled);

    const after = await versions();
    expect(after.get(mine.orderId)).toBe((before.get(mine.orderId) ?? 0) + 1);
    expect(after.get(theirs.orderId)).toBe(before.get(theirs.orderId));
    const dirty = await env.db().refundSync.findMany({ where: { shopId: env.shop.id, dirty: true } });
    expect(dirty.map((s) => s.orderId)).toEqual([mine.orderId]);
  });
});
