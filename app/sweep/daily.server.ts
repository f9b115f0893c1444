import { config } from "~/config.server";
import { db } from "~/db.server";
import { KEY_RETENTION_DAYS } from "~/franking/idempotency.server";
import { internetmarke } from "~/internetmarke.server";
import { portokasseFor } from "~/portokasse/connection.server";
import { purgeRecipientData } from "~/privacy/recipient-data.server";
import { sweepNotBoughtCarts, type SweepDeps } from "./reconcile-sweep.server";

/**
 * Once a day: the reconciliation sweep over every shop, the retention purge of recipient data
 * (RECIPIENT_DATA_RETENTION_DAYS), and pruning of the webhook dedupe records (30 days, far beyond
 * Shopify's 4-hour retry window) and Idempotency-Keys (7 days). See README, "Data the app keeps".
 */
export const RECEIVED_WEBHOOK_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

export function appSweepDeps(): SweepDeps {
  return {
    db: db(),
    now: () => new Date(),
    kasseFor: async (shopId) =>
      (await portokasseFor(db(), internetmarke(), shopId, config().ENCRYPTION_KEY))?.kasse ?? null,
    log: (line) => console.warn(line),
  };
}

export async function runDailyHousekeeping(
  deps: SweepDeps = appSweepDeps(),
  retentionDays = config().RECIPIENT_DATA_RETENTION_DAYS,
) {
  const now = deps.now();
  const sweep = await sweepNotBoughtCarts(deps);
  const purgedBatches = await purgeRecipientData(deps.db, retentionDays, now);
  const webhooks = await deps.db.receivedWebhook.deleteMany({
    where: { receivedAt: { lt: new Date(now.getTime() - RECEIVED_WEBHOOK_DAYS * DAY) } },
  });
  const keys = await deps.db.batchRequest.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - KEY_RETENTION_DAYS * DAY) } },
  });
  return { sweep, purgedBatches, prunedWebhooks: webhooks.count, prunedKeys: keys.count };
}

/** Runs the housekeeping a minute after start and then every 24 hours; returns a function that stops it. */
export function startDailyHousekeeping(intervalMs = DAY, firstAfterMs = 60_000): () => void {
  const tick = () => {
    runDailyHousekeeping().catch((error: unknown) => {
      console.warn(`Daily housekeeping failed: ${error instanceof Error ? error.name : "unknown error"}`);
    });
  };
  const first = setTimeout(tick, firstAfterMs);
  first.unref();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
