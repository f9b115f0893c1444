/** Shopify's standard plan: a 2000-point bucket refilling 100 points per second. */
export const STANDARD_THROTTLE = { maximumAvailable: 2000, restoreRate: 100 } as const;

/** A single query asking for more than this is refused outright (MAX_COST_EXCEEDED). */
export const SINGLE_QUERY_MAX_COST = 1000;

export interface ThrottleSettings {
  maximumAvailable: number;
  restoreRate: number;
}

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/**
 * The leaky bucket of one app on one shop. Time comes from the fake's `now()`, so tests drain it and
 * let it refill by moving a clock instead of sleeping.
 */
export class CostBucket {
  private available: number;
  private updatedAt: number;

  /** `settings` is read on every use, so changing `fake.throttle` takes effect at once. */
  constructor(
    private readonly current: () => ThrottleSettings,
    now: Date,
  ) {
    this.available = current().maximumAvailable;
    this.updatedAt = now.getTime();
  }

  private get settings(): ThrottleSettings {
    return this.current();
  }

  private refill(now: Date): void {
    const elapsedSeconds = Math.max(0, now.getTime() - this.updatedAt) / 1000;
    this.available = Math.min(
      this.settings.maximumAvailable,
      this.available + elapsedSeconds * this.settings.restoreRate,
    );
    this.updatedAt = now.getTime();
  }

  /** Takes the requested cost if the bucket holds it; false means THROTTLED. */
  take(requested: number, now: Date): boolean {
    this.refill(now);
    if (requested > this.available) return false;
    this.available -= requested;
    return true;
  }

  /** Gives back what a query requested but did not use. */
  refund(points: number): void {
    this.available = Math.min(this.settings.maximumAvailable, this.available + Math.max(0, points));
  }

  status(now: Date): ThrottleStatus {
    this.refill(now);
    return {
      maximumAvailable: this.settings.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.settings.restoreRate,
    };
  }
}
