import { spawnSync } from "node:child_process";
import { Session } from "@shopify/shopify-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, keyIdOf } from "~/crypto.server";
import type { Db } from "~/db.server";
import {
  checkStoredSecrets,
  reencryptStoredSecrets,
  UnreadableSecretsError,
} from "~/secrets/stored-secrets.server";
import { EncryptedSessionStorage } from "~/shopify/session-storage.server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { stubAppEnv } from "../support/app-env";
import { createMigratedDatabase, type TestDatabase } from "../support/databases";

/**
 * The keyring at rest (ADR 010): Shopify tokens are ciphertext in the database, rotation re-encrypts
 * every stored secret so the old key can go, and a key that cannot open the stored secrets stops
 * start-up. The command and start-up are run as the operator runs them (child processes, no test runner).
 */
const K1 = `k1:${"1a".repeat(32)}`;
const K2 = `k2:${"2b".repeat(32)}`;
const ACCESS = "shpat_0123456789abcdef0123456789abcdef";
const REFRESH = "shprt_fedcba9876543210fedcba9876543210";
const SHOP = "frankier-demo.myshopify.com";
let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createMigratedDatabase("sqlite");
  stubAppEnv({ DATABASE_URL: database.target.url });
  db = (await import("~/db.server")).db();
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});
beforeEach(async () => {
  await db.session.deleteMany({});
  await db.shop.deleteMany({});
});

type SessionClient = ConstructorParameters<typeof PrismaSessionStorage>[0];
const storage = (keys: string) =>
  new EncryptedSessionStorage(new PrismaSessionStorage(db as unknown as SessionClient), () => keys);

/** An expiring offline token with its refresh token, as Shopify's token exchange hands them out. */
const offlineSession = () =>
  new Session({
    id: `offline_${SHOP}`,
    shop: SHOP,
    state: "",
    isOnline: false,
    scope: "read_orders",
    accessToken: ACCESS,
    expires: new Date(Date.now() + 3600_000),
    refreshToken: REFRESH,
    refreshTokenExpires: new Date(Date.now() + 30 * 86400_000),
  });

async function seedSecrets(keys: string) {
  await storage(keys).storeSession(offlineSession());
  const shop = await db.shop.create({ data: { domain: SHOP } });
  await db.portokasseAccount.create({
    data: {
      shopId: shop.id,
      username: "portokasse@example.com",
      passwordCiphertext: encryptSecret("Kasse-Passwort", keys, shop.id),
    },
  });
  return shop.id;
}

const rawSecrets = async () => {
  const session = await db.session.findUniqueOrThrow({ where: { id: `offline_${SHOP}` } });
  const account = await db.portokasseAccount.findFirstOrThrow();
  return [session.accessToken, session.refreshToken ?? "", account.passwordCiphertext];
};

/** Runs a script of the app as the operator does: no test runner in the environment. */
function run(script: string, env: Record<string, string>) {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST")),
  );
  const result = spawnSync(process.execPath, ["--import", "tsx", script], {
    env: { ...inherited, NODE_ENV: "production", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const appEnv = (overrides: Record<string, string> = {}) => {
  const env = stubAppEnv({ DATABASE_URL: database.target.url, PORT: "41250", ...overrides });
  delete env.ENCRYPTION_KEY;
  return { ...env, ENCRYPTION_KEY: "", ...overrides };
};

describe("Shopify tokens at rest", () => {
  it("stores access and refresh tokens only as ciphertext and reads them back", async () => {
    await storage(K1).storeSession(offlineSession());
    const row = await db.session.findUniqueOrThrow({ where: { id: `offline_${SHOP}` } });
    for (const [stored, token] of [
      [row.accessToken, ACCESS],
      [row.refreshToken ?? "", REFRESH],
    ] as const) {
      expect(stored).toMatch(/^v2:k1:/);
      expect(stored).not.toContain(token);
      expect(stored).not.toContain(token.slice(6, 20));
    }
    const loaded = await storage(K1).loadSession(`offline_${SHOP}`);
    expect([loaded?.accessToken, loaded?.refreshToken]).toEqual([ACCESS, REFRESH]);
    expect((await storage(K1).findSessionsByShop(SHOP))[0]?.accessToken).toBe(ACCESS);
  });

  it("binds a token to its row: copied into another session it does not open", async () => {
    await storage(K1).storeSession(offlineSession());
    const row = await db.session.findUniqueOrThrow({ where: { id: `offline_${SHOP}` } });
    await db.session.create({
      data: { ...row, id: "offline_other.myshopify.com", shop: "other.myshopify.com" },
    });
    await expect(storage(K1).loadSession("offline_other.myshopify.com")).rejects.toThrow(
      /could not be decrypted/,
    );
  });
});

describe("key rotation", () => {
  it("re-encrypts every stored secret under the newest key; then the old key can be removed", async () => {
    const shopId = await seedSecrets(K1);
    const before = await rawSecrets();
    expect(before.map(keyIdOf)).toEqual(["k1", "k1", "k1"]);

    const result = run("scripts/rotate-keys.ts", appEnv({ ENCRYPTION_KEYS: `${K2},${K1}` }));
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Re-encrypted 3 of 3 stored secret\(s\) under key k2.*k1 can be removed/);

    const after = await rawSecrets();
    expect(after.map(keyIdOf)).toEqual(["k2", "k2", "k2"]);
    // The old key is gone from the ring: everything still opens, start-up's check passes.
    await expect(checkStoredSecrets(db, K2)).resolves.toEqual({ checked: 3 });
    expect(decryptSecret(after[2] ?? "", K2, shopId)).toBe("Kasse-Passwort");
    const loaded = await storage(K2).loadSession(`offline_${SHOP}`);
    expect([loaded?.accessToken, loaded?.refreshToken]).toEqual([ACCESS, REFRESH]);
    // Running it again has nothing left to do.
    expect(await reencryptStoredSecrets(db, K2)).toEqual({ reencrypted: 0, total: 3 });
  });

  it("refuses to rotate, changing nothing, when a secret does not open with any configured key", async () => {
    await seedSecrets(K1);
    const before = await rawSecrets();
    const result = run("scripts/rotate-keys.ts", appEnv({ ENCRYPTION_KEYS: K2 }));
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(await rawSecrets()).toEqual(before);
  });

  it("seals tokens an older version stored in clear", async () => {
    await db.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", accessToken: ACCESS } });
    await expect(checkStoredSecrets(db, K1)).resolves.toEqual({ checked: 1 });
    expect(await reencryptStoredSecrets(db, K1)).toEqual({ reencrypted: 1, total: 1 });
    const [access] = await rawSecrets().catch(async () => [
      (await db.session.findFirstOrThrow()).accessToken,
    ]);
    expect(access).toMatch(/^v2:k1:/);
  });
});

describe("start-up", () => {
  it("stops with one line when the stored secrets do not open with the configured keys", async () => {
    await seedSecrets(K1);
    await expect(checkStoredSecrets(db, K2)).rejects.toThrow(UnreadableSecretsError);
    const before = await rawSecrets();
    const result = run("scripts/start.ts", appEnv({ ENCRYPTION_KEYS: K2 }));
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^Start-up stopped: 3 stored secret\(s\) \(portokasse password, shopify access token, shopify refresh token\) cannot be decrypted/,
      ),
    ]);
    // Nothing unlinked, nothing rewritten.
    expect(await rawSecrets()).toEqual(before);
    expect(await db.portokasseAccount.count()).toBe(1);
  });

  it("refuses local and test settings in production, with one line", () => {
    const result = run(
      "scripts/start.ts",
      appEnv({
        ENCRYPTION_KEYS: K1,
        SHOPIFY_ADMIN_API_ORIGIN: "http://127.0.0.1:9",
        APP_BRIDGE_URL: "http://127.0.0.1:9/app-bridge.js",
      }),
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "Configuration error: SHOPIFY_ADMIN_API_ORIGIN and APP_BRIDGE_URL are for local mode and tests only; unset them in production.",
    );
  });
});
