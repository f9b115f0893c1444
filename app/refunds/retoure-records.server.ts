/**
 * The Retoure request's transitions in the database. Each one is a conditional update naming the lease
 * token (and, where it matters, the state it starts from), so only the worker holding the request moves it.
 */
import type { RetoureRequest } from "~/generated/prisma/sqlite/client";
import { RefundLeaseLostError, type RefundContext, type ShopRef } from "./context";
import { backoffMs, toRetoureState, type RetoureStateName } from "./model";
import { markOrdersChanged, type Tx } from "./tx";

export type LoadedRequest = RetoureRequest & { shop: ShopRef };

export async function moveRequest(
  db: Tx,
  req: { id: string },
  token: string,
  from: readonly RetoureStateName[],
  data: Record<string, unknown>,
): Promise<void> {
  const moved = await db.retoureRequest.updateMany({ where: { id: req.id, leaseOwner: token, state: { in: [...from] } }, data });
  if (moved.count !== 1) throw new RefundLeaseLostError(`Retoure request ${req.id}`);
}

/** Look again after a failure that changed nothing (no Portokasse, login refused, rate limited, ...). */
export async function retryLater(ctx: RefundContext, req: LoadedRequest, token: string, error: string, minDelayMs = 0): Promise<void> {
  const attempts = req.attempts + 1;
  const delay = Math.max(minDelayMs, backoffMs(attempts, ctx.timings.retryBaseMs, ctx.timings.retryMaxMs));
  await moveRequest(ctx.db, req, token, [toRetoureState(req.state)], {
    attempts,
    lastError: error.slice(0, 500),
    nextCheckAt: new Date(ctx.now().getTime() + delay),
  });
}

/** The request's refunds that are not decided yet, with what the decision needs. */
export async function openRefunds(db: Tx, retoureId: string) {
  return db.refund.findMany({
    where: { retoureId, state: "PENDING" },
    include: { voucher: { select: { boughtAt: true, trackId: true } } },
    orderBy: { voucherId: "asc" },
  });
}

/** Decides refunds that never reach Deutsche Post (too old, or the request was refused outright). */
export async function decideUnsent(
  tx: Tx,
  req: { id: string; shopId: string },
  refunds: ReadonlyArray<{ id: string; orderId: string }>,
  reason: string,
  now: Date,
): Promise<void> {
  if (refunds.length === 0) return;
  await tx.refund.updateMany({
    where: { id: { in: refunds.map((r) => r.id) }, retoureId: req.id, state: "PENDING" },
    data: { state: "NOT_REFUNDED", reason, decidedAt: now },
  });
  await markOrdersChanged(tx, req.shopId, refunds.map((r) => r.orderId), now);
}
