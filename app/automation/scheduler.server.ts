/**
 * Which automatic runs are due now, for every shop with automation switched on, and the worker that looks
 * every `pollMs` on the shared poll loop (app/jobs). Every process runs the same worker; the run's unique
 * key in the database lets one of them run each slot.
 */
import { createPollLoop, kickWorkers, registerWorker } from "~/jobs/poll-loop.server";
import { type AutomationDeps, runSlot, type RunOutcome } from "./run.server";
import { parseStoredConfig } from "./rules";
import { dueSlot, immediateSlot, manualSlot, type Slot } from "./slots";

/** "At once": besides new webhook orders, the safety-net query runs this often. */
export const SWEEP_EVERY_MS = 15 * 60 * 1000;
export const POLL_MS = 30 * 1000;

/** The slot due for the shop now, or null. Paused shops and shops without rules have none. */
async function slotFor(
  deps: AutomationDeps,
  row: { shopId: string; config: string; activeSince: Date; lastSweepAt: Date | null },
): Promise<Slot | null> {
  const config = parseStoredConfig(row.config);
  if (!config.enabled) return null;
  const now = deps.now();
  if (config.schedule === "times") return dueSlot(now, config.times, config.timeZone, row.activeSince);
  const sweepDue = !row.lastSweepAt || now.getTime() - row.lastSweepAt.getTime() >= SWEEP_EVERY_MS;
  const fresh = await deps.db.automationCandidate.count({
    where: { shopId: row.shopId, doneAt: null, checkedAt: null },
  });
  return sweepDue || fresh > 0 ? immediateSlot(now) : null;
}

/** One look at every shop: runs what is due. Answers the outcomes of the runs this process made. */
export async function automationPass(deps: AutomationDeps): Promise<RunOutcome[]> {
  const rows = await deps.db.automationSetting.findMany({
    where: { paused: false, shop: { uninstalledAt: null } },
    include: { shop: { select: { domain: true } } },
  });
  const outcomes: RunOutcome[] = [];
  for (const row of rows) {
    const slot = await slotFor(deps, row);
    if (!slot) continue;
    const outcome = await runSlot(deps, { id: row.shopId, domain: row.shop.domain }, slot, {
      activeSince: row.activeSince,
      retry: slot.key.startsWith("times:"),
    });
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}

export type RunNowResult =
  { ok: true; outcome: RunOutcome } | { ok: false; problem: "disabled" | "paused" | "busy" };

/** The merchant's "run now" (and the local-mode demo): the same run as a slot, with the same guards. */
export async function runNow(
  deps: AutomationDeps,
  shop: { id: string; domain: string },
): Promise<RunNowResult> {
  const row = await deps.db.automationSetting.findUnique({ where: { shopId: shop.id } });
  if (!row || !parseStoredConfig(row.config).enabled) return { ok: false, problem: "disabled" };
  if (row.paused) return { ok: false, problem: "paused" };
  const outcome = await runSlot(deps, shop, manualSlot(deps.now()), {
    activeSince: row.activeSince,
    retry: false,
  });
  return outcome ? { ok: true, outcome } : { ok: false, problem: "busy" };
}

export interface AutomationWorker {
  kick(): void;
  stop(): Promise<void>;
  /** One pass now (tests, local mode). */
  passOnce(): Promise<RunOutcome[]>;
}

const KIND = "automation";

export function startAutomationWorker(
  deps: AutomationDeps & { pollMs?: number; sleep?: (ms: number) => Promise<void> },
): AutomationWorker {
  const loop = createPollLoop({
    pass: async () => {
      await automationPass(deps);
      return false;
    },
    waitMs: () => deps.pollMs ?? POLL_MS,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    onError: (error) =>
      deps.logger?.warn(`Automatic franking: ${error instanceof Error ? error.message : String(error)}`),
  });
  const worker: AutomationWorker = {
    kick: () => loop.kick(),
    stop: () => loop.stop(),
    passOnce: () => automationPass(deps),
  };
  loop.start();
  return registerWorker(KIND, worker);
}

/** After a webhook recorded a candidate: this process looks at once ("at once" rules). */
export function kickAutomationWorkers(): void {
  kickWorkers(KIND);
}
