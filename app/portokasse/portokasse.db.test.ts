import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { decryptSecret } from "~/crypto.server";
import { countRequests, MERCHANT, useSimulator } from "../../test/support/internetmarke-sim";
import { describeEachDatabase } from "../../test/support/databases";
import {
  connectPortokasse,
  currentBalance,
  disconnectPortokasse,
  loadPortokasse,
  testPortokasse,
} from "./connection.server";

const KEY = "5a".repeat(32);

describeEachDatabase("the Portokasse connection", (database) => {
  // Per-cause texts (a simulator assumption, see its README): how the app reads them if the live service names causes.
  const env = useSimulator({ loginRefusals: "per-cause" });
  let shopId: string;
  const logged: string[] = [];
  const spies: Array<{ mockRestore(): void }> = [];

  beforeEach(async () => {
    await database().db.shop.deleteMany({});
    shopId = (await database().db.shop.create({ data: { domain: "kasse.myshopify.com" } })).id;
    logged.length = 0;
    for (const method of ["log", "info", "warn", "debug"] as const) {
      const spy = vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
      });
      spies.push(spy);
    }
  });
  afterEach(() => {
    for (const spy of spies.splice(0)) spy.mockRestore();
  });

  const connect = (credentials: Partial<typeof MERCHANT> = {}) =>
    connectPortokasse(database().db, env.client().client, {
      shopId,
      ...MERCHANT,
      ...credentials,
      encryptionKey: KEY,
      now: env.clock.now(),
    });
  const merchantOnly = (overrides: Parameters<typeof env.addMerchant>[0]) => {
    env.sim.reset();
    env.sim.addApp({ clientId: "frankiermeister-app", clientSecret: "sim-app-secret-4711" });
    env.addMerchant(overrides);
  };

  it("connects, shows the balance and stores the password only as ciphertext bound to the shop", async () => {
    const result = await connect();
    expect(result).toMatchObject({
      ok: true,
      view: { username: MERCHANT.username, balanceCents: 10_000, problem: null },
    });
    expect(JSON.stringify(result)).not.toContain(MERCHANT.password);
    const row = await database().db.portokasseAccount.findUniqueOrThrow({ where: { shopId } });
    expect(row.passwordCiphertext).not.toContain(MERCHANT.password);
    expect(row.passwordCiphertext).toMatch(/^v2:0:/); // the keyring's form, key id 0 (ADR 010)
    expect(decryptSecret(row.passwordCiphertext, KEY, shopId)).toBe(MERCHANT.password);
    expect(() => decryptSecret(row.passwordCiphertext, KEY, "another-shop")).toThrow();
    expect(row.balanceCheckedAt).toEqual(env.clock.now());
    expect(
      (await database().db.portokasseCatalog.findUniqueOrThrow({ where: { shopId } })).fetchedAt,
    ).toEqual(env.clock.now());
    expect(logged.join("\n")).not.toContain(MERCHANT.password);
  });

  it("says where to approve the app when the Portokasse has not approved it, and keeps the credentials", async () => {
    merchantOnly({ approvedApps: [] });
    const result = await connect();
    expect(result).toMatchObject({
      ok: false,
      problem: "app-not-approved",
      view: { username: MERCHANT.username, balanceCents: null },
    });
    env.sim.approveApp(MERCHANT.username, "frankiermeister-app");
    const retried = await testPortokasse(database().db, env.client().client, {
      shopId,
      encryptionKey: KEY,
      now: env.clock.now(),
    });
    expect(retried).toMatchObject({ ok: true, view: { balanceCents: 10_000, problem: null } });
  });

  it("reports a wrong password and stores nothing", async () => {
    const result = await connect({ password: "Falsch-123" });
    expect(result).toMatchObject({ ok: false, problem: "wrong-password", view: null });
    expect(await database().db.portokasseAccount.count({ where: { shopId } })).toBe(0);
    expect(env.sim.account(MERCHANT.username).failedLogins).toBe(1);
  });

  it("refuses a password longer than 22 characters before sending anything", async () => {
    const result = await connect({ password: "x".repeat(23) });
    expect(result).toMatchObject({ ok: false, problem: "password-too-long" });
    expect(countRequests(env.sim, "POST", "/user")).toBe(0);
    expect(logged.join("\n")).not.toContain("x".repeat(23));
  });

  it("reports a locked account", async () => {
    merchantOnly({ locked: true });
    expect(await connect()).toMatchObject({ ok: false, problem: "account-locked", view: null });
  });

  it("connects an empty Portokasse but says that nothing can be bought", async () => {
    merchantOnly({ balanceCents: 0 });
    const result = await connect();
    expect(result).toMatchObject({
      ok: false,
      problem: "zero-balance",
      view: { balanceCents: 0, problem: "zero-balance" },
    });
    expect(await loadPortokasse(database().db, shopId)).toMatchObject({
      username: MERCHANT.username,
      balanceCents: 0,
    });
  });

  it("reports server and network trouble without storing anything", async () => {
    env.sim.faults.failNext(1, { path: "/user", status: 503 });
    expect(await connect()).toMatchObject({ ok: false, problem: "unavailable" });
    env.sim.faults.dropBeforeHandling(1, { path: "/user" });
    expect(await connect()).toMatchObject({ ok: false, problem: "unavailable" });
    expect(await database().db.portokasseAccount.count({ where: { shopId } })).toBe(0);
  });

  it("records a password changed at Deutsche Post on the next test and stops logging in by itself", async () => {
    await connect();
    env.sim.reset();
    env.sim.addApp({ clientId: "frankiermeister-app", clientSecret: "sim-app-secret-4711" });
    env.addMerchant({ password: "Neues-Passwort-1" });
    const client = env.client().client;
    const tested = await testPortokasse(database().db, client, {
      shopId,
      encryptionKey: KEY,
      now: env.clock.now(),
    });
    expect(tested).toMatchObject({ ok: false, problem: "wrong-password" });
    env.clock.advance(60 * 60 * 1000);
    const balance = await currentBalance(database().db, client, {
      shopId,
      encryptionKey: KEY,
      now: env.clock.now(),
      maxAgeMs: 1000,
    });
    expect(balance?.problem).toBe("wrong-password");
    expect(env.sim.account(MERCHANT.username).failedLogins).toBe(1);
  });

  it("disconnects: the credentials and the shop's catalog are gone", async () => {
    await connect();
    await disconnectPortokasse(database().db, shopId);
    expect(await loadPortokasse(database().db, shopId)).toBeNull();
    expect(await database().db.portokasseCatalog.count({ where: { shopId } })).toBe(0);
  });
});
