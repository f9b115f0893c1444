// Fault injection: latency, 5xx, gateway rate limits and dropped connections, each armed for the
// next N matching requests.
import { errors as undiciErrors } from "undici";

export type PathMatcher = string | RegExp;
export type FailStatus = 500 | 502 | 503 | 504;

export interface Faults {
  latencyMs: number;
  failNext(count: number, opts?: { status?: FailStatus; path?: PathMatcher; method?: string }): void;
  rateLimitNext(count: number, retryAfterSeconds: number, opts?: { path?: PathMatcher }): void;
  dropBeforeHandling(count: number, opts?: { path?: PathMatcher; method?: string }): void;
  dropAfterCommit(count: number, opts?: { path?: PathMatcher; method?: string }): void;
  /**
   * The request gets no answer (the client times out) and is carried out later, once the simulated clock
   * has moved `afterMs` past its arrival (checked before every request and on `account()`).
   */
  commitAfterTimeout(count: number, opts: { afterMs: number; path?: PathMatcher; method?: string }): void;
  /**
   * A gateway that lost the service's answer sends the request once more: the first copy is carried out,
   * the client gets the answer to the second (for a checkout: invalidShopOrderID, the id is used).
   */
  resendByGateway(count: number, opts?: { path?: PathMatcher; method?: string }): void;
  /**
   * The next `count` Retoures are processed in two parts: the first half of the accepted vouchers after
   * the Retoure delay, the rest after a second delay. In between `countStillOpen` is above zero while
   * `refundedVouchers` already lists the first half.
   */
  processRetouresInParts(count: number): void;
  /**
   * The next `count` top-ups (PUT /app/wallet) book the money and then lose the connection: the caller
   * cannot know whether the debit happened and must read the balance instead of sending again.
   */
  dropAfterTopUpDebit(count?: number): void;
  /**
   * Deutsche Post is down: every request, the health check included, answers `status` (503 by default)
   * until `endOutage()`.
   */
  startOutage(status?: FailStatus): void;
  endOutage(): void;
  isDown(): boolean;
  clear(): void;
}

interface Rule {
  remaining: number;
  path?: PathMatcher;
  method?: string;
}

interface LateCommitRule extends Rule {
  afterMs: number;
}

interface FailRule extends Rule {
  status: FailStatus;
}

interface RateLimitRule extends Rule {
  retryAfterSeconds: number;
}

export interface RequestTarget {
  method: string;
  /** Full pathname, e.g. /post/de/shipping/im/v1/app/shoppingcart/pdf */
  pathname: string;
  /** Pathname below the API base, e.g. /app/shoppingcart/pdf ("" outside the APIs) */
  apiPath: string;
}

/**
 * A string path matches the full pathname or the path below the API base exactly;
 * a RegExp is tested against the full pathname.
 */
function matches(rule: Rule, target: RequestTarget): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== target.method) return false;
  if (rule.path === undefined) return true;
  if (typeof rule.path === "string") return rule.path === target.pathname || rule.path === target.apiPath;
  return rule.path.test(target.pathname);
}

function take<T extends Rule>(rules: T[], target: RequestTarget): T | undefined {
  const rule = rules.find((r) => r.remaining > 0 && matches(r, target));
  if (rule) rule.remaining -= 1;
  return rule;
}

function positiveCount(count: number): number {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`fault count must be a whole number: ${count}`);
  return count;
}

export class FaultController implements Faults {
  latencyMs = 0;
  private fails: FailRule[] = [];
  private rateLimits: RateLimitRule[] = [];
  private dropsBefore: Rule[] = [];
  private dropsAfter: Rule[] = [];
  private lateCommits: LateCommitRule[] = [];
  private resends: Rule[] = [];
  private retoureParts = 0;

  failNext(count: number, opts: { status?: FailStatus; path?: PathMatcher; method?: string } = {}): void {
    this.fails.push({
      remaining: positiveCount(count),
      status: opts.status ?? 500,
      path: opts.path,
      method: opts.method,
    });
  }

  rateLimitNext(count: number, retryAfterSeconds: number, opts: { path?: PathMatcher } = {}): void {
    this.rateLimits.push({ remaining: positiveCount(count), retryAfterSeconds, path: opts.path });
  }

  dropBeforeHandling(count: number, opts: { path?: PathMatcher; method?: string } = {}): void {
    this.dropsBefore.push({ remaining: positiveCount(count), path: opts.path, method: opts.method });
  }

  dropAfterCommit(count: number, opts: { path?: PathMatcher; method?: string } = {}): void {
    this.dropsAfter.push({ remaining: positiveCount(count), path: opts.path, method: opts.method });
  }

  commitAfterTimeout(count: number, opts: { afterMs: number; path?: PathMatcher; method?: string }): void {
    this.lateCommits.push({
      remaining: positiveCount(count),
      afterMs: opts.afterMs,
      path: opts.path,
      method: opts.method,
    });
  }

  resendByGateway(count: number, opts: { path?: PathMatcher; method?: string } = {}): void {
    this.resends.push({ remaining: positiveCount(count), path: opts.path, method: opts.method });
  }

  processRetouresInParts(count: number): void {
    this.retoureParts += positiveCount(count);
  }

  dropAfterTopUpDebit(count = 1): void {
    this.dropAfterCommit(count, { path: "/app/wallet", method: "PUT" });
  }

  outage: FailStatus | null = null;

  startOutage(status: FailStatus = 503): void {
    this.outage = status;
  }

  endOutage(): void {
    this.outage = null;
  }

  isDown(): boolean {
    return this.outage !== null;
  }

  clear(): void {
    this.lateCommits = [];
    this.resends = [];
    this.retoureParts = 0;
    this.latencyMs = 0;
    this.outage = null;
    this.fails = [];
    this.rateLimits = [];
    this.dropsBefore = [];
    this.dropsAfter = [];
  }

  takeRateLimit(target: RequestTarget): RateLimitRule | undefined {
    return take(this.rateLimits, target);
  }

  takeFailure(target: RequestTarget): FailRule | undefined {
    return take(this.fails, target);
  }

  takeDropBefore(target: RequestTarget): boolean {
    return take(this.dropsBefore, target) !== undefined;
  }

  /** The delay after which the request is carried out, when it is to get no answer now. */
  takeLateCommit(target: RequestTarget): number | undefined {
    return take(this.lateCommits, target)?.afterMs;
  }

  takeResend(target: RequestTarget): boolean {
    return take(this.resends, target) !== undefined;
  }

  /** True when the Retoure being filed is to be processed in two parts. */
  takeRetoureInParts(): boolean {
    if (this.retoureParts === 0) return false;
    this.retoureParts -= 1;
    return true;
  }

  takeDropAfter(target: RequestTarget): boolean {
    return take(this.dropsAfter, target) !== undefined;
  }
}

/** What undici's fetch throws when the server closes the socket without answering. */
export function droppedConnectionError(): TypeError {
  return new TypeError("fetch failed", { cause: new undiciErrors.SocketError("other side closed") });
}
