import { z } from "zod";

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
  ENCRYPTION_KEY: hexKey,
  /** Local mode and tests only: send Admin API calls for every shop to this origin (the Shopify fake). */
  SHOPIFY_ADMIN_API_ORIGIN: httpUrl.optional(),
  /** Local mode only: where pages load App Bridge from (the local admin host); shopify-app-remix reads it too. */
  APP_BRIDGE_URL: httpUrl.optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Franking batches this process runs at once, over all shops (README: "Many shops, several processes"). */
  FRANKING_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** The most batches of one shop running at once across all processes. */
  FRANKING_BATCHES_PER_SHOP: z.coerce.number().int().min(1).max(64).default(4),
  /** PostgreSQL only: the most database connections this process opens (its pool's size). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(DEFAULT_DATABASE_POOL_MAX),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment; throws a ConfigError whose message is one line per bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = configSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    const got = cleaned[name] === undefined ? "missing" : "malformed";
    return `Configuration error: ${name} is ${got}; expected ${issue.message}.`;
  });
  throw new ConfigError(lines.join("\n"));
}

let cached: Config | undefined;

/** The configuration of this process (parsed on first use, then cached). */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
