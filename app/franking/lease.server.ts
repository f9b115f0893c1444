/**
 * The worker lease on a batch. Taking it is one conditional UPDATE (status active, lease expired or
 * free), so with any number of processes on one database exactly one wins. Each take gets its own
 * token; renewing and releasing only work with the token, so a worker that lost its lease notices.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "~/db.server";
import { LeaseLostError } from "./context";
import type { DueBatch } from "./fair-pick";
import { REACHABLE_SHOP } from "~/shops.server";
import { ACTIVE_BATCH_STATUS } from "./model";

export const leaseToken = (owner: string): string => `${owner}#${randomUUID().slice(0, 8)}`;

const free = (now: Date) => ({ OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] });

/** Batches a worker may take now, oldest first, with their shop (for the fair pick, fair-pick.ts). */
export async function dueBatches(db: Db, now: Date, limit: number): Promise<DueBatch[]> {
  return db.frankingBatch.findMany({
    where: { status: { in: [...ACTIVE_BATCH_STATUS] }, shop: REACHABLE_SHOP, ...free(now) },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, shopId: true, createdAt: true },
  });
}

/** Batches running now per shop in every process: those whose lease has not expired. */
export async function runningByShop(db: Db, now: Date): Promise<Map<string, number>> {
  const rows = await db.frankingBatch.groupBy({
    by: ["shopId"],
    where: { status: "RUNNING", leaseUntil: { gte: now }, leaseOwner: { not: null } },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.shopId, row._count._all]));
}

export async function takeLease(
  db: Db,
  batchId: string,
  token: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const taken = await db.frankingBatch.updateMany({
    where: { id: batchId, status: { in: [...ACTIVE_BATCH_STATUS] }, ...free(now) },
    data: { leaseOwner: token, leaseUntil: new Date(now.getTime() + leaseMs), status: "RUNNING" },
  });
  return taken.count === 1;
}

export async function renewLease(
  db: Db,
  batchId: string,
  token: string,
  now: Date,
  leaseMs: number,
): Promise<void> {
  const renewed = await db.frankingBatch.updateMany({
    where: { id: batchId, leaseOwner: token },
    data: { leaseUntil: new Date(now.getTime() + leaseMs) },
  });
  if (renewed.count !== 1) throw new LeaseLostError(batchId);
}

/**
 * One run's renewals. The steps of a run renew before each cart and each write-back group, and several
 * write-back groups run at once: sent as they come, their UPDATEs of the one batch row queued behind each
 * other's commits (PostgreSQL lock waits of 70 ms typical, up to 1 s, in the 50-shop benchmark). So callers
 * share the renewal in flight, and one that succeeded less than a twentieth of the lease ago stands: the
 * lease then has at least 95 % of its time left, and only an expired lease can be taken (`takeLease`), so
 * no other worker can hold it. The time is the clock's, not a monotonic one: a process that was stopped
 * for longer than the lease sees the time pass and renews (and learns that it lost the batch).
 */
export function leaseKeeper(
  renew: () => Promise<void>,
  now: () => Date,
  leaseMs: number,
  takenAt: Date,
): () => Promise<void> {
  const fresh = leaseMs / 20;
  let renewedAt = takenAt.getTime();
  let inFlight: Promise<void> | null = null;
  return () => {
    if (inFlight) return inFlight;
    const startedAt = now().getTime();
    if (startedAt - renewedAt < fresh && startedAt >= renewedAt) return Promise.resolve();
    inFlight = renew().then(
      () => {
        renewedAt = startedAt;
        inFlight = null;
      },
      (error: unknown) => {
        inFlight = null;
        throw error;
      },
    );
    return inFlight;
  };
}

/**
 * Gives the batch back. `nextLookAt`: when a worker should look at it again (null: at once, or never
 * for a finished batch); `data` is written in the same conditional update.
 */
export async function releaseLease(
  db: Db,
  batchId: string,
  token: string,
  nextLookAt: Date | null,
  data: { attempts?: number; error?: string | null } = {},
): Promise<void> {
  await db.frankingBatch.updateMany({
    where: { id: batchId, leaseOwner: token },
    data: { ...data, leaseOwner: null, leaseUntil: nextLookAt },
  });
}
