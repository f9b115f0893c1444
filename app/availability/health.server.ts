/**
 * Is Deutsche Post reachable? Deutsche Post recommends its health check (`GET /`, no auth) to avoid
 * errors while the API is down. The workers ask before a batch buys and again when a call fails with a
 * network error or a 5xx; while it is down they pause buying (no attempt counts as a failure) and look
 * again after `PAUSE_MS`. The last answer is kept in the database (one row) for the app's pages.
 */
import { z } from "zod";
import type { Db } from "~/db.server";
import type { InternetmarkeClient } from "~/internetmarke";

export const HEALTH_ROW_ID = "internetmarke";
/** A good answer younger than this is trusted without asking again. */
export const FRESH_MS = 30_000;
/** While Deutsche Post is down, a paused batch is looked at again after this long. */
export const PAUSE_MS = 30_000;

export interface DeutschePostStatus {
  up: boolean;
  checkedAt: Date;
  downSince: Date | null;
}

const errorCodeSchema = z.object({ code: z.string(), status: z.number().nullable().optional() });

/** An error that may mean Deutsche Post is down: no answer (network, timeout) or a 5xx. */
export function looksLikeOutage(error: unknown): boolean {
  const parsed = errorCodeSchema.safeParse(error);
  if (!parsed.success) return false;
  const { code, status } = parsed.data;
  return code === "network_error" || code === "timeout" || code === "server_error" || (status ?? 0) >= 500;
}

export async function loadDeutschePostStatus(db: Db): Promise<DeutschePostStatus | null> {
  const row = await db.serviceHealth.findUnique({ where: { id: HEALTH_ROW_ID } });
  return row ? { up: row.up, checkedAt: row.checkedAt, downSince: row.downSince } : null;
}

/** Asks `GET /` now and records the answer. */
export async function checkDeutschePost(
  db: Db,
  im: InternetmarkeClient,
  now: Date,
): Promise<DeutschePostStatus> {
  let up = true;
  let detail: string | null = null;
  try {
    await im.health();
  } catch (error) {
    up = false;
    detail = error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300);
  }
  const before = await loadDeutschePostStatus(db);
  const downSince = up ? null : before && !before.up ? before.downSince : now;
  const data = { up, checkedAt: now, downSince, detail };
  await db.serviceHealth.upsert({
    where: { id: HEALTH_ROW_ID },
    create: { id: HEALTH_ROW_ID, ...data },
    update: data,
  });
  return { up, checkedAt: now, downSince };
}

/** Up, from a fresh good answer or a new check. */
export async function deutschePostUp(db: Db, im: InternetmarkeClient, now: Date): Promise<boolean> {
  const last = await loadDeutschePostStatus(db);
  if (last?.up && now.getTime() - last.checkedAt.getTime() < FRESH_MS) return true;
  return (await checkDeutschePost(db, im, now)).up;
}
