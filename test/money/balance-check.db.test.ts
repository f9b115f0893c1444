/**
 * Issue 17, found by mutation testing: the balance check before a batch buys (run-batch.server.ts). It
 * runs once: a batch resumed after its check, or stopped before it, logs in no more (each login of a
 * refused account counts towards the Portokasse's lock, NOTES.md); it stamps when the batch started; and a
 * login that reports no balance (the spec does not require `walletBalance`) does not stop the batch and
 * leaves the shop's known balance as it was; a login that reports one makes it the known balance.
 */
import { expect, it } from "vitest";
import { runBatch } from "~/franking/run-batch.server";
import { countRequests, MERCHANT, SERIAL, APP } from "../support/internetmarke-sim";
import { describeEachDatabase } from "../support/databases";
import { settle, STANDARDBRIEF, useFranking } from "../franking/harness";
import { runContext, Stopped } from "./franking-context";

describeEachDatabase("the balance check before buying", (database) => {
  const env = useFranking(database);
  const logins = () => countRequests(env.sim, "POST", "/user");
  const batchRow = (id: string) => env.db().frankingBatch.findUniqueOrThrow({ where: { id } });
  const KNOWN = { balanceCents: 5_000, balanceCheckedAt: new Date("2025-10-01T08:00:00Z") };
  /** The shop's linked Portokasse with a balance read days ago (what the previews show). */
  const linkPortokasse = () =>
    env.db().portokasseAccount.create({
      data: {
        shopId: env.shop.id,
        username: MERCHANT.username,
        passwordCiphertext: "v1:test:only:unused",
        ...KNOWN,
      },
    });
  const known = async () => {
    const { balanceCents, balanceCheckedAt } = await env
      .db()
      .portokasseAccount.findUniqueOrThrow({ where: { shopId: env.shop.id } });
    return { balanceCents, balanceCheckedAt };
  };

  it("a batch resumed after its balance check, before its first cart moved, is not checked again", async () => {
    await linkPortokasse();
    const batchId = await env.create(env.orders(2));
    let crash = true;
    // One client for both runs: its token is still fresh, so only a balance check would log in again.
    const ctx = runContext(env, {
      hooks: {
        at: (point, detail) => {
          if (crash && point === "after-init-cart" && detail.batchId === batchId) throw new Stopped();
        },
      },
    });
    const checkedAt = env.clock.now();
    await expect(runBatch(ctx, batchId)).rejects.toBeInstanceOf(Stopped);
    expect(logins()).toBe(1);
    const checked = await batchRow(batchId);
    expect(checked).toMatchObject({
      balanceCents: 10_000,
      balanceCheckedAt: checkedAt,
      startedAt: checkedAt,
    });
    const carts = await env.db().frankingCart.findMany({ where: { batchId } });
    expect(carts.map((c) => c.state)).toEqual(["PLANNED"]);
    // The login's balance is the shop's newest known balance.
    expect(await known()).toEqual({ balanceCents: 10_000, balanceCheckedAt: checkedAt });

    crash = false;
    env.clock.advance(60_000);
    await expect(runBatch(ctx, batchId)).resolves.toEqual({ kind: "finished", status: "DONE" });
    expect(logins()).toBe(1);
    expect(await batchRow(batchId)).toMatchObject({
      status: "DONE",
      balanceCheckedAt: checkedAt,
      startedAt: checkedAt,
    });
    expect(env.sim.account(MERCHANT.username).vouchers).toHaveLength(2);
    await env.expectMoneyMatches();
  });

  it("a batch stopped by a refused login is not checked again when a run resumes it: no second failed login", async () => {
    env.sim.addAccount({
      ...MERCHANT,
      password: "changed-in-the-portokasse",
      balanceCents: 10_000,
      serialNumber: SERIAL,
      approvedApps: [APP.clientId],
    });
    const batchId = await env.create(env.orders(2));
    const ctx = runContext(env);
    await expect(runBatch(ctx, batchId)).resolves.toEqual({ kind: "finished", status: "FAILED" });
    expect(logins()).toBe(1);
    expect(env.sim.account(MERCHANT.username).failedLogins).toBe(1);
    const stopped = await batchRow(batchId);
    expect(stopped.stopReason).not.toBeNull();
    expect(stopped.balanceCheckedAt).toBeNull();

    // What a crash after the stop, before the run wrote the batch's status, leaves behind.
    await env
      .db()
      .frankingBatch.update({ where: { id: batchId }, data: { status: "RUNNING", finishedAt: null } });
    env.clock.advance(60_000);
    await expect(runBatch(runContext(env), batchId)).resolves.toEqual({ kind: "finished", status: "FAILED" });
    expect(logins()).toBe(1);
    expect(env.sim.account(MERCHANT.username).failedLogins).toBe(1);
    expect(env.sim.account(MERCHANT.username).vouchers).toHaveLength(0);
  });

  it("the first run stamps when the batch started", async () => {
    const batchId = await env.create(env.orders(1));
    expect((await batchRow(batchId)).startedAt).toBeNull();
    const startedAt = env.clock.now();
    expect(await settle(env, batchId)).toBe("DONE");
    expect((await batchRow(batchId)).startedAt).toEqual(startedAt);
  });

  it("a login that reports no balance does not stop the batch: it buys, and the balance stays unknown", async () => {
    env.sim.addAccount({
      ...MERCHANT,
      balanceCents: 10_000,
      serialNumber: SERIAL,
      approvedApps: [APP.clientId],
      balanceInLogin: false,
    });
    await linkPortokasse();
    const batchId = await env.create(env.orders(3));
    let checked = false;
    const ctx = runContext(env, {
      hooks: {
        at: async (point, detail) => {
          if (checked || point !== "after-init-cart" || detail.batchId !== batchId) return;
          checked = true;
          // After the check, before anything is bought: the known balance is neither changed nor marked fresh.
          expect(await known()).toEqual(KNOWN);
        },
      },
    });
    await expect(runBatch(ctx, batchId)).resolves.toEqual({ kind: "finished", status: "DONE" });
    expect(checked).toBe(true);
    expect(await batchRow(batchId)).toMatchObject({
      status: "DONE",
      balanceCents: null,
      stopReason: null,
      missingCents: null,
      totalCents: 3 * STANDARDBRIEF.priceCents,
    });
    expect(env.sim.account(MERCHANT.username).vouchers).toHaveLength(3);
    await env.expectMoneyMatches();
  });
});
