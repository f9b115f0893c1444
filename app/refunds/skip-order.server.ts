/**
 * A cancelled order that a running batch has not bought yet is left out: its FrankingOrder becomes
 * SKIPPED (reason "cancelled") and its claim is released, but only while its cart was not sent. The
 * pipeline leaves SKIPPED orders out of carts it has not sent yet; if the checkout went out anyway, the
 * stamp is recorded as bought and the cancellation job refunds it.
 */
import type { Db } from "~/db.server";

/** The preview's reason code for a cancelled order (messages `reason.cancelled`). */
export const CANCELLED_REASON = "cancelled";
const NOT_SENT = ["PLANNED", "INITIALIZED"];

export async function skipUnboughtOrder(db: Db, shopId: string, orderId: string, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const queued = await tx.frankingOrder.findMany({
      where: { shopId, orderId, status: "QUEUED", voucher: null, batch: { status: { in: ["QUEUED", "RUNNING"] } } },
      select: { id: true, batchId: true, cartId: true },
    });
    const cartIds = queued.flatMap((o) => (o.cartId ? [o.cartId] : []));
    const unsent = new Set(
      (await tx.frankingCart.findMany({ where: { id: { in: cartIds }, state: { in: NOT_SENT } }, select: { id: true } })).map((c) => c.id),
    );
    let skipped = 0;
    for (const order of queued.filter((o) => o.cartId === null || unsent.has(o.cartId))) {
      const moved = await tx.frankingOrder.updateMany({
        where: { id: order.id, status: "QUEUED" },
        data: { status: "SKIPPED", reason: CANCELLED_REASON, updatedAt: now },
      });
      if (moved.count === 0) continue;
      skipped++;
      await tx.frankingClaim.deleteMany({ where: { shopId, orderId, batchId: order.batchId } });
    }
    return skipped;
  });
}
