import { describe, expect, it } from "vitest";
import { SPEC_401_TEXT } from "./auth";
import { APP, login, loginForm, MERCHANT, setupSimulator } from "./testing/harness";
import { expectGatewayError, expectImError, loginSchema, parsed } from "./testing/schemas";

describe("GET / (health)", () => {
  it("answers without auth in the amp shape", async () => {
    const { api } = setupSimulator();
    const response = await api.call("GET", "/");
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    expect(body).toEqual({
      amp: {
        name: "pp-post-internetmarke",
        version: expect.stringMatching(/^v\d/),
        rev: expect.any(String),
        env: expect.any(String),
      },
    });
  });
});

describe("POST /user", () => {
  it("answers the live token body", async () => {
    const { api, clock } = setupSimulator();
    const body = await parsed(loginSchema, await api.call("POST", "/user", { form: loginForm() }));
    expect(body.userToken).toBe(body.access_token);
    expect(body).toMatchObject({
      walletBalance: 10_000,
      expires_in: 86_400,
      token_type: "BearerToken",
      showTermsAndConditions: false,
      authenticated_user: MERCHANT.username,
      issued_at: clock.now().toUTCString(),
    });
  });

  it("answers without walletBalance for an account set up with balanceInLogin: false (assumption A12)", async () => {
    const { api, sim } = setupSimulator();
    sim.addAccount({
      ...MERCHANT,
      balanceCents: 10_000,
      approvedApps: [APP.clientId],
      balanceInLogin: false,
    });
    const body = await parsed(
      loginSchema.omit({ walletBalance: true }),
      await api.call("POST", "/user", { form: loginForm() }),
    );
    expect(body).not.toHaveProperty("walletBalance");
    expect(sim.account(MERCHANT.username).balanceCents).toBe(10_000);
  });

  it("rejects an unknown app or a wrong secret at the gateway", async () => {
    const { api } = setupSimulator();
    await expectGatewayError(
      await api.call("POST", "/user", { form: loginForm({ client_id: "nope" }) }),
      401,
      "Unauthorized",
    );
    await expectGatewayError(
      await api.call("POST", "/user", { form: loginForm({ client_secret: "x" }) }),
      401,
      "Unauthorized",
    );
  });

  it("rejects an app the merchant has not approved until approveApp", async () => {
    const { api, sim } = setupSimulator();
    sim.addApp({ clientId: "other-app", clientSecret: "s" });
    const form = loginForm({ client_id: "other-app", client_secret: "s" });
    await expectImError(
      await api.call("POST", "/user", { form }),
      401,
      "Unauthorized",
      /application is not authorized by user/,
    );
    expect(sim.account(MERCHANT.username).failedLogins).toBe(0);
    sim.approveApp(MERCHANT.username, "other-app");
    expect((await api.call("POST", "/user", { form })).status).toBe(200);
  });

  it("treats accounts without approvedApps as not approving any app", async () => {
    const { api, sim } = setupSimulator();
    sim.addAccount({ username: "new@shop.example", password: "pw", balanceCents: 0 });
    const response = await api.call("POST", "/user", {
      form: loginForm({ username: "new@shop.example", password: "pw" }),
    });
    await expectImError(response, 401, "Unauthorized", /application is not authorized by user/);
  });

  it("locks the account after three consecutive wrong passwords; locked accounts always fail", async () => {
    const { api, sim } = setupSimulator();
    for (let i = 1; i <= 3; i++) {
      await expectImError(
        await api.call("POST", "/user", { form: loginForm({ password: "wrong" }) }),
        401,
        "Unauthorized",
      );
      expect(sim.account(MERCHANT.username).failedLogins).toBe(i);
    }
    expect(sim.account(MERCHANT.username).locked).toBe(true);
    await expectImError(
      await api.call("POST", "/user", { form: loginForm() }),
      401,
      "Unauthorized",
      /locked/,
    );
  });

  it("answers every refused login with the spec's one generic 401 text, whatever the cause", async () => {
    const { api, sim } = setupSimulator();
    sim.addAccount({ username: "new@shop.example", password: "pw", balanceCents: 0 });
    const causes = [
      loginForm({ password: "wrong" }),
      loginForm({ username: "nobody@shop.example" }),
      loginForm({ username: "new@shop.example", password: "pw" }),
    ];
    for (const form of causes) {
      const body = await expectImError(await api.call("POST", "/user", { form }), 401, "Unauthorized");
      expect(body.description).toBe(SPEC_401_TEXT);
    }
  });

  it("names each cause only when asked to (loginRefusals: per-cause, an assumption)", async () => {
    const { api } = setupSimulator({ loginRefusals: "per-cause" });
    await expectImError(
      await api.call("POST", "/user", { form: loginForm({ password: "wrong" }) }),
      401,
      "Unauthorized",
      /^Invalid username or password\.$/,
    );
  });

  it("counts only consecutive failures: a good login resets the counter", async () => {
    const { api, sim } = setupSimulator();
    await api.call("POST", "/user", { form: loginForm({ password: "wrong" }) });
    await api.call("POST", "/user", { form: loginForm({ password: "wrong" }) });
    expect((await api.call("POST", "/user", { form: loginForm() })).status).toBe(200);
    await api.call("POST", "/user", { form: loginForm({ password: "wrong" }) });
    expect(sim.account(MERCHANT.username)).toMatchObject({ failedLogins: 1, locked: false });
  });

  it("starts accounts locked when asked", async () => {
    const { api, sim } = setupSimulator();
    sim.addAccount({
      username: "l@shop.example",
      password: "pw",
      balanceCents: 0,
      locked: true,
      approvedApps: [APP.clientId],
    });
    const response = await api.call("POST", "/user", {
      form: loginForm({ username: "l@shop.example", password: "pw" }),
    });
    await expectImError(response, 401, "Unauthorized", /locked/);
  });

  it("rejects passwords longer than 22 characters without counting a failure", async () => {
    const { api, sim } = setupSimulator();
    const response = await api.call("POST", "/user", { form: loginForm({ password: "x".repeat(23) }) });
    await expectImError(response, 400, "Bad Request", /password/);
    expect(sim.account(MERCHANT.username).failedLogins).toBe(0);
  });

  it("rejects unknown users, missing fields, a wrong grant_type and non-form bodies", async () => {
    const { api } = setupSimulator();
    await expectImError(
      await api.call("POST", "/user", { form: loginForm({ username: "ghost@x" }) }),
      401,
      "Unauthorized",
    );
    await expectImError(
      await api.call("POST", "/user", { form: loginForm({ password: undefined }) }),
      400,
      "Bad Request",
      /password/,
    );
    const grant = loginForm({ grant_type: "password" });
    await expectImError(await api.call("POST", "/user", { form: grant }), 400, "Bad Request", /grant_type/);
    await expectImError(
      await api.call("POST", "/user", { json: loginForm() }),
      415,
      "Unsupported Media Type",
    );
  });
});

describe("bearer tokens", () => {
  it("expire after tokenTtlSeconds by now()", async () => {
    const { api, clock } = setupSimulator({ tokenTtlSeconds: 60 });
    const token = await login(api);
    expect((await api.call("GET", "/user/profile", { token })).status).toBe(200);
    clock.advance(60_000);
    await expectGatewayError(await api.call("GET", "/user/profile", { token }), 401, "Unauthorized");
  });

  it("rejects missing and unknown tokens in the gateway shape", async () => {
    const { api } = setupSimulator();
    await expectGatewayError(await api.call("GET", "/user/profile"), 401, "Unauthorized");
    await expectGatewayError(
      await api.call("POST", "/app/shoppingcart", { token: "forged" }),
      401,
      "Unauthorized",
    );
  });
});

describe("GET /user/profile", () => {
  it("has no balance and an alpha-3 country", async () => {
    const { api } = setupSimulator();
    const body: unknown = await (await api.call("GET", "/user/profile", { token: await login(api) })).json();
    expect(body).toMatchObject({
      mail: MERCHANT.username,
      country: "DEU",
      invoiceType: "ONLINE",
      invoiceFrequency: "DAILY",
    });
    expect(body).not.toHaveProperty("walletBalance");
  });
});
