/**
 * What one batch run needs, all injected: the database, the shop's Portokasse, the shop's Admin API,
 * the clock, sleep, a fetch for label downloads, the lease and (tests only) crash points.
 */
import type { Db } from "~/db.server";
import type { Portokasse } from "~/internetmarke";
import type { AdminGraphql } from "~/shopify/graphql.server";
import type { CostBudget } from "~/shopify/cost-budget.server";

/** Named points between the steps of a purchase; the crash tests kill the process at each of them. */
export type CrashPoint =
  | "after-init-cart"
  | "after-shop-order-id"
  | "before-checkout"
  | "after-checkout"
  | "after-record"
  | "after-labels"
  | "after-fulfillment";

export interface FrankingHooks {
  /** Called when the run passes a crash point. Production passes no hooks. */
  at?(point: CrashPoint, detail: { batchId: string; cartId?: string }): Promise<void> | void;
}

export type FetchBytes = (url: string) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;

export interface FrankingTimings {
  /** Pause after an unclear checkout before asking the server what happened (ADR 004). */
  reconcileDelayMs: number;
  /** How long a worker's lease lasts; renewed between steps. Must exceed reconcileDelayMs. */
  leaseMs: number;
  /** Shopify writes are tried this often, with backoff, before the task counts as FAILED. */
  maxFulfillmentAttempts: number;
  /** A batch run that fails this often without a checkout in flight stops buying. */
  maxBatchAttempts: number;
}

export const DEFAULT_TIMINGS: FrankingTimings = {
  reconcileDelayMs: 90_000,
  leaseMs: 5 * 60_000,
  maxFulfillmentAttempts: 8,
  maxBatchAttempts: 12,
};

export interface RunContext {
  db: Db;
  portokasse: Portokasse;
  admin: AdminGraphql;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  fetchBytes: FetchBytes;
  timings: FrankingTimings;
  hooks: FrankingHooks;
  /** The shop's Shopify cost budget, shared by this process's runs for the shop. */
  shopifyBudget: CostBudget;
  /** Extends the lease; throws LeaseLostError when another worker took the batch. */
  renewLease(): Promise<void>;
  /**
   * The prices in force now (cents by product code), for re-pricing before buying (reprice.server.ts).
   * Absent: the batch is bought at its confirmed prices without a check.
   */
  currentPrices?: () => Promise<ReadonlyMap<number, number>>;
  /**
   * Called once the batch has nothing left to buy and only writes back to Shopify: the worker then frees
   * the batch's buying slot for another batch (a write-back mostly waits for the shop's cost bucket).
   */
  onWriteBack?: () => void;
  /**
   * A turn for one write-back group (ADR 026): the worker lets few groups go while it buys for other
   * batches. Absent: every group goes at once.
   */
  writeBackTurn?: () => Promise<() => void>;
}

export class LeaseLostError extends Error {
  override name = "LeaseLostError";
  constructor(batchId: string) {
    super(`The lease on batch ${batchId} was lost; another worker continues it`);
  }
}

/** A problem that ends buying for the whole batch (no money, refused login, ...). */
export class StopBuying extends Error {
  override name = "StopBuying";
  constructor(
    readonly reason: string,
    readonly missingCents: number | null = null,
  ) {
    super(`Buying stopped: ${reason}`);
  }
}

export async function passPoint(ctx: RunContext, point: CrashPoint, detail: { batchId: string; cartId?: string }) {
  await ctx.hooks.at?.(point, detail);
}

/** A short, log-safe description of an error (InternetmarkeError messages are already redacted). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = "code" in error && typeof error.code === "string" ? `${error.code}: ` : "";
    return `${code}${error.message}`.slice(0, 500);
  }
  return String(error).slice(0, 500);
}

/**
 * Options of franking's database transactions. Prisma waits 2 s for a pooled connection to start one; a
 * process running many batches at once (ADR 024) can keep its pool busy longer than that at a peak, and a
 * transaction that cannot start fails the batch's run for nothing. 10 s to start, 20 s to finish.
 */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

