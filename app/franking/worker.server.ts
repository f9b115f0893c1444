/**
 * The franking worker: polls for batches that are queued or running with an expired lease, takes the
 * lease (one conditional UPDATE), runs the batch and gives it back, with the time to look again.
 * Any number of workers in any number of processes can share one database. In the background it runs
 * several batches at once, so a batch the merchant waits for is bought while another batch is still
 * being written back to Shopify; runs for the same shop share one Shopify cost budget.
 */
import { hostname } from "node:os";
import type { Db } from "~/db.server";
import { createPollLoop, kickWorkers, registerWorker } from "~/jobs/poll-loop.server";
import type { InternetmarkeClient, Portokasse } from "~/internetmarke";
import type { AdminGraphql } from "~/shopify/graphql.server";
import { stopBuying } from "./cart-records.server";
import {
  DEFAULT_TIMINGS,
  describeError,
  LeaseLostError,
  type FetchBytes,
  type FrankingHooks,
  type FrankingTimings,
  type RunContext,
} from "./context";
import { lazyAdmin, lazyPortokasse } from "./lazy.server";
import { pickFair } from "./fair-pick";
import {
  dueBatches,
  leaseKeeper,
  leaseToken,
  releaseLease,
  renewLease,
  runningByShop,
  takeLease,
} from "./lease.server";
import { runBatch } from "./run-batch.server";
import { currentPrices } from "./current-prices.server";
import { CostBudget, interactiveReadsRunning } from "~/shopify/cost-budget.server";
import { checkDeutschePost, deutschePostUp, looksLikeOutage, PAUSE_MS } from "~/availability/health.server";
import { ShopifyAccessLostError } from "~/shopify/offline-admin.server";
import { markShopifyAccessLost } from "~/shops.server";
import { WriteBackGate } from "./write-back-gate";

export interface FrankingWorkerOptions {
  db: Db;
  internetmarke: InternetmarkeClient;
  /** The shop's Portokasse, or null when none is linked (see app/portokasse: `portokasseFor`). */
  portokasseFor(
    shop: { id: string; domain: string },
    internetmarke: InternetmarkeClient,
  ): Promise<Portokasse | null>;
  /** Admin API access without a request: `unauthenticated.admin(shop)` in production, the fake in tests. */
  adminFor(shopDomain: string): Promise<AdminGraphql>;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Names this worker in leases (host and process id by default). */
  owner?: string;
  pollMs?: number;
  /** Batches the background loop of this process runs at once (default 16). `workOnce()` runs one after another. */
  maxConcurrentBatches?: number;
  /**
   * Batches of this process that have nothing left to buy and only write back to Shopify, on top of
   * `maxConcurrentBatches` (default 64): a write-back mostly waits for its shop's cost bucket, so it gives
   * its buying slot to the next shop's batch (FRANKING_WRITE_BACKS).
   */
  maxConcurrentWriteBacks?: number;
  /**
   * Write-back groups (up to 25 orders each) this process runs at once while it buys for any batch
   * (default 2; ADR 026): labels first. With nothing to buy, every group goes (FRANKING_WRITE_BACK_GROUPS_WHILE_BUYING).
   */
  writeBackGroupsWhileBuying?: number;
  /** The most batches of one shop running at once across all processes (default 4; fair-pick.ts). */
  maxBatchesPerShop?: number;
  timings?: Partial<FrankingTimings>;
  fetchBytes?: FetchBytes;
  hooks?: FrankingHooks;
  logger?: { info?(message: string): void; warn?(message: string): void };
}

export interface FrankingWorker {
  /** Looks for work now instead of at the next poll (called when a batch is created). */
  kick(): void;
  /** One pass over the due batches; returns how many this worker ran. */
  workOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** 10 s, 20 s, 40 s ... capped at 15 minutes. */
export const batchBackoffMs = (attempts: number): number =>
  Math.min(15 * 60_000, 10_000 * 2 ** Math.max(0, attempts - 1));

/** Defaults of the background loop; FRANKING_CONCURRENCY and FRANKING_BATCHES_PER_SHOP override them. */
export const DEFAULT_CONCURRENT_BATCHES = 16;
export const DEFAULT_BATCHES_PER_SHOP = 4;
export const DEFAULT_CONCURRENT_WRITE_BACKS = 64;
export const DEFAULT_WRITE_BACK_GROUPS_WHILE_BUYING = 2;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Left in a shop's Shopify bucket while the merchant's confirm reads orders in this process: its queries
 * ask for up to 1000 points (Shopify's most for one query) and must not be starved by write-backs.
 */
const INTERACTIVE_RESERVE = 1000;

/** A worker that does nothing until `start()` (tests call `workOnce()` themselves). */
export interface StartableWorker extends FrankingWorker {
  start(): void;
}

export function createFrankingWorker(options: FrankingWorkerOptions): StartableWorker {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? realSleep;
  const owner = options.owner ?? `${hostname()}:${process.pid}`;
  const timings: FrankingTimings = { ...DEFAULT_TIMINGS, ...options.timings };
  const fetchBytes: FetchBytes = options.fetchBytes ?? ((url) => fetch(url));
  const { db } = options;
  /** One per shop: every run of this process for the shop sees the same Shopify bucket. */
  const budgets = new Map<string, CostBudget>();
  const budgetFor = (shopId: string) => {
    let budget = budgets.get(shopId);
    const reserve = () => (interactiveReadsRunning(shopId) ? INTERACTIVE_RESERVE : 0);
    if (!budget)
      budgets.set(shopId, (budget = new CostBudget({ now: () => now().getTime(), sleep, reserve })));
    return budget;
  };

  function contextFor(
    shop: { id: string; domain: string },
    batchId: string,
    token: string,
    takenAt: Date,
    onWriteBack?: () => void,
  ): RunContext {
    return {
      db,
      portokasse: lazyPortokasse(() => options.portokasseFor(shop, options.internetmarke)),
      admin: lazyAdmin(() => options.adminFor(shop.domain)),
      now,
      sleep,
      fetchBytes,
      timings,
      hooks: options.hooks ?? {},
      shopifyBudget: budgetFor(shop.id),
      renewLease: leaseKeeper(
        () => renewLease(db, batchId, token, now(), timings.leaseMs),
        now,
        timings.leaseMs,
        takenAt,
      ),
      currentPrices: () => currentPrices(db, options.internetmarke, shop.id, now()),
      onWriteBack,
      writeBackTurn: () => gate.turn(),
    };
  }

  /** Deutsche Post is down: give the batch back for PAUSE_MS without counting an attempt. */
  async function pause(batchId: string, token: string): Promise<void> {
    options.logger?.info?.(`Franking batch ${batchId} paused: Deutsche Post is not reachable`);
    await releaseLease(db, batchId, token, new Date(now().getTime() + PAUSE_MS));
  }

  /** Whether the batch still has stamps to buy (only buying needs Deutsche Post). */
  const buying = async (batchId: string) =>
    (await db.frankingCart.count({ where: { batchId, state: { in: ["PLANNED", "INITIALIZED", "CHECKOUT_SENT"] } } })) > 0;

  async function failed(ctx: RunContext, batchId: string, token: string, error: unknown): Promise<void> {
    // A network error or 5xx while Deutsche Post's health check fails too is an outage, not a failure.
    if (looksLikeOutage(error) && !(await checkDeutschePost(db, options.internetmarke, now())).up) {
      await pause(batchId, token);
      return;
    }
    const batch = await db.frankingBatch.findUniqueOrThrow({ where: { id: batchId } });
    const attempts = batch.attempts + 1;
    const inFlight = await db.frankingCart.count({ where: { batchId, state: "CHECKOUT_SENT" } });
    const message = describeError(error);
    options.logger?.warn?.(`Franking batch ${batchId} failed (attempt ${attempts}): ${message}`);
    if (attempts >= timings.maxBatchAttempts && inFlight === 0 && batch.stopReason === null) {
      await stopBuying(ctx, batchId, "gave_up", null);
      await releaseLease(db, batchId, token, null, { attempts, error: message });
      return;
    }
    await releaseLease(db, batchId, token, new Date(now().getTime() + batchBackoffMs(attempts)), {
      attempts,
      error: message,
    });
  }

  async function runOne(batchId: string, onWriteBack?: () => void): Promise<boolean> {
    const token = leaseToken(owner);
    const takenAt = now();
    if (!(await takeLease(db, batchId, token, takenAt, timings.leaseMs))) return false;
    const batch = await db.frankingBatch.findUniqueOrThrow({
      where: { id: batchId },
      include: { shop: { select: { id: true, domain: true } } },
    });
    const ctx = contextFor(batch.shop, batchId, token, takenAt, onWriteBack);
    if ((await buying(batchId)) && !(await deutschePostUp(db, options.internetmarke, now()))) {
      await pause(batchId, token);
      return true;
    }
    try {
      // Shopify access first: a shop only the merchant can reconnect buys nothing until then.
      await options.adminFor(batch.shop.domain);
      const outcome = await runBatch(ctx, batchId);
      await releaseLease(db, batchId, token, outcome.kind === "later" ? outcome.at : null);
      if (outcome.kind === "finished")
        options.logger?.info?.(`Franking batch ${batchId} finished: ${outcome.status}`);
    } catch (error) {
      if (error instanceof LeaseLostError) return true;
      if (error instanceof ShopifyAccessLostError) {
        // Only the merchant can help (open the app again): the batch waits as it is, no attempt counted.
        options.logger?.warn?.(`Franking batch ${batchId} waits: ${error.message}`);
        await markShopifyAccessLost(db, batch.shop.domain, now());
        await releaseLease(db, batchId, token, null);
        return true;
      }
      await failed(ctx, batchId, token, error);
    }
    return true;
  }

  const running = new Map<string, Promise<void>>();
  /** The runs in `running` that only write back to Shopify (they no longer hold a buying slot). */
  const writingBack = new Set<string>();
  /** Labels first: write-backs go few groups at a time while any run here buys (ADR 026). */
  const gate = new WriteBackGate(
    options.writeBackGroupsWhileBuying ?? DEFAULT_WRITE_BACK_GROUPS_WHILE_BUYING,
    () => running.size > writingBack.size,
  );

  /**
   * Starts due batches in the free slots, fairly across shops (fair-pick.ts); a finished run kicks the
   * loop to fill its slot again.
   */
  async function fill(): Promise<boolean> {
    const buyingSlots = options.maxConcurrentBatches ?? DEFAULT_CONCURRENT_BATCHES;
    const allSlots = buyingSlots + (options.maxConcurrentWriteBacks ?? DEFAULT_CONCURRENT_WRITE_BACKS);
    const free = Math.min(buyingSlots - (running.size - writingBack.size), allSlots - running.size);
    if (free <= 0) return false;
    const at = now();
    const [due, busy] = await Promise.all([
      dueBatches(db, at, Math.max(100, buyingSlots * 4)),
      runningByShop(db, at),
    ]);
    const picked = pickFair({
      due,
      runningByShop: busy,
      runningHere: new Set(running.keys()),
      slots: free,
      perShop: options.maxBatchesPerShop ?? DEFAULT_BATCHES_PER_SHOP,
    });
    for (const id of picked) {
      if (loop.stopped) break;
      const toWriteBack = () => {
        if (!running.has(id) || writingBack.has(id)) return;
        writingBack.add(id);
        gate.wake();
        loop.kick();
      };
      const run = runOne(id, toWriteBack).then(
        () => undefined,
        (error: unknown) =>
          options.logger?.warn?.(`Franking batch ${id} could not be run: ${describeError(error)}`),
      );
      running.set(id, run);
      void run.finally(() => {
        running.delete(id);
        writingBack.delete(id);
        gate.wake();
        loop.kick();
      });
    }
    return false;
  }

  const loop = createPollLoop({
    pass: fill,
    waitMs: () => options.pollMs ?? 5_000,
    sleep,
    onError: (error) => options.logger?.warn?.(`Franking worker pass failed: ${describeError(error)}`),
    drain: () => Promise.all(running.values()),
  });

  const worker: StartableWorker = {
    start: () => loop.start(),
    kick: () => loop.kick(),
    async workOnce() {
      let ran = 0;
      for (const { id } of await dueBatches(db, now(), 10)) {
        if (loop.stopped) break;
        if (await runOne(id)) ran++;
      }
      return ran;
    },
    stop: () => loop.stop(),
  };

  return worker;
}

/** Starts polling in the background. Stop it with `stop()` (waits for the batches it is running). */
export function startFrankingWorker(options: FrankingWorkerOptions): FrankingWorker {
  const worker = createFrankingWorker(options);
  worker.start();
  return registerWorker("franking", worker);
}

/** Tells this process's workers that a batch is waiting (other processes find it at their next poll). */
export function kickFrankingWorkers(): void {
  kickWorkers("franking");
}
