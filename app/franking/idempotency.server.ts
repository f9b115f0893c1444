import type { Db } from "~/db.server";
import { isUniqueViolation } from "~/db/errors";

/**
 * Idempotency-Key for POST /api/batches: the first answer per shop and key is stored and returned again
 * for a repeat (a double click, a network retry), so one click is at most one batch. The key is reserved
 * before the batch is created (status 0); a concurrent repeat waits for that first answer.
 * Keys are kept 7 days (app/sweep prunes them).
 */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
export const KEY_RETENTION_DAYS = 7;

export interface StoredAnswer {
  status: number;
  body: unknown;
  replayed: boolean;
}

const PENDING = 0;

export async function onceper(
  db: Db,
  shopId: string,
  key: string,
  create: () => Promise<{ status: number; body: unknown }>,
  options: { waitMs?: number; pollMs?: number } = {},
): Promise<StoredAnswer> {
  try {
    await db.batchRequest.create({ data: { shopId, key, status: PENDING, response: "" } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return firstAnswer(db, shopId, key, options.waitMs ?? 15_000, options.pollMs ?? 100);
  }
  let answer: { status: number; body: unknown };
  try {
    answer = await create();
  } catch (error) {
    // Nothing was answered: the key is free again for the client's retry.
    await db.batchRequest.deleteMany({ where: { shopId, key, status: PENDING } });
    throw error;
  }
  await db.batchRequest.update({
    where: { shopId_key: { shopId, key } },
    data: { status: answer.status, response: JSON.stringify(answer.body) },
  });
  return { ...answer, replayed: false };
}

async function firstAnswer(
  db: Db,
  shopId: string,
  key: string,
  waitMs: number,
  pollMs: number,
): Promise<StoredAnswer> {
  const until = Date.now() + waitMs;
  for (;;) {
    const row = await db.batchRequest.findUnique({ where: { shopId_key: { shopId, key } } });
    if (row && row.status !== PENDING)
      return { status: row.status, body: JSON.parse(row.response) as unknown, replayed: true };
    if (!row || Date.now() > until)
      return { status: 409, body: { error: "request_in_progress" }, replayed: true };
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
