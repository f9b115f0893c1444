/**
 * Leases on refund work. Taking one is a single conditional UPDATE (due, and the lease free or expired),
 * so with any number of processes on one database exactly one worker wins each item. Each take has its
 * own token; every write that follows names the token, so a worker whose lease ran out notices.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "~/db.server";
import { REACHABLE_SHOP } from "~/shops.server";
import { ACTIVE_RETOURE_STATES } from "./model";

export const leaseToken = (owner: string): string => `${owner}#${randomUUID().slice(0, 8)}`;

const free = (now: Date) => ({ OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] });
const until = (now: Date, ms: number) => new Date(now.getTime() + ms);

export type WorkKind = "job" | "retoure" | "sync";

/** Ids of the items of one kind that are due and not leased, oldest first. */
export async function dueItems(db: Db, kind: WorkKind, now: Date, limit: number): Promise<string[]> {
  const select = { id: true } as const;
  const rows =
    kind === "job"
      ? await db.refundJob.findMany({ where: { state: "QUEUED", nextAttemptAt: { lte: now }, shop: REACHABLE_SHOP, ...free(now) }, orderBy: { createdAt: "asc" }, take: limit, select })
      : kind === "retoure"
        ? await db.retoureRequest.findMany({
            where: { state: { in: [...ACTIVE_RETOURE_STATES] }, nextCheckAt: { lte: now }, shop: REACHABLE_SHOP, ...free(now) },
            orderBy: { createdAt: "asc" },
            take: limit,
            select,
          })
        : await db.refundSync.findMany({ where: { dirty: true, nextAttemptAt: { lte: now }, shop: REACHABLE_SHOP, ...free(now) }, orderBy: { updatedAt: "asc" }, take: limit, select });
  return rows.map((r) => r.id);
}

/** Takes the lease on one item; false when another worker has it or it is no longer due. */
export async function takeItem(db: Db, kind: WorkKind, id: string, token: string, now: Date, leaseMs: number): Promise<boolean> {
  const data = { leaseOwner: token, leaseUntil: until(now, leaseMs) };
  const taken =
    kind === "job"
      ? await db.refundJob.updateMany({ where: { id, state: "QUEUED", nextAttemptAt: { lte: now }, ...free(now) }, data })
      : kind === "retoure"
        ? await db.retoureRequest.updateMany({ where: { id, state: { in: [...ACTIVE_RETOURE_STATES] }, nextCheckAt: { lte: now }, ...free(now) }, data })
        : await db.refundSync.updateMany({ where: { id, dirty: true, nextAttemptAt: { lte: now }, ...free(now) }, data });
  return taken.count === 1;
}

/** Gives an item back (only with the token that took it). */
export async function releaseItem(db: Db, kind: WorkKind, id: string, token: string): Promise<void> {
  const where = { id, leaseOwner: token };
  const data = { leaseOwner: null, leaseUntil: null };
  if (kind === "job") await db.refundJob.updateMany({ where, data });
  else if (kind === "retoure") await db.retoureRequest.updateMany({ where, data });
  else await db.refundSync.updateMany({ where, data });
}

/** When the next item of any kind falls due (leased ones included: their lease may run out), or null. */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const [job, retoure, sync] = await Promise.all([
    db.refundJob.aggregate({ where: { state: "QUEUED" }, _min: { nextAttemptAt: true } }),
    db.retoureRequest.aggregate({ where: { state: { in: [...ACTIVE_RETOURE_STATES] } }, _min: { nextCheckAt: true } }),
    db.refundSync.aggregate({ where: { dirty: true }, _min: { nextAttemptAt: true } }),
  ]);
  const times = [job._min.nextAttemptAt, retoure._min.nextCheckAt, sync._min.nextAttemptAt].flatMap((d) => (d ? [d.getTime()] : []));
  return times.length === 0 ? null : new Date(Math.min(...times));
}
