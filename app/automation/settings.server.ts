/** Reading and saving a shop's automatic franking rules and its pause switch. Scoped to the shop id. */
import type { Db } from "~/db.server";
import { type AutomationConfig, DEFAULT_AUTOMATION_CONFIG, parseStoredConfig } from "./rules";

export interface AutomationState {
  config: AutomationConfig;
  paused: boolean;
  /** Orders created before this, and slots before it, are never franked automatically. */
  activeSince: Date | null;
  lastSweepAt: Date | null;
}

export async function loadAutomation(db: Db, shopId: string): Promise<AutomationState> {
  const row = await db.automationSetting.findUnique({ where: { shopId } });
  if (!row) return { config: DEFAULT_AUTOMATION_CONFIG, paused: false, activeSince: null, lastSweepAt: null };
  return {
    config: parseStoredConfig(row.config),
    paused: row.paused,
    activeSince: row.activeSince,
    lastSweepAt: row.lastSweepAt,
  };
}

/**
 * Saves the rules. Switching automation on (again) starts it now: only orders created from now on, and
 * slots from now on, are taken; older open orders stay for the merchant to frank by hand.
 */
export async function saveAutomation(
  db: Db,
  shopId: string,
  config: AutomationConfig,
  now: Date,
): Promise<void> {
  const before = await loadAutomation(db, shopId);
  const restart = config.enabled && (!before.config.enabled || before.activeSince === null);
  const activeSince = restart ? now : (before.activeSince ?? now);
  const data = { config: JSON.stringify(config), activeSince };
  await db.automationSetting.upsert({ where: { shopId }, create: { shopId, ...data }, update: data });
}

export async function setPaused(db: Db, shopId: string, paused: boolean, now: Date): Promise<void> {
  await db.automationSetting.upsert({
    where: { shopId },
    create: { shopId, paused, activeSince: now },
    update: { paused },
  });
}
