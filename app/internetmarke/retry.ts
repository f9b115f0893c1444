/**
 * The retry policy as pure functions, table-tested in `retry.test.ts`.
 *
 * Only "safe" calls are ever re-sent: reads (GET), cart init and previews. A checkout, a Retoure request
 * and a wallet top-up move money and have no idempotency key, so they are never re-sent; the login is never
 * re-sent either (failed logins lock the Portokasse). The 401 token refresh lives in `portokasse.ts`.
 */

export type AttemptOutcome =
  | { kind: "response"; status: number; retryAfterSeconds: number | null }
  | { kind: "network"; timedOut: boolean };

export interface RetryInput {
  /** May this request be sent again without risk of a double effect? */
  safe: boolean;
  /** How many retries were already made (0 after the first attempt). */
  retriesSoFar: number;
  maxRetries: number;
  outcome: AttemptOutcome;
  /** A Retry-After longer than this is not waited for; the caller gets a RateLimitedError instead. */
  maxRetryAfterSeconds: number;
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

export function shouldRetry(input: RetryInput): boolean {
  if (!input.safe) return false;
  if (input.retriesSoFar >= input.maxRetries) return false;
  const { outcome } = input;
  if (outcome.kind === "network") return true;
  if (!RETRYABLE_STATUS.has(outcome.status)) return false;
  // A server asking for a longer pause than we are willing to block for gets its answer surfaced instead.
  if (outcome.retryAfterSeconds !== null) return outcome.retryAfterSeconds <= input.maxRetryAfterSeconds;
  return true;
}

export interface DelayInput {
  retriesSoFar: number;
  /** Honoured when present (429/503); otherwise exponential backoff. */
  retryAfterSeconds: number | null;
  /** A number in [0, 1), injected so tests are deterministic. */
  random: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Exponential backoff with "equal jitter": half fixed, half random, capped at `maxDelayMs`. */
export function retryDelayMs(input: DelayInput): number {
  if (input.retryAfterSeconds !== null) return Math.max(0, Math.ceil(input.retryAfterSeconds * 1000));
  const exponential = Math.min(input.maxDelayMs, input.baseDelayMs * 2 ** input.retriesSoFar);
  const half = exponential / 2;
  return Math.round(half + half * Math.min(Math.max(input.random, 0), 1));
}

/** Parses Retry-After: delta-seconds or an HTTP date (relative to `now`). Null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
