/**
 * Settling a top-up whose answer was lost, by reading the balance (there is no idempotency key and no way
 * to look a top-up up). The balance is compared with the one read just before sending, corrected by what
 * the app itself bought and had refunded since:
 *
 * - balance >= before + amount - bought + refunded: the money arrived (DONE);
 * - balance <= before - bought + refunded, and `NOT_BOOKED_AFTER_MS` have passed: it did not (NOT_BOOKED;
 *   the merchant may send a new one);
 * - otherwise it stays SENT ("unclear") and nothing is sent until it is settled.
 *
 * Purchases made elsewhere with the same Portokasse at the same time can hide a booked top-up; the answer
 * is then "unclear", never "not booked" while the balance shows more than before.
 */
import type { PortokasseTopUp } from "~/generated/prisma/sqlite/client";
import type { Db } from "~/db.server";
import type { Portokasse } from "~/internetmarke";
import type { TopUpProblem, TopUpState } from "./model";

/** Wait this long after sending before concluding from an unchanged balance that nothing was booked. */
export const NOT_BOOKED_AFTER_MS = 2 * 60_000;

export interface Settled {
  id: string;
  state: TopUpState;
  amountCents: number;
  balanceCents: number;
  problem: TopUpProblem | null;
  createdAt: Date;
}

async function movedSince(db: Db, shopId: string, since: Date): Promise<number> {
  const bought = await db.voucher.aggregate({
    where: { shopId, createdAt: { gte: since } },
    _sum: { priceCents: true },
  });
  const refunded = await db.refund.aggregate({
    where: { shopId, decidedAt: { gte: since } },
    _sum: { refundedCents: true },
  });
  return (refunded._sum.refundedCents ?? 0) - (bought._sum.priceCents ?? 0);
}

export async function reconcileTopUp(
  db: Db,
  kasse: Portokasse,
  row: PortokasseTopUp,
  now: Date,
): Promise<Settled> {
  const { walletBalanceCents: balance } = await kasse.login();
  const base = { id: row.id, amountCents: row.amountCents, createdAt: row.createdAt };
  if (balance === null)
    return { ...base, state: "SENT", balanceCents: row.balanceBeforeCents, problem: "unclear" };
  await db.portokasseAccount.update({
    where: { shopId: row.shopId },
    data: { balanceCents: balance, balanceCheckedAt: now },
  });
  const expectedWithout = row.balanceBeforeCents + (await movedSince(db, row.shopId, row.createdAt));
  if (balance >= expectedWithout + row.amountCents) {
    await db.portokasseTopUp.updateMany({
      where: { id: row.id, state: "SENT" },
      data: { state: "DONE", balanceAfterCents: balance, problem: null, settledAt: now },
    });
    return { ...base, state: "DONE", balanceCents: balance, problem: null };
  }
  if (balance <= expectedWithout && now.getTime() - row.createdAt.getTime() >= NOT_BOOKED_AFTER_MS) {
    await db.portokasseTopUp.updateMany({
      where: { id: row.id, state: "SENT" },
      data: { state: "NOT_BOOKED", balanceAfterCents: balance, problem: "not-booked", settledAt: now },
    });
    return { ...base, state: "NOT_BOOKED", balanceCents: balance, problem: "not-booked" };
  }
  return { ...base, state: "SENT", balanceCents: balance, problem: "unclear" };
}
