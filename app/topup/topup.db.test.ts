import { beforeEach, expect, it } from "vitest";
import { connectPortokasse, loadPortokasse } from "~/portokasse/connection.server";
import { countRequests, MERCHANT, useSimulator } from "../../test/support/internetmarke-sim";
import { describeEachDatabase } from "../../test/support/databases";
import { NOT_BOOKED_AFTER_MS } from "./reconcile.server";
import { refusalOf, topUpPortokasse } from "./topup.server";

const KEY = "5a".repeat(32);

describeEachDatabase("topping up the Portokasse", (database) => {
  const env = useSimulator();
  let shopId: string;
  const db = () => database().db;
  const topUps = () => countRequests(env.sim, "PUT", "/app/wallet");
  const ledgerTopUps = () => env.sim.account(MERCHANT.username).ledger.filter((e) => e.kind === "topup");

  const link = async (overrides: Parameters<typeof env.addMerchant>[0] = {}) => {
    env.sim.reset();
    env.sim.addApp({ clientId: "frankiermeister-app", clientSecret: "sim-app-secret-4711" });
    env.addMerchant(overrides);
    const linked = await connectPortokasse(db(), env.client().client, {
      shopId,
      ...MERCHANT,
      encryptionKey: KEY,
      now: env.clock.now(),
    });
    expect(linked.ok).toBe(true);
  };
  const topUp = (amountCents: number, client = env.client().client) =>
    topUpPortokasse(db(), client, {
      shopId,
      amountCents,
      encryptionKey: KEY,
      now: env.clock.now(),
      requestedBy: "owner@shop.example",
    });

  beforeEach(async () => {
    await db().shop.deleteMany({});
    shopId = (await db().shop.create({ data: { domain: "topup.myshopify.com" } })).id;
  });

  it("tops up, records it before and after, and keeps the new balance where the app keeps the balance", async () => {
    await link();
    const result = await topUp(2_500);
    expect(result).toMatchObject({ ok: true, amountCents: 2_500, balanceCents: 12_500, reconciled: false });
    const [row] = await db().portokasseTopUp.findMany({ where: { shopId } });
    expect(row).toMatchObject({
      state: "DONE",
      amountCents: 2_500,
      balanceBeforeCents: 10_000,
      balanceAfterCents: 12_500,
      requestedBy: "owner@shop.example",
    });
    expect(row?.shopOrderId).toMatch(/^\d+$/);
    expect((await loadPortokasse(db(), shopId))?.balanceCents).toBe(12_500);
    expect(ledgerTopUps()).toHaveLength(1);
  });

  it("checks the minimum before anything is sent", async () => {
    await link();
    expect(await topUp(999)).toMatchObject({ ok: false, problem: "below-minimum" });
    expect(topUps()).toBe(0);
    expect(await db().portokasseTopUp.count()).toBe(0);
  });

  it.each([
    ["no SEPA mandate", { sepaMandate: false }, 2_500, "no-mandate"],
    ["the top-up quota reached", { topUpQuotaCents: 2_000 }, 2_500, "quota-exceeded"],
  ] as const)("reports %s with its own problem and books nothing", async (_, overrides, amount, problem) => {
    await link(overrides);
    expect(await topUp(amount)).toMatchObject({ ok: false, problem });
    expect(await db().portokasseTopUp.findFirst({ where: { shopId } })).toMatchObject({
      state: "REFUSED",
      problem,
    });
    expect(ledgerTopUps()).toHaveLength(0);
    expect(env.sim.account(MERCHANT.username).balanceCents).toBe(10_000);
  });

  it("an amount Deutsche Post refuses as invalid gets its own problem; beyond the spec's int32 nothing is sent", async () => {
    await link();
    // Deutsche Post's answer to an invalid amount, through the client (which only checks >= 1 cent).
    const refused = await env
      .client()
      .client.portokasse(MERCHANT)
      .topUp(3_000_000_000)
      .catch((e: unknown) => e);
    expect(refusalOf(refused)).toMatchObject({ problem: "amount-invalid", unclear: false });
    const before = topUps();
    expect(await topUp(3_000_000_000)).toMatchObject({ ok: false, problem: "amount-invalid" });
    expect(topUps()).toBe(before);
    expect(ledgerTopUps()).toHaveLength(0);
  });

  it("a connection dropped after the debit committed: the balance shows the money once, nothing is sent again", async () => {
    await link();
    env.sim.faults.dropAfterTopUpDebit();
    const result = await topUp(2_500);
    expect(result).toMatchObject({ ok: true, balanceCents: 12_500, reconciled: true });
    expect(topUps()).toBe(1);
    expect(ledgerTopUps()).toHaveLength(1);
    expect(await db().portokasseTopUp.findFirst({ where: { shopId } })).toMatchObject({
      state: "DONE",
      balanceAfterCents: 12_500,
    });
    expect((await loadPortokasse(db(), shopId))?.balanceCents).toBe(12_500);
    // The next top-up goes out normally.
    expect(await topUp(1_000)).toMatchObject({ ok: true, balanceCents: 13_500 });
    expect(topUps()).toBe(2);
  });

  it("a connection dropped before Deutsche Post booked it: unclear, no second top-up until the balance settles it", async () => {
    await link();
    env.sim.faults.dropBeforeHandling(1, { path: "/app/wallet", method: "PUT" });
    expect(await topUp(2_500)).toMatchObject({ ok: false, problem: "unclear" });
    expect(await topUp(2_500)).toMatchObject({ ok: false, problem: "pending", amountCents: 2_500 });
    expect(topUps()).toBe(1);
    env.clock.advance(NOT_BOOKED_AFTER_MS);
    const again = await topUp(2_500);
    expect(again).toMatchObject({ ok: true, balanceCents: 12_500 });
    expect(topUps()).toBe(2);
    expect(ledgerTopUps()).toHaveLength(1);
    const states = (
      await db().portokasseTopUp.findMany({ where: { shopId }, orderBy: { createdAt: "asc" } })
    ).map((r) => r.state);
    expect(states).toEqual(["NOT_BOOKED", "DONE"]);
  });
});
