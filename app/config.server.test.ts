import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.server";

const valid = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://app.example.com",
  INTERNETMARKE_CLIENT_ID: "im-id",
  INTERNETMARKE_CLIENT_SECRET: "im-secret",
  ENCRYPTION_KEY: "a".repeat(64),
};

describe("parseConfig", () => {
  it("accepts a complete environment and fills the defaults", () => {
    const config = parseConfig(valid);
    expect(config.DATABASE_URL).toBe("file:./data/app.sqlite");
    expect(config.INTERNETMARKE_BASE_URL).toBe("https://api-eu.dhl.com/post/de/shipping/im/v1");
    expect(config.PORT).toBe(3000);
  });

  it.each([
    ["SHOPIFY_API_KEY", undefined, /SHOPIFY_API_KEY is missing/],
    ["SHOPIFY_API_SECRET", "", /SHOPIFY_API_SECRET is missing/],
    ["SHOPIFY_APP_URL", "not a url", /SHOPIFY_APP_URL is malformed; expected an http\(s\) URL/],
    ["DATABASE_URL", "mysql://x", /DATABASE_URL is malformed; expected a SQLite URL/],
    ["INTERNETMARKE_CLIENT_ID", undefined, /INTERNETMARKE_CLIENT_ID is missing/],
    ["INTERNETMARKE_CLIENT_SECRET", undefined, /INTERNETMARKE_CLIENT_SECRET is missing/],
    ["INTERNETMARKE_BASE_URL", "ftp://x", /INTERNETMARKE_BASE_URL is malformed/],
    ["PRODUCTS_API_BASE_URL", "x", /PRODUCTS_API_BASE_URL is malformed/],
    ["ENCRYPTION_KEY", "short", /ENCRYPTION_KEY is malformed; expected 64 hexadecimal characters/],
    ["PORT", "99999", /PORT is malformed/],
  ])("names %s when it is wrong", (name, value, message) => {
    const env: Record<string, string | undefined> = { ...valid, [name]: value };
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it("reports every bad variable, one line each", () => {
    try {
      parseConfig({});
      expect.unreachable();
    } catch (error) {
      const lines = String((error as Error).message).split("\n");
      expect(lines).toHaveLength(6);
      for (const line of lines)
        expect(line).toMatch(/^Configuration error: [A-Z_]+ is missing; expected .+\.$/);
    }
  });
});

describe("keys and local-only settings", () => {
  const { ENCRYPTION_KEY: _single, ...withoutKey } = valid;
  const ring = `k2:${"b".repeat(64)},k1:${"a".repeat(64)}`;

  it("takes the keyring ENCRYPTION_KEYS, or one ENCRYPTION_KEY as the ring of key 0", () => {
    expect(parseConfig({ ...withoutKey, ENCRYPTION_KEYS: ring }).ENCRYPTION_KEY).toBe(ring);
    expect(parseConfig(valid).ENCRYPTION_KEY).toBe(`0:${"a".repeat(64)}`);
  });

  it("names a malformed or missing keyring in one line", () => {
    expect(() => parseConfig({ ...withoutKey, ENCRYPTION_KEYS: "k1:short" })).toThrow(
      /^Configuration error: ENCRYPTION_KEYS is malformed; expected each key as id:hex/,
    );
    expect(() => parseConfig(withoutKey)).toThrow(/^Configuration error: ENCRYPTION_KEYS is missing/);
  });

  it("refuses SHOPIFY_ADMIN_API_ORIGIN and APP_BRIDGE_URL unless local mode or the test runner is on", () => {
    const local = {
      ...valid,
      SHOPIFY_ADMIN_API_ORIGIN: "http://127.0.0.1:9",
      APP_BRIDGE_URL: "http://127.0.0.1:9/ab.js",
    };
    expect(() => parseConfig(local)).toThrow(
      "Configuration error: SHOPIFY_ADMIN_API_ORIGIN and APP_BRIDGE_URL are for local mode and tests only; unset them in production.",
    );
    expect(() => parseConfig({ ...valid, APP_BRIDGE_URL: "http://127.0.0.1:9/ab.js" })).toThrow(
      /APP_BRIDGE_URL is for local mode and tests only; unset it/,
    );
    expect(parseConfig({ ...local, FRANKIERMEISTER_LOCAL_MODE: "1" }).SHOPIFY_ADMIN_API_ORIGIN).toBe(
      "http://127.0.0.1:9",
    );
    expect(parseConfig({ ...local, VITEST: "true" }).APP_BRIDGE_URL).toBe("http://127.0.0.1:9/ab.js");
  });
});
