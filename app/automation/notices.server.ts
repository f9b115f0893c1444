/**
 * How the merchant is told about automatic runs in the app: the finished runs of the last day that made a
 * batch, stopped or failed, until dismissed. Shown on the overview and the batches page.
 */
import type { Db } from "~/db.server";

export const NOTICE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface AutomationNotice {
  runId: string;
  status: "DONE" | "STOPPED" | "FAILED";
  reason: string | null;
  batchId: string | null;
  orderCount: number;
  estimateCents: number;
  finishedAt: string;
}

const isNoticeStatus = (status: string): status is AutomationNotice["status"] =>
  status === "DONE" || status === "STOPPED" || status === "FAILED";

export async function automationNotices(db: Db, shopId: string, now: Date): Promise<AutomationNotice[]> {
  const runs = await db.automationRun.findMany({
    where: {
      shopId,
      seenAt: null,
      status: { in: ["DONE", "STOPPED", "FAILED"] },
      finishedAt: { gte: new Date(now.getTime() - NOTICE_MAX_AGE_MS) },
    },
    orderBy: { finishedAt: "desc" },
    take: 5,
  });
  return runs.flatMap((r) =>
    isNoticeStatus(r.status) && r.finishedAt
      ? [
          {
            runId: r.id,
            status: r.status,
            reason: r.reason,
            batchId: r.batchId,
            orderCount: r.orderCount,
            estimateCents: r.estimateCents,
            finishedAt: r.finishedAt.toISOString(),
          },
        ]
      : [],
  );
}

export async function dismissNotice(db: Db, shopId: string, runId: string, now: Date): Promise<void> {
  await db.automationRun.updateMany({ where: { id: runId, shopId }, data: { seenAt: now } });
}

/** The page's list of recent runs (any status but "nothing to do"). */
export async function recentRuns(db: Db, shopId: string) {
  const runs = await db.automationRun.findMany({
    where: { shopId, status: { not: "NOTHING" } },
    orderBy: { createdAt: "desc" },
    take: 10,
  });
  return runs.map((r) => ({
    runId: r.id,
    slotKey: r.slotKey,
    status: r.status,
    reason: r.reason,
    batchId: r.batchId,
    orderCount: r.orderCount,
    estimateCents: r.estimateCents,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The notices for an authenticated shop domain (the overview and batches loaders). */
export async function noticesForShop(db: Db, shopDomain: string, now: Date): Promise<AutomationNotice[]> {
  const shop = await db.shop.findUnique({ where: { domain: shopDomain }, select: { id: true } });
  return shop ? automationNotices(db, shop.id, now) : [];
}
