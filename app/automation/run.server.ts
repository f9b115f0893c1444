/**
 * One automatic run: find the candidate orders (webhooks plus the safety-net query), keep those that match
 * the rules and fit a product, check the guards, and hand them to the same batch service the preview
 * page uses (`startBatch`), so they become ONE batch through the exactly-once franking pipeline. A guard
 * that stops the run stops it before anything is bought; its orders stay candidates for the next run.
 */
import type { Db } from "~/db.server";
import { claimedElsewhere } from "~/franking/claims.server";
import type { AdminGraphql } from "~/shopify/graphql.server";
import { recordCandidates } from "./candidates.server";
import { readAutomationOrders, sweepOrderIds } from "./orders.server";
import { productFits, ruleMiss } from "./rules";
import { failRun, finishRun, renewRun, takeRun, type HeldRun } from "./run-records.server";
import { loadAutomation } from "./settings.server";
import type { Slot } from "./slots";
import { spentToday } from "./spending.server";

/** The most orders one run takes (the batch API's limit); the rest wait for the next run. */
export const MAX_ORDERS_PER_RUN = 250;

export interface PricedLine {
  orderId: string;
  ok: boolean;
  productCode?: number;
  priceCents?: number;
}

export interface AutomationDeps {
  db: Db;
  now: () => Date;
  /** Names this process in run leases. */
  owner: string;
  adminFor(shopDomain: string): Promise<AdminGraphql>;
  /** The batch preview's product choice and price per order (app/preview), nothing bought. */
  price(
    admin: AdminGraphql,
    shopDomain: string,
    orderIds: readonly string[],
    now: Date,
  ): Promise<PricedLine[]>;
  /** The Portokasse balance from a fresh login; null when no Portokasse is linked or it cannot be reached. */
  balanceCents(shopId: string, now: Date): Promise<number | null>;
  /** The batch service of the preview page and POST /api/batches (`startBatch` in app/franking). */
  startBatch(
    admin: AdminGraphql,
    shopDomain: string,
    orderIds: string[],
    now: Date,
    /** The total the guards were checked against: the confirm buys nothing if the orders cost another. */
    expectedTotalCents?: number,
  ): Promise<{ ok: true; batchId: string } | { ok: false; problem: string }>;
  logger?: { warn(message: string): void };
}

export interface RunOutcome {
  runId: string;
  status: "DONE" | "STOPPED" | "NOTHING" | "FAILED" | "RETRY";
  reason?: string | null;
  batchId?: string | null;
}

type Shop = { id: string; domain: string };

async function settle(
  db: Db,
  shopId: string,
  ids: readonly string[],
  data: { doneAt?: Date; checkedAt?: Date; outcome?: string; runId?: string },
) {
  if (ids.length > 0)
    await db.automationCandidate.updateMany({ where: { shopId, orderId: { in: [...ids] } }, data });
}

/** Sweep, filter and price: the orders this run would frank and their estimated cost. */
async function chooseOrders(
  deps: AutomationDeps,
  shop: Shop,
  admin: AdminGraphql,
  run: HeldRun,
  activeSince: Date,
) {
  const { db } = deps;
  const now = deps.now();
  const { config } = await loadAutomation(db, shop.id);
  await recordCandidates(db, shop.id, await sweepOrderIds(admin, activeSince), "query", now);
  await db.automationSetting.update({ where: { shopId: shop.id }, data: { lastSweepAt: now } });

  const pending = await db.automationCandidate.findMany({
    where: { shopId: shop.id, doneAt: null },
    orderBy: { seenAt: "asc" },
    take: 1000,
  });
  const ids = pending.map((c) => c.orderId);
  const claimed = await claimedElsewhere(db, shop.id, ids);
  await settle(db, shop.id, [...claimed.keys()], { doneAt: now, outcome: "claimed", runId: run.id });

  const open = ids.filter((id) => !claimed.has(id));
  const found = await readAutomationOrders(admin, open);
  const gone = open.filter((id) => !found.has(id));
  const closed = open.filter((id) => {
    const order = found.get(id);
    return order !== undefined && (!order.open || order.createdAt < activeSince);
  });
  await settle(db, shop.id, gone, { doneAt: now, outcome: "not_found", runId: run.id });
  await settle(db, shop.id, closed, { doneAt: now, outcome: "closed", runId: run.id });

  const matching = open.filter((id) => {
    const order = found.get(id);
    return (
      order !== undefined && order.open && order.createdAt >= activeSince && ruleMiss(order, config) === null
    );
  });
  const missed = open.filter((id) => !gone.includes(id) && !closed.includes(id) && !matching.includes(id));
  await settle(db, shop.id, missed, { checkedAt: now });

  const taken = matching.slice(0, MAX_ORDERS_PER_RUN);
  const priced = taken.length > 0 ? await deps.price(admin, shop.domain, taken, now) : [];
  const fitting = priced.filter(
    (l) => l.ok && l.productCode !== undefined && productFits(l.productCode, config),
  );
  const unfit = taken.filter((id) => !fitting.some((l) => l.orderId === id));
  await settle(db, shop.id, unfit, { checkedAt: now });
  return {
    config,
    orderIds: fitting.map((l) => l.orderId),
    estimateCents: fitting.reduce((sum, l) => sum + (l.priceCents ?? 0), 0),
  };
}

/** The guards, in order; the first that stops the run names the reason. */
async function guardStop(deps: AutomationDeps, shop: Shop, estimateCents: number): Promise<string | null> {
  const now = deps.now();
  const { config, paused } = await loadAutomation(deps.db, shop.id);
  if (paused) return "paused";
  if (!config.enabled) return "disabled";
  if (config.dailyLimitCents !== null) {
    const spent = await spentToday(deps.db, shop.id, now, config.timeZone);
    if (spent + estimateCents > config.dailyLimitCents) return "daily_limit";
  }
  if (config.minBalanceCents !== null) {
    const balance = await deps.balanceCents(shop.id, now);
    if (balance === null) return "balance_unknown";
    if (balance - estimateCents < config.minBalanceCents) return "balance_threshold";
  }
  return null;
}

async function work(deps: AutomationDeps, shop: Shop, run: HeldRun, activeSince: Date): Promise<RunOutcome> {
  const { db } = deps;
  const admin = await deps.adminFor(shop.domain);
  const chosen = await chooseOrders(deps, shop, admin, run, activeSince);
  const base = { orderCount: chosen.orderIds.length, estimateCents: chosen.estimateCents };
  if (chosen.orderIds.length === 0) {
    await finishRun(db, run, deps.now(), { status: "NOTHING" });
    return { runId: run.id, status: "NOTHING" };
  }
  const stop = await guardStop(deps, shop, chosen.estimateCents);
  if (stop) {
    await settle(db, shop.id, chosen.orderIds, { checkedAt: deps.now() });
    await finishRun(db, run, deps.now(), { status: "STOPPED", reason: stop, ...base });
    return { runId: run.id, status: "STOPPED", reason: stop };
  }
  if (!(await renewRun(db, run, deps.now()))) return { runId: run.id, status: "RETRY", reason: "lease_lost" };
  const started = await deps.startBatch(admin, shop.domain, chosen.orderIds, deps.now(), chosen.estimateCents);
  const now = deps.now();
  if (!started.ok) {
    await settle(db, shop.id, chosen.orderIds, { checkedAt: now });
    await finishRun(db, run, now, { status: "STOPPED", reason: started.problem, ...base });
    return { runId: run.id, status: "STOPPED", reason: started.problem };
  }
  await settle(db, shop.id, chosen.orderIds, { doneAt: now, outcome: "batched", runId: run.id });
  await finishRun(db, run, now, { status: "DONE", batchId: started.batchId, ...base });
  return { runId: run.id, status: "DONE", batchId: started.batchId };
}

/**
 * Runs the slot for the shop if this process gets it (null: another process has it, or it already ran).
 * An error leaves the run to be tried again (`retry`) or gives it up; the orders stay candidates.
 */
export async function runSlot(
  deps: AutomationDeps,
  shop: Shop,
  slot: Slot,
  options: { activeSince: Date; retry: boolean },
): Promise<RunOutcome | null> {
  const run = await takeRun(deps.db, shop.id, slot, deps.owner, deps.now());
  if (!run) return null;
  try {
    // Shopify's order times have whole seconds: an order placed in the second the rules were saved counts.
    const since = new Date(Math.floor(options.activeSince.getTime() / 1000) * 1000);
    return await work(deps, shop, run, since);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.logger?.warn(`Automatic franking run ${slot.key} for ${shop.domain} failed: ${message}`);
    await failRun(deps.db, run, deps.now(), message, options.retry);
    return { runId: run.id, status: options.retry ? "RETRY" : "FAILED", reason: message };
  }
}
