import type { Dispatcher } from "undici";
import { z } from "zod";
import { ValidationError } from "./errors";

/** Production base URLs. There is no confirmed public sandbox: always pass the base URLs explicitly. */
export const PRODUCTION_BASE_URL = "https://api-eu.dhl.com/post/de/shipping/im/v1";
export const PRODUCTION_PRODUCTS_BASE_URL = "https://api-eu.dhl.com/post/de/information/products/v1";

/** The part of a fetch Response the client uses. Global fetch, undici's fetch and test fakes all fit. */
export interface FetchResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  dispatcher?: Dispatcher;
}

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

export interface Logger {
  debug?(message: string, meta?: Record<string, unknown>): void;
  warn?(message: string, meta?: Record<string, unknown>): void;
}

export interface InternetmarkeClientOptions {
  /** e.g. `PRODUCTION_BASE_URL`, or a simulator's origin + `/post/de/shipping/im/v1`. */
  baseUrl: string;
  /** e.g. `PRODUCTION_PRODUCTS_BASE_URL`. */
  productsBaseUrl: string;
  /** The app's client_id (DHL developer portal); also the Products API key. */
  clientId: string;
  clientSecret: string;
  /** Defaults to undici's fetch when a dispatcher is given, else the global fetch. */
  fetch?: FetchLike;
  /** undici dispatcher (Agent, MockAgent, ProxyAgent) passed to every fetch. */
  dispatcher?: Dispatcher;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Source of jitter in [0, 1). */
  random?: () => number;
  /** Per attempt, including reading the body. Default 30 000. */
  timeoutMs?: number;
  /** Retries for safe calls. Default 2. */
  maxRetries?: number;
  /** First backoff step. Default 500 ms; capped at `maxRetryDelayMs` (default 8 000). */
  retryBaseDelayMs?: number;
  maxRetryDelayMs?: number;
  /** A 429 asking to wait longer than this is surfaced as RateLimitedError. Default 30. */
  maxRetryAfterSeconds?: number;
  /** A cached token is renewed this long before it expires. Default 120 000. */
  tokenRefreshMarginMs?: number;
  /** Local upper bound on positions per cart (the server's limit is undocumented). Default: none. */
  maxPositionsPerCart?: number;
  logger?: Logger;
}

const optionsSchema = z.object({
  baseUrl: z.url(),
  productsBaseUrl: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  timeoutMs: z.number().int().positive().optional(),
  maxRetries: z.number().int().min(0).max(10).optional(),
  retryBaseDelayMs: z.number().int().min(0).optional(),
  maxRetryDelayMs: z.number().int().min(0).optional(),
  maxRetryAfterSeconds: z.number().min(0).optional(),
  tokenRefreshMarginMs: z.number().int().min(0).optional(),
  maxPositionsPerCart: z.number().int().positive().optional(),
});

export interface ResolvedConfig {
  baseUrl: string;
  productsBaseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch: FetchLike;
  dispatcher: Dispatcher | undefined;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  timeoutMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  maxRetryDelayMs: number;
  maxRetryAfterSeconds: number;
  tokenRefreshMarginMs: number;
  maxPositionsPerCart: number | null;
  logger: Logger;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Validates options once; the error lists field paths only, never the values (secrets). */
export function resolveConfig(options: InternetmarkeClientOptions, defaultFetch: FetchLike): ResolvedConfig {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: "invalid" }));
    throw new ValidationError(
      `Invalid Internetmarke client options: ${fields.map((f) => f.path).join(", ")}`,
      {
        operation: "createInternetmarkeClient",
        fields,
      },
    );
  }
  const o = parsed.data;
  return {
    baseUrl: o.baseUrl.replace(/\/+$/, ""),
    productsBaseUrl: o.productsBaseUrl.replace(/\/+$/, ""),
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    fetch: options.fetch ?? defaultFetch,
    dispatcher: options.dispatcher,
    now: options.now ?? (() => new Date()),
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    timeoutMs: o.timeoutMs ?? 30_000,
    maxRetries: o.maxRetries ?? 2,
    retryBaseDelayMs: o.retryBaseDelayMs ?? 500,
    maxRetryDelayMs: o.maxRetryDelayMs ?? 8_000,
    maxRetryAfterSeconds: o.maxRetryAfterSeconds ?? 30,
    tokenRefreshMarginMs: o.tokenRefreshMarginMs ?? 120_000,
    maxPositionsPerCart: o.maxPositionsPerCart ?? null,
    logger: options.logger ?? {},
  };
}
