import { describe, expect, it } from "vitest";
import {
  AccountLockedError,
  AppNotApprovedError,
  AuthenticationError,
  InvalidCredentialsError,
  NetworkError,
  ServerError,
  ValidationError,
} from "./errors";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  credentials,
  liveError,
  PASSWORD,
  reply,
  testClient,
  tokenReply,
  USERNAME,
} from "../../test/support/internetmarke-client";

const profileOk = reply(200, { mail: USERNAME, country: "DEU" });
const notApproved = liveError(
  401,
  "Unauthorized",
  "Unauthorized, the application is not authorized by user.",
);
const gateway401 = reply(401, {
  status: 401,
  title: "Unauthorized",
  detail: "Unauthorized for given resource.",
});

describe("login", () => {
  it("posts the form with grant type, app and Portokasse credentials", async () => {
    const t = testClient({ "POST /user": tokenReply(), "GET /user/profile": profileOk });
    await t.client.portokasse(credentials).profile();
    const login = t.requests[0];
    expect(login?.method).toBe("POST");
    expect(login?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(login?.body))).toEqual({
      grant_type: "client_credentials",
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      username: USERNAME,
      password: PASSWORD,
    });
    expect(t.requests[1]?.headers.authorization).toBe("Bearer tok-1");
  });

  it("rejects a password longer than 22 characters without sending anything", async () => {
    const t = testClient({ "POST /user": tokenReply() });
    const error = await t.client
      .portokasse({ username: USERNAME, password: "x".repeat(23) })
      .login()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error instanceof ValidationError && error.fields).toEqual([
      { path: "password", message: "at most 22 characters" },
    ]);
    expect(t.requests).toHaveLength(0);
    await expect(
      t.client.portokasse({ username: USERNAME, password: "x".repeat(22) }).login(),
    ).resolves.toBeDefined();
  });

  it("reports the balance on an explicit login", async () => {
    const t = testClient({ "POST /user": tokenReply("tok-1", { walletBalance: 4711 }) });
    const p = t.client.portokasse(credentials);
    expect(p.lastKnownBalance()).toBeNull();
    const result = await p.login();
    expect(result.walletBalanceCents).toBe(4711);
    expect(result.expiresAt.toISOString()).toBe("2025-10-07T12:00:00.000Z");
    expect(p.lastKnownBalance()).toEqual({ cents: 4711, at: new Date("2025-10-06T12:00:00Z") });
  });
});

describe("token cache", () => {
  it("reuses the token across calls and Portokasse objects for the same login", async () => {
    const t = testClient({ "POST /user": tokenReply(), "GET /user/profile": profileOk });
    await t.client.portokasse(credentials).profile();
    await t.client.portokasse(credentials).profile();
    await t.client.portokasse({ ...credentials }).profile();
    expect(t.requests.filter((r) => r.path === "/user")).toHaveLength(1);
  });

  it("shares one login among concurrent calls", async () => {
    const t = testClient({ "POST /user": tokenReply(), "GET /user/profile": profileOk });
    const p = t.client.portokasse(credentials);
    await Promise.all([p.profile(), p.profile(), p.profile()]);
    expect(t.requests.filter((r) => r.path === "/user")).toHaveLength(1);
  });

  it("keeps separate tokens per Portokasse and never lends a token to a different password", async () => {
    const t = testClient({
      "POST /user": [tokenReply("tok-a"), tokenReply("tok-b"), tokenReply("tok-c")],
      "GET /user/profile": profileOk,
    });
    await t.client.portokasse(credentials).profile();
    await t.client.portokasse({ username: "other@example.de", password: "pw2" }).profile();
    await t.client.portokasse({ username: USERNAME, password: "guessed-wrong" }).profile();
    expect(t.requests.filter((r) => r.path === "/user/profile").map((r) => r.headers.authorization)).toEqual([
      "Bearer tok-a",
      "Bearer tok-b",
      "Bearer tok-c",
    ]);
  });

  it("renews the token shortly before it expires", async () => {
    const t = testClient(
      {
        "POST /user": [tokenReply("tok-1", { expires_in: 3600 }), tokenReply("tok-2")],
        "GET /user/profile": profileOk,
      },
      { tokenRefreshMarginMs: 60_000 },
    );
    const p = t.client.portokasse(credentials);
    await p.profile();
    t.clock.advance(3600_000 - 60_000 - 1);
    await p.profile();
    expect(t.requests.filter((r) => r.path === "/user")).toHaveLength(1);
    t.clock.advance(1);
    await p.profile();
    expect(t.requests.filter((r) => r.path === "/user")).toHaveLength(2);
    expect(t.requests.at(-1)?.headers.authorization).toBe("Bearer tok-2");
  });

  it("on a 401 renews the token once and re-sends once", async () => {
    const t = testClient({
      "POST /user": [tokenReply("tok-1"), tokenReply("tok-2")],
      "GET /user/profile": [gateway401, profileOk],
    });
    const profile = await t.client.portokasse(credentials).profile();
    expect(profile.mail).toBe(USERNAME);
    expect(t.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization ?? ""}`)).toEqual([
      "POST /user ",
      "GET /user/profile Bearer tok-1",
      "POST /user ",
      "GET /user/profile Bearer tok-2",
    ]);
  });

  it("gives up after the one refresh", async () => {
    const t = testClient({
      "POST /user": [tokenReply("tok-1"), tokenReply("tok-2")],
      "GET /user/profile": gateway401,
    });
    const error = await t.client
      .portokasse(credentials)
      .profile()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).not.toBeInstanceOf(InvalidCredentialsError);
    expect(t.requests).toHaveLength(4);
  });

  it("does not log in again when a call's 401 says the app is not approved", async () => {
    const t = testClient({ "POST /user": tokenReply(), "GET /user/profile": notApproved });
    await expect(t.client.portokasse(credentials).profile()).rejects.toBeInstanceOf(AppNotApprovedError);
    expect(t.requests.filter((r) => r.path === "/user")).toHaveLength(1);
  });
});

describe("a failed login is never retried automatically", () => {
  it.each([
    [
      "bad credentials",
      liveError(401, "Unauthorized", "Invalid username or password."),
      InvalidCredentialsError,
    ],
    ["app not approved", notApproved, AppNotApprovedError],
    ["account locked", liveError(401, "Unauthorized", "The user account is locked."), AccountLockedError],
  ])("%s: one request, remembered for later implicit logins", async (_name, answer, Cls) => {
    const t = testClient({ "POST /user": [answer, tokenReply()], "GET /user/profile": profileOk });
    const p = t.client.portokasse(credentials);
    await expect(p.profile()).rejects.toBeInstanceOf(Cls);
    await expect(p.profile()).rejects.toBeInstanceOf(Cls);
    await expect(t.client.portokasse(credentials).catalog()).rejects.toBeInstanceOf(Cls);
    expect(t.requests).toHaveLength(1);
    // Only a deliberate login() re-sends the credentials.
    await expect(p.login()).resolves.toMatchObject({ walletBalanceCents: 10_000 });
    await expect(p.profile()).resolves.toMatchObject({ mail: USERNAME });
    expect(t.requests.filter((r) => r.path === "/user")).toHaveLength(2);
  });

  it("a refused login for one password does not block another password", async () => {
    const t = testClient({
      "POST /user": [liveError(401, "Unauthorized", "Invalid username or password."), tokenReply()],
      "GET /user/profile": profileOk,
    });
    await expect(
      t.client.portokasse({ username: USERNAME, password: "old" }).profile(),
    ).rejects.toBeInstanceOf(InvalidCredentialsError);
    await expect(t.client.portokasse(credentials).profile()).resolves.toBeDefined();
  });

  it.each([
    ["server error", reply(503, { status: 503, title: "Service Unavailable", detail: "x" }), ServerError],
    ["network error", new TypeError("fetch failed"), NetworkError],
  ])("%s on login: sent once, not retried", async (_name, answer, Cls) => {
    const t = testClient({ "POST /user": [answer, tokenReply()], "GET /user/profile": profileOk });
    await expect(t.client.portokasse(credentials).profile()).rejects.toBeInstanceOf(Cls);
    expect(t.requests).toHaveLength(1);
    expect(t.sleeps).toEqual([]);
    // Not a refusal of the credentials: the next call may log in.
    await expect(t.client.portokasse(credentials).profile()).resolves.toBeDefined();
  });
});
