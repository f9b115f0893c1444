/**
 * Concurrent Admin API calls inside Shopify's cost budget. Shopify takes a call's requested cost from a
 * leaky bucket when the call arrives and answers THROTTLED when the bucket holds less; every answer says
 * how full the bucket is (`extensions.cost.throttleStatus`). The budget keeps that figure, adds what has
 * flowed back since, subtracts the calls still in flight, and lets a call go only when it fits, so many
 * calls can run at once without being throttled. A THROTTLED answer is still possible (another worker
 * of the same app on the same shop); `shopifyCall` waits it out and sends the call again.
 */

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface CostBudgetOptions {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Calls in flight at most (default 8). */
  maxInFlight?: number;
  /**
   * Points left in the bucket for the app's other requests (the merchant's confirm shares the bucket),
   * asked before every call: calls wait until they fit above it. At most half the bucket. Default 0.
   */
  reserve?: () => number;
}

/** Until Shopify has answered once: the standard plan's bucket. */
const UNKNOWN: ThrottleStatus = { maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 };

export class CostBudget {
  private status: ThrottleStatus = UNKNOWN;
  private seenAt: number;
  private inFlight = 0;
  private reserved = 0;
  private waiters: Array<() => void> = [];
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxInFlight: number;
  private readonly reserve: () => number;

  constructor(options: CostBudgetOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.maxInFlight = options.maxInFlight ?? 8;
    this.reserve = options.reserve ?? (() => 0);
    this.seenAt = this.now();
  }

  /** Points the bucket holds now by the last answer, refilled since, less what calls in flight took. */
  available(): number {
    const { maximumAvailable, currentlyAvailable, restoreRate } = this.status;
    const refilled = Math.min(maximumAvailable, currentlyAvailable + ((this.now() - this.seenAt) / 1000) * restoreRate);
    return refilled - this.reserved;
  }

  /** Takes note of the bucket as an answer reported it. */
  observe(status: ThrottleStatus): void {
    this.status = status;
    this.seenAt = this.now();
  }

  /** A call of `cost` was THROTTLED and may go again in `retryAfterMs`: the bucket holds less than thought. */
  throttled(cost: number, retryAfterMs: number): void {
    const missing = (retryAfterMs / 1000) * this.status.restoreRate;
    this.observe({ ...this.status, currentlyAvailable: Math.max(0, cost - missing) });
  }

  /** Waits until a call of `cost` points fits, reserves them and returns the release. */
  async acquire(cost: number): Promise<() => void> {
    const wanted = () => Math.min(cost, this.status.maximumAvailable) + Math.min(this.reserve(), this.status.maximumAvailable / 2);
    while (this.inFlight >= this.maxInFlight || this.available() < wanted()) {
      const wait = this.inFlight >= this.maxInFlight ? null : this.refillMs(wanted());
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        if (wait !== null) void this.sleep(wait).then(resolve);
      });
    }
    this.inFlight += 1;
    this.reserved += cost;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      this.reserved -= cost;
      this.waiters.splice(0).forEach((wake) => wake());
    };
  }

  private refillMs(cost: number): number {
    const missing = cost - this.available();
    const rate = this.status.restoreRate > 0 ? this.status.restoreRate : 1;
    return Math.max(10, Math.ceil((missing / rate) * 1000));
  }
}

declare global {
  // Per shop, the interactive reads of this process now running (see `duringInteractiveReads`).
  var __frankiermeisterInteractiveReads: Map<string, number> | undefined;
}

/**
 * Runs the merchant's own Admin API reads for a shop (confirming a batch reads up to 250 orders with
 * queries of up to 1000 points) so that this process's background work leaves them room in the bucket:
 * without it, write-backs running at the bucket's refill rate would leave a 1000-point query waiting.
 */
export async function duringInteractiveReads<T>(shopKey: string, work: () => Promise<T>): Promise<T> {
  const running = (globalThis.__frankiermeisterInteractiveReads ??= new Map());
  running.set(shopKey, (running.get(shopKey) ?? 0) + 1);
  try {
    return await work();
  } finally {
    const left = (running.get(shopKey) ?? 1) - 1;
    if (left > 0) running.set(shopKey, left);
    else running.delete(shopKey);
  }
}

export const interactiveReadsRunning = (shopKey: string): boolean => (globalThis.__frankiermeisterInteractiveReads?.get(shopKey) ?? 0) > 0;
