import { z } from "zod";
import { KeyringError, keyringSpec, parseKeyring } from "./crypto.server";

/**
 * The app's whole configuration, read once at start-up from the environment and passed down.
 * A missing or malformed value stops start-up with one line naming the variable.
 */
const hexKey = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, "64 hexadecimal characters (32 bytes), e.g. from `openssl rand -hex 32`");

const httpUrl = z.url({ protocol: /^https?$/, error: "an http(s) URL" });

const databaseUrl = z
  .string()
  .refine(
    (v) => /^file:/.test(v) || /^postgres(ql)?:\/\//.test(v),
    "a SQLite URL (file:./data/app.sqlite) or a PostgreSQL URL (postgresql://user@host:5432/db)",
  );

/** PostgreSQL connections one process opens at most: about one per franking batch it runs at once. */
export const DEFAULT_DATABASE_POOL_MAX = 20;

export const configSchema = z.object({
  SHOPIFY_API_KEY: z.string().min(1, "the app's client id from the Partner Dashboard"),
  SHOPIFY_API_SECRET: z.string().min(1, "the app's client secret from the Partner Dashboard"),
  SHOPIFY_APP_URL: httpUrl,
  SCOPES: z.string().min(1).optional(),
  DATABASE_URL: databaseUrl.default("file:./data/app.sqlite"),
  INTERNETMARKE_CLIENT_ID: z.string().min(1, "the client id of the Deutsche Post developer app"),
  INTERNETMARKE_CLIENT_SECRET: z.string().min(1, "the client secret of the Deutsche Post developer app"),
  INTERNETMARKE_BASE_URL: httpUrl.default("https://api-eu.dhl.com/post/de/shipping/im/v1"),
  PRODUCTS_API_BASE_URL: httpUrl.default("https://api-eu.dhl.com/post/de/information/products/v1"),
  /** One key (64 hex); the older form of ENCRYPTION_KEYS with the key id "0". */
  ENCRYPTION_KEY: hexKey.optional(),
  /** The keyring `id:hex,id:hex`, newest first: the newest encrypts, all decrypt (app/crypto.server.ts). */
  ENCRYPTION_KEYS: z.string().min(1).optional(),
  /** Local mode and tests only: send Admin API calls for every shop to this origin (the Shopify fake). */
  SHOPIFY_ADMIN_API_ORIGIN: httpUrl.optional(),
  /** Local mode only: where pages load App Bridge from (the local admin host); shopify-app-remix reads it too. */
  APP_BRIDGE_URL: httpUrl.optional(),
  /** Set by `npm run demo` (local mode): allows the local hooks above and binds to 127.0.0.1. */
  FRANKIERMEISTER_LOCAL_MODE: z.enum(["1"]).optional(),
  /** Days after which recipient names and addresses of finished batches are purged (0: never). */
  RECIPIENT_DATA_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Franking batches this process runs at once, over all shops (README: "Many shops, several processes"). */
  FRANKING_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** Batches this process writes back to Shopify at once beside those it buys for (they wait on Shopify's bucket). */
  FRANKING_WRITE_BACKS: z.coerce.number().int().min(0).max(1024).default(64),
  /** While this process buys for any batch, the write-back groups it runs at once: labels first (ADR 026). */
  FRANKING_WRITE_BACK_GROUPS_WHILE_BUYING: z.coerce.number().int().min(1).max(1024).default(2),
  /** The most batches of one shop running at once across all processes. */
  FRANKING_BATCHES_PER_SHOP: z.coerce.number().int().min(1).max(64).default(4),
  /** PostgreSQL only: the most database connections this process opens (its pool's size). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(DEFAULT_DATABASE_POOL_MAX),
});

/** The configuration; ENCRYPTION_KEY holds the keyring in canonical form, whichever variable named it. */
export type Config = Omit<z.infer<typeof configSchema>, "ENCRYPTION_KEY"> & { ENCRYPTION_KEY: string };

/**
 * Settings that redirect the app's traffic to local stand-ins. Honoured only in local mode or under the
 * test runner (vitest sets VITEST); anywhere else one set by mistake would send every Admin API call and
 * the shop's access token to that origin, so start-up stops instead.
 */
export const LOCAL_ONLY_SETTINGS = ["SHOPIFY_ADMIN_API_ORIGIN", "APP_BRIDGE_URL"] as const;

const localHooksAllowed = (env: Record<string, string | undefined>) =>
  env.FRANKIERMEISTER_LOCAL_MODE === "1" || env.VITEST === "true" || env.NODE_ENV === "test";

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment; throws a ConfigError whose message is one line per bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = configSchema.safeParse(cleaned);
  const lines = result.success
    ? []
    : result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "environment");
        const got = cleaned[name] === undefined ? "missing" : "malformed";
        return `Configuration error: ${name} is ${got}; expected ${issue.message}.`;
      });
  const keys = keyringOf(cleaned, lines);
  const local = LOCAL_ONLY_SETTINGS.filter((name) => cleaned[name] !== undefined);
  if (local.length > 0 && !localHooksAllowed(env))
    lines.push(
      `Configuration error: ${local.join(" and ")} ${local.length === 1 ? "is" : "are"} for local mode and tests only; unset ${local.length === 1 ? "it" : "them"} in production.`,
    );
  if (!result.success || keys === null || lines.length > 0) throw new ConfigError(lines.join("\n"));
  return { ...result.data, ENCRYPTION_KEY: keys };
}

function keyringOf(env: Record<string, string | undefined>, lines: string[]): string | null {
  const spec = env.ENCRYPTION_KEYS ?? env.ENCRYPTION_KEY;
  if (spec === undefined) {
    lines.push(
      "Configuration error: ENCRYPTION_KEYS is missing; expected id:hex keys, newest first (or one ENCRYPTION_KEY of 64 hexadecimal characters).",
    );
    return null;
  }
  try {
    return keyringSpec(parseKeyring(spec));
  } catch (error) {
    if (!(error instanceof KeyringError)) throw error;
    if (env.ENCRYPTION_KEYS === undefined) return null; // ENCRYPTION_KEY's own line says why.
    lines.push(`Configuration error: ENCRYPTION_KEYS is malformed; expected ${error.message}.`);
    return null;
  }
}

let cached: Config | undefined;

/** The configuration of this process (parsed on first use, then cached). */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
