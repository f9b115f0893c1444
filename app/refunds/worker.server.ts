/**
 * The refund worker: picks up queued cancellation jobs, sends recorded Retoure requests, reconciles and
 * polls them, and writes the orders' refund state to Shopify. Every item is taken with a lease (one
 * conditional UPDATE), so any number of workers in any number of processes can share one database.
 */
import { hostname } from "node:os";
import type { Db } from "~/db.server";
import { createPollLoop, kickWorkers, registerWorker } from "~/jobs/poll-loop.server";
import type { InternetmarkeClient, Portokasse } from "~/internetmarke";
import type { AdminGraphql } from "~/shopify/graphql.server";
import { DEFAULT_REFUND_TIMINGS, describeError, type RefundContext, type RefundHooks, type RefundTimings, type ShopRef } from "./context";
import { dueItems, leaseToken, nextDueAt, releaseItem, takeItem, type WorkKind } from "./lease.server";
import { runItem } from "./work.server";
import { checkDeutschePost } from "~/availability/health.server";

export interface RefundWorkerOptions {
  db: Db;
  internetmarke: InternetmarkeClient;
  /** The shop's Portokasse, or null when none is linked (app/portokasse: `portokasseFor`). */
  portokasseFor(shop: ShopRef, internetmarke: InternetmarkeClient): Promise<Portokasse | null>;
  /** Admin API access without a request: `unauthenticated.admin(shop)` in production, the fake in tests. */
  adminFor(shopDomain: string): Promise<AdminGraphql>;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Names this worker in leases (host and process id by default). */
  owner?: string;
  /** The longest pause between two looks at the database (default 5 s); it sleeps less when work falls due sooner. */
  pollMs?: number;
  timings?: Partial<RefundTimings>;
  hooks?: RefundHooks;
  logger?: RefundContext["logger"];
}

export interface RefundWorker {
  /** Looks for work now instead of at the next poll (a webhook queued a job, a merchant asked). */
  kick(): void;
  /** One pass: due jobs, then due Retoure requests, then due Shopify write-backs. Returns how many ran. */
  workOnce(): Promise<number>;
  stop(): Promise<void>;
}

export interface StartableRefundWorker extends RefundWorker {
  start(): void;
}

const KINDS: readonly WorkKind[] = ["job", "retoure", "sync"];
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRefundWorker(options: RefundWorkerOptions): StartableRefundWorker {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? realSleep;
  const owner = options.owner ?? `${hostname()}:${process.pid}`;
  const timings: RefundTimings = { ...DEFAULT_REFUND_TIMINGS, ...options.timings };
  const { db } = options;
  const ctx: RefundContext = {
    db,
    now,
    timings,
    hooks: options.hooks ?? {},
    portokasse: (shop) => options.portokasseFor(shop, options.internetmarke),
    admin: (domain) => options.adminFor(domain),
    logger: options.logger,
    deutschePostDown: async () => !(await checkDeutschePost(db, options.internetmarke, now())).up,
  };

  async function runOne(kind: WorkKind, id: string): Promise<boolean> {
    const token = leaseToken(owner);
    if (!(await takeItem(db, kind, id, token, now(), timings.leaseMs))) return false;
    try {
      await runItem(ctx, kind, id, token);
    } finally {
      await releaseItem(db, kind, id, token);
    }
    return true;
  }

  /** Until the next item falls due, at most pollMs (other processes may queue work), at least 250 ms. */
  async function waitMs(): Promise<number> {
    const pollMs = options.pollMs ?? 5_000;
    try {
      const next = await nextDueAt(db);
      return next === null ? pollMs : Math.min(pollMs, Math.max(250, next.getTime() - now().getTime()));
    } catch {
      return pollMs;
    }
  }

  async function workOnce(): Promise<number> {
    let ran = 0;
    for (const kind of KINDS) {
      for (const id of await dueItems(db, kind, now(), 25)) {
        if (loop.stopped) return ran;
        if (await runOne(kind, id)) ran++;
      }
    }
    return ran;
  }

  const loop = createPollLoop({
    pass: async () => (await workOnce()) > 0,
    waitMs,
    sleep,
    onError: (error) => options.logger?.warn?.(`Refund worker pass failed: ${describeError(error)}`),
  });

  const worker: StartableRefundWorker = {
    start: () => loop.start(),
    kick: () => loop.kick(),
    workOnce,
    stop: () => loop.stop(),
  };

  return worker;
}

/** Starts polling in the background. Stop it with `stop()` (waits for the current item). */
export function startRefundWorker(options: RefundWorkerOptions): RefundWorker {
  const worker = createRefundWorker(options);
  worker.start();
  return registerWorker("refunds", worker);
}

/** Tells this process's refund workers that work is waiting (other processes find it at their next poll). */
export function kickRefundWorkers(): void {
  kickWorkers("refunds");
}
