/**
 * Order claims: the database fact "this order is franked or inside a running batch". The unique key
 * (shopId, orderId) makes a second claim fail, whichever process or request tries it.
 */
import type { Db } from "~/db.server";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Client = Db | Tx;

/** The reason an order cannot join a new batch, by order id (orders without a claim are missing). */
export async function claimedElsewhere(db: Client, shopId: string, orderIds: readonly string[]) {
  const claims = await db.frankingClaim.findMany({ where: { shopId, orderId: { in: [...orderIds] } } });
  if (claims.length === 0) return new Map<string, { batchId: string; reason: string }>();
  const bought = await db.voucher.findMany({
    where: { shopId, orderId: { in: claims.map((c) => c.orderId) } },
    select: { orderId: true },
  });
  const franked = new Set(bought.map((v) => v.orderId));
  return new Map(
    claims.map((c) => [
      c.orderId,
      { batchId: c.batchId, reason: franked.has(c.orderId) ? "already_franked" : "in_other_batch" },
    ]),
  );
}

/** Gives orders back: they were left out, or their purchase definitely did not happen. */
export async function releaseClaims(db: Client, batchId: string, orderIds: readonly string[]): Promise<void> {
  if (orderIds.length === 0) return;
  await db.frankingClaim.deleteMany({ where: { batchId, orderId: { in: [...orderIds] } } });
}

