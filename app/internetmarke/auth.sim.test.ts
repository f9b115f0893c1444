import { describe, expect, it } from "vitest";
import {
  AccountLockedError,
  AppNotApprovedError,
  AuthenticationError,
  InvalidCredentialsError,
  ValidationError,
} from "./errors";
import { APP, countRequests, MERCHANT, START, useSimulator } from "../../test/support/internetmarke-sim";

// Per-cause texts (a simulator assumption, see its README); the spec's generic text: login-refused.sim.test.ts.
const env = useSimulator({ loginRefusals: "per-cause" });

describe("login and tokens against the simulator (real HTTP)", () => {
  it("logs in, reports the balance and caches the token", async () => {
    const p = env.client().client.portokasse(MERCHANT);
    const login = await p.login();
    expect(login.walletBalanceCents).toBe(10_000);
    expect(login.expiresAt.getTime()).toBe(START.getTime() + 86_400_000);
    await p.profile();
    await p.catalog(["PAGE_FORMATS"]);
    expect(countRequests(env.sim, "POST", "/user")).toBe(1);
  });

  it("renews an expired token before using it", async () => {
    const p = env.client().client.portokasse(MERCHANT);
    await p.profile();
    env.clock.advance(86_400_000);
    await p.profile();
    expect(countRequests(env.sim, "POST", "/user")).toBe(2);
  });

  it("a token the server no longer knows: one renewal and one re-send", async () => {
    const p = env.client().client.portokasse(MERCHANT);
    await p.profile();
    // The simulator forgets every token (as after a server-side revocation); the account stays.
    env.sim.reset();
    env.sim.addApp(APP);
    env.addMerchant();
    await expect(p.profile()).resolves.toMatchObject({ mail: MERCHANT.username, country: "DEU" });
    expect(countRequests(env.sim, "GET", "/user/profile")).toBe(2);
    expect(countRequests(env.sim, "POST", "/user")).toBe(1);
  });

  it("a wrong password is sent once, however often the app calls", async () => {
    const p = env.client().client.portokasse({ ...MERCHANT, password: "wrong-password" });
    for (let i = 0; i < 5; i++) await expect(p.profile()).rejects.toBeInstanceOf(InvalidCredentialsError);
    expect(countRequests(env.sim, "POST", "/user")).toBe(1);
    expect(env.sim.account(MERCHANT.username)).toMatchObject({ failedLogins: 1, locked: false });
  });

  it("explicit logins do re-try, and the third failure locks the account", async () => {
    const p = env.client().client.portokasse({ ...MERCHANT, password: "wrong-password" });
    await expect(p.login()).rejects.toBeInstanceOf(InvalidCredentialsError);
    await expect(p.login()).rejects.toBeInstanceOf(InvalidCredentialsError);
    await expect(p.login()).rejects.toBeInstanceOf(InvalidCredentialsError);
    expect(env.sim.account(MERCHANT.username).locked).toBe(true);
    await expect(env.client().client.portokasse(MERCHANT).login()).rejects.toBeInstanceOf(AccountLockedError);
  });

  it("a locked account", async () => {
    env.sim.reset();
    env.sim.addApp(APP);
    env.addMerchant({ locked: true });
    const error = await env
      .client()
      .client.portokasse(MERCHANT)
      .profile()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountLockedError);
    expect(error).toMatchObject({
      status: 401,
      title: "Unauthorized",
      instance: expect.stringMatching(/^PCF-/),
    });
  });

  it("an app the merchant has not approved yet, then approved", async () => {
    env.sim.reset();
    env.sim.addApp(APP);
    env.addMerchant({ approvedApps: [] });
    const p = env.client().client.portokasse(MERCHANT);
    await expect(p.profile()).rejects.toBeInstanceOf(AppNotApprovedError);
    await expect(p.profile()).rejects.toBeInstanceOf(AppNotApprovedError);
    expect(countRequests(env.sim, "POST", "/user")).toBe(1);
    env.sim.approveApp(MERCHANT.username, APP.clientId);
    await expect(p.login()).resolves.toMatchObject({ walletBalanceCents: 10_000 });
    await expect(p.profile()).resolves.toBeDefined();
  });

  it("wrong app credentials are refused by the gateway", async () => {
    const error = await env
      .client({ clientSecret: "not-the-secret" })
      .client.portokasse(MERCHANT)
      .login()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidCredentialsError);
    expect(error).toMatchObject({ status: 401, title: "Unauthorized" });
  });

  it("a password longer than 22 characters never leaves the client", async () => {
    const error = await env
      .client()
      .client.portokasse({ ...MERCHANT, password: "p".repeat(23) })
      .login()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(env.sim.requests).toHaveLength(0);
  });

  it("no secret appears in a refused login's error", async () => {
    const { client } = env.client();
    const error = await client
      .portokasse({ ...MERCHANT, password: "wrong-password-77" })
      .login()
      .catch((e: unknown) => e);
    const visible = `${String(error)} ${JSON.stringify(error)} ${error instanceof Error ? error.stack : ""}`;
    for (const secret of [APP.clientSecret, "wrong-password-77"]) expect(visible).not.toContain(secret);
  });

  it("the Products API refuses an unknown api key", async () => {
    await expect(env.client({ clientId: "unknown-app" }).client.products()).rejects.toBeInstanceOf(
      AuthenticationError,
    );
  });
});
