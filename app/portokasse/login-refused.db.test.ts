import { expect, it } from "vitest";
import { MERCHANT, useSimulator } from "../../test/support/internetmarke-sim";
import { describeEachDatabase } from "../../test/support/databases";
import { connectPortokasse, currentBalance, testPortokasse } from "./connection.server";

const KEY = "5a".repeat(32);

/** With the spec's generic 401 text (the simulator's default), the diagnosis names both causes. */
describeEachDatabase("a refused Portokasse login, worded as the spec documents it", (database) => {
  const env = useSimulator();

  const setup = async () => {
    await database().db.shop.deleteMany({});
    return (await database().db.shop.create({ data: { domain: "refused.myshopify.com" } })).id;
  };

  it("a wrong password: login-refused, nothing stored, sent once", async () => {
    const shopId = await setup();
    const result = await connectPortokasse(database().db, env.client().client, {
      shopId,
      ...MERCHANT,
      password: "Falsch-123",
      encryptionKey: KEY,
      now: env.clock.now(),
    });
    expect(result).toMatchObject({ ok: false, problem: "login-refused", view: null });
    expect(await database().db.portokasseAccount.count({ where: { shopId } })).toBe(0);
    expect(env.sim.account(MERCHANT.username).failedLogins).toBe(1);
  });

  it("a password changed at Deutsche Post: recorded, and the app stops logging in by itself", async () => {
    const shopId = await setup();
    const { client } = env.client();
    const input = { shopId, encryptionKey: KEY, now: env.clock.now() };
    expect(await connectPortokasse(database().db, client, { ...input, ...MERCHANT })).toMatchObject({
      ok: true,
    });
    env.sim.reset();
    env.sim.addApp({ clientId: "frankiermeister-app", clientSecret: "sim-app-secret-4711" });
    env.addMerchant({ password: "Neu-Passwort-1" });
    expect(await testPortokasse(database().db, client, input)).toMatchObject({
      ok: false,
      problem: "login-refused",
    });
    const later = { ...input, now: new Date(env.clock.now().getTime() + 3_600_000), maxAgeMs: 1 };
    expect((await currentBalance(database().db, client, later))?.problem).toBe("login-refused");
    expect(env.sim.account(MERCHANT.username).failedLogins).toBe(1);
  });
});
