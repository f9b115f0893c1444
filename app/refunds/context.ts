/**
 * What the refund work needs, all injected: the database, the shop's Portokasse and Admin API, the
 * clock, the timings, the lease token of the item being worked on and (tests only) crash points.
 */
import type { Db } from "~/db.server";
import type { Portokasse } from "~/internetmarke";
import type { AdminGraphql } from "~/shopify/graphql.server";

/** Named points between the steps of a Retoure; the crash tests kill the process at each of them. */
export type RefundCrashPoint = "after-record" | "before-send" | "after-send";

export interface RefundHooks {
  at?(point: RefundCrashPoint, detail: { retoureId: string }): Promise<void> | void;
}

export interface RefundTimings {
  /** How long a worker holds one piece of work; every step is far shorter. */
  leaseMs: number;
  /** After an unclear Retoure: wait this long before looking it up (the server may still be working). */
  reconcileDelayMs: number;
  /** Clock tolerance around the time a lost Retoure was sent, for the time-window lookup. */
  reconcileMarginMs: number;
  /** Polling an open Retoure: first wait, doubled each time, capped. */
  pollBaseMs: number;
  pollMaxMs: number;
  /** After a failure (network, no Portokasse, Shopify): first wait, doubled, capped. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** A cancellation waits at most this long for a purchase in flight (past 14 days nothing is refundable). */
  giveUpWaitingMs: number;
  /** Shopify write-backs tried this often before they are given up. */
  maxSyncAttempts: number;
}

export const DEFAULT_REFUND_TIMINGS: RefundTimings = {
  leaseMs: 2 * 60_000,
  reconcileDelayMs: 90_000,
  reconcileMarginMs: 10 * 60_000,
  pollBaseMs: 5_000,
  pollMaxMs: 30 * 60_000,
  retryBaseMs: 15_000,
  retryMaxMs: 30 * 60_000,
  giveUpWaitingMs: 15 * 24 * 60 * 60_000,
  maxSyncAttempts: 10,
};

export interface ShopRef {
  id: string;
  domain: string;
}

export interface RefundContext {
  db: Db;
  now: () => Date;
  timings: RefundTimings;
  hooks: RefundHooks;
  /** The shop's Portokasse, or null when none is linked (or its login is known to fail). */
  portokasse(shop: ShopRef): Promise<Portokasse | null>;
  /** Admin API access without a request (`unauthenticated.admin(shop)` in production). */
  admin(shopDomain: string): Promise<AdminGraphql>;
  logger?: { info?(message: string): void; warn?(message: string): void };
  /**
   * Asks Deutsche Post's health check now: true when it is down. A failure that looks like an outage
   * while it is down pauses the item without counting an attempt (app/availability).
   */
  deutschePostDown?: () => Promise<boolean>;
}

/** The work on an item was taken over by another worker (its lease expired): stop without writing. */
export class RefundLeaseLostError extends Error {
  override name = "RefundLeaseLostError";
  constructor(what: string) {
    super(`The lease on ${what} was lost; another worker continues it`);
  }
}

export async function passPoint(ctx: RefundContext, point: RefundCrashPoint, retoureId: string): Promise<void> {
  await ctx.hooks.at?.(point, { retoureId });
}

/** A short, log-safe description of an error (InternetmarkeError messages are already redacted). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = "code" in error && typeof error.code === "string" ? `${error.code}: ` : "";
    return `${code}${error.message}`.slice(0, 500);
  }
  return String(error).slice(0, 500);
}
