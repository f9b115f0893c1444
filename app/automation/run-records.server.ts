/**
 * The once-per-slot fact: an AutomationRun row per (shop, slot key). The process whose insert succeeds
 * runs the slot; a run whose process died (lease expired, still RUNNING) is taken over by one process
 * with a conditional update, as the franking worker takes batches (app/franking/lease.server.ts).
 */
import { randomUUID } from "node:crypto";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "~/db/errors";
import type { Slot } from "./slots";

export const RUN_LEASE_MS = 10 * 60 * 1000;
/** A run that failed this often (Shopify or the database unreachable) is given up; its orders wait. */
export const MAX_RUN_ATTEMPTS = 5;
export const RUN_RETRY_MS = 2 * 60 * 1000;

export type RunStatus = "RUNNING" | "DONE" | "STOPPED" | "NOTHING" | "FAILED";

export interface HeldRun {
  id: string;
  token: string;
}

/** Takes the slot's run for this process, or null when another process has it or it is finished. */
export async function takeRun(
  db: Db,
  shopId: string,
  slot: Slot,
  owner: string,
  now: Date,
): Promise<HeldRun | null> {
  const token = `${owner}#${randomUUID()}`;
  const leaseUntil = new Date(now.getTime() + RUN_LEASE_MS);
  try {
    const run = await db.automationRun.create({
      data: { shopId, slotKey: slot.key, slotAt: slot.at, leaseOwner: token, leaseUntil, createdAt: now },
    });
    return { id: run.id, token };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const existing = await db.automationRun.findUnique({
    where: { shopId_slotKey: { shopId, slotKey: slot.key } },
  });
  if (!existing || existing.status !== "RUNNING") return null;
  const taken = await db.automationRun.updateMany({
    where: { id: existing.id, status: "RUNNING", leaseUntil: { lt: now } },
    data: { leaseOwner: token, leaseUntil },
  });
  return taken.count === 1 ? { id: existing.id, token } : null;
}

/** Extends the lease before a step that must not happen twice; false when another process took the run. */
export async function renewRun(db: Db, run: HeldRun, now: Date): Promise<boolean> {
  const renewed = await db.automationRun.updateMany({
    where: { id: run.id, leaseOwner: run.token, status: "RUNNING" },
    data: { leaseUntil: new Date(now.getTime() + RUN_LEASE_MS) },
  });
  return renewed.count === 1;
}

export async function finishRun(
  db: Db,
  run: HeldRun,
  now: Date,
  result: {
    status: Exclude<RunStatus, "RUNNING">;
    reason?: string | null;
    batchId?: string | null;
    orderCount?: number;
    estimateCents?: number;
  },
): Promise<void> {
  await db.automationRun.updateMany({
    where: { id: run.id, leaseOwner: run.token },
    data: {
      status: result.status,
      reason: result.reason ?? null,
      batchId: result.batchId ?? null,
      orderCount: result.orderCount ?? 0,
      estimateCents: result.estimateCents ?? 0,
      leaseOwner: null,
      finishedAt: now,
    },
  });
}

/**
 * After an error: try again after RUN_RETRY_MS (any process), or give up after MAX_RUN_ATTEMPTS. A run that
 * is not retried (an "at once" minute: the next minute's run takes its orders) is given up at once.
 */
export async function failRun(
  db: Db,
  run: HeldRun,
  now: Date,
  message: string,
  retry: boolean,
): Promise<void> {
  const row = await db.automationRun.findUnique({ where: { id: run.id } });
  if (!row || row.leaseOwner !== run.token) return;
  const attempts = row.attempts + 1;
  const giveUp = !retry || attempts >= MAX_RUN_ATTEMPTS;
  await db.automationRun.updateMany({
    where: { id: run.id, leaseOwner: run.token },
    data: {
      attempts,
      reason: message.slice(0, 500),
      leaseOwner: null,
      leaseUntil: new Date(now.getTime() + RUN_RETRY_MS),
      ...(giveUp ? { status: "FAILED", finishedAt: now } : {}),
    },
  });
}
