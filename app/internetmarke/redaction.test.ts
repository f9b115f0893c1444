import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { InternetmarkeError, ValidationError } from "./errors";
import { createRedactor, REDACTED } from "./redact";
import {
  CLIENT_SECRET,
  credentials,
  PASSWORD,
  reply,
  testClient,
  tokenReply,
  type TestClient,
} from "../../test/support/internetmarke-client";

const TOKEN = "tok-SECRET-9f8e7d6c5b4a";
const secrets = [CLIENT_SECRET, PASSWORD, TOKEN];

function everythingVisible(error: unknown, t: TestClient): string {
  if (!(error instanceof Error)) throw new Error("expected an Error");
  return [
    error.message,
    String(error),
    error.stack ?? "",
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
    JSON.stringify(t.logs),
    inspect(t.client, { depth: 10 }),
    JSON.stringify(t.client),
  ].join("\n");
}

function expectNoSecrets(text: string) {
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe("credentials and tokens never leak", () => {
  it("a server that echoes the secret, password and token back in an error", async () => {
    const echo = `client_secret=${CLIENT_SECRET}&password=${PASSWORD} token ${TOKEN} Bearer ${TOKEN}`;
    const t = testClient({
      "POST /user": tokenReply(TOKEN),
      "GET /user/profile": reply(400, {
        statusCode: "400",
        title: `bad ${PASSWORD}`,
        description: echo,
        instance: "PCF-A1031",
      }),
    });
    const error = await t.client
      .portokasse(credentials)
      .profile()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternetmarkeError);
    const visible = everythingVisible(error, t);
    expectNoSecrets(visible);
    expect(visible).toContain(REDACTED);
  });

  it("a refused login (its form body held the secrets)", async () => {
    const t = testClient({ "POST /user": reply(401, `Invalid credentials for password=${PASSWORD}`) });
    const error = await t.client
      .portokasse(credentials)
      .login()
      .catch((e: unknown) => e);
    expectNoSecrets(everythingVisible(error, t));
  });

  it("a network error whose message mentions the secrets", async () => {
    const t = testClient(
      {
        "POST /user": tokenReply(TOKEN),
        "GET /app/catalog": new TypeError(`connect failed Authorization: Bearer ${TOKEN} ${CLIENT_SECRET}`),
      },
      { maxRetries: 0 },
    );
    const error = await t.client
      .portokasse(credentials)
      .catalog()
      .catch((e: unknown) => e);
    expectNoSecrets(everythingVisible(error, t));
  });

  it("an unreadable success body", async () => {
    const t = testClient({ "POST /user": reply(200, { token: TOKEN, secret: CLIENT_SECRET }) });
    const error = await t.client
      .portokasse(credentials)
      .login()
      .catch((e: unknown) => e);
    expectNoSecrets(everythingVisible(error, t));
  });

  it("invalid options name the field, not the value", () => {
    try {
      testClient({}, { baseUrl: `not a url ${CLIENT_SECRET}` });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect(error instanceof ValidationError && error.fields.map((f) => f.path)).toEqual(["baseUrl"]);
      expect(JSON.stringify(error) + String(error)).not.toContain(CLIENT_SECRET);
    }
  });

  it("logs carry no authorization header, body or token", async () => {
    const t = testClient(
      { "POST /user": tokenReply(TOKEN), "GET /app/catalog": reply(503, "busy") },
      { maxRetries: 1 },
    );
    await t.client
      .portokasse(credentials)
      .catalog()
      .catch(() => undefined);
    expect(t.logs.length).toBeGreaterThan(0);
    expectNoSecrets(JSON.stringify(t.logs));
    expect(inspect(t.client.portokasse(credentials), { depth: 10 })).not.toContain(PASSWORD);
  });
});

describe("createRedactor", () => {
  it("removes known secrets and bearer/credential patterns", () => {
    const redact = createRedactor(["s3cr3t"]);
    expect(redact("x s3cr3t y")).toBe(`x ${REDACTED} y`);
    expect(redact("Authorization: Bearer abc.def")).not.toContain("abc.def");
    expect(redact("Bearer abc.def")).toBe(`Bearer ${REDACTED}`);
    expect(redact('{"access_token":"zzz","password":"ppp"}')).toBe(
      `{"access_token":"${REDACTED}","password":"${REDACTED}"}`,
    );
    expect(redact("client_secret=abc&username=u")).toBe(`client_secret=${REDACTED}&username=u`);
    redact.add("");
    expect(redact("nothing")).toBe("nothing");
  });
});
