import { expect, it } from "vitest";
import { countRequests, MERCHANT, useSimulator } from "../../test/support/internetmarke-sim";
import { LoginRefusedError } from "./errors";

/**
 * The simulator answers refused logins as the spec documents them: one generic text naming a locked
 * account, a bad token and an unapproved app at once. The client must not guess one cause from it.
 */
const env = useSimulator();

it("reads the spec's generic 401 text as a refused login of unknown cause, and never re-sends it", async () => {
  const p = env.client().client.portokasse({ ...MERCHANT, password: "wrong-password" });
  const error = await p.profile().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LoginRefusedError);
  expect(error).toMatchObject({ code: "login_refused", status: 401, title: "Unauthorized" });
  for (let i = 0; i < 3; i++) await expect(p.profile()).rejects.toBeInstanceOf(LoginRefusedError);
  expect(countRequests(env.sim, "POST", "/user")).toBe(1);
  expect(env.sim.account(MERCHANT.username)).toMatchObject({ failedLogins: 1, locked: false });
});

it("answers an unapproved app the same way: the text does not tell it from a wrong password", async () => {
  env.sim.reset();
  env.sim.addApp({ clientId: "frankiermeister-app", clientSecret: "sim-app-secret-4711" });
  env.addMerchant({ approvedApps: [] });
  await expect(env.client().client.portokasse(MERCHANT).login()).rejects.toMatchObject({
    code: "login_refused",
  });
});
