/** What automatic runs have spent today, for the daily limit. */
import type { Db } from "~/db.server";
import { startOfLocalDay } from "./slots";

/**
 * The planned cost (prices fixed when the batch was created) of today's automatic batches, today being
 * the local day in the rules' time zone. Planned rather than bought: a batch still buying counts in full,
 * so two runs close together cannot both pass the limit.
 */
export async function spentToday(db: Db, shopId: string, now: Date, timeZone: string): Promise<number> {
  const runs = await db.automationRun.findMany({
    where: {
      shopId,
      status: "DONE",
      batchId: { not: null },
      createdAt: { gte: startOfLocalDay(now, timeZone) },
    },
    select: { batchId: true },
  });
  const batchIds = runs.flatMap((r) => (r.batchId ? [r.batchId] : []));
  if (batchIds.length === 0) return 0;
  const total = await db.frankingBatch.aggregate({
    where: { shopId, id: { in: batchIds } },
    _sum: { totalCents: true },
  });
  return total._sum.totalCents ?? 0;
}
