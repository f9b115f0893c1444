/**
 * Filing refunds: for each voucher one Refund row (its voucherId is UNIQUE, so a voucher is filed once,
 * whoever asks and however often), and one PENDING Retoure request per cart, all in one transaction and
 * before anything is sent (a cart's request not sent yet is joined). Vouchers past the 14-day window are
 * recorded as not refundable at once.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "~/db.server";
import { withinWindow, type RefundSource } from "./model";
import { markOrdersChanged, transactionWithRetry, type Tx } from "./tx";

export interface FileRefundsInput {
  shopId: string;
  /** Deutsche Post voucher ids (Voucher.voucherId) of this shop. */
  voucherIds: readonly string[];
  source: RefundSource;
  now: Date;
}

export interface FiledRefunds {
  /** The refund of each requested voucher that exists in the shop, new or filed before, in request order. */
  refunds: Array<{ voucherId: string; refundId: string; created: boolean }>;
  /** Retoure requests created or joined by this call. */
  retoureIds: string[];
}

/**
 * A request for the same cart that was recorded but not sent yet takes the new vouchers too (several
 * orders of one cart cancelled one after the other go out as one Retoure). The join is a conditional
 * update on PENDING: it either happens before the sender's PENDING -> SENT fence (which then waits for
 * this transaction and reads the vouchers after it) or finds the request gone and a new one is made.
 */
async function joinUnsent(tx: Tx, shopId: string, cartId: string, cents: number): Promise<string | null> {
  const unsent = await tx.retoureRequest.findFirst({ where: { shopId, cartId, state: "PENDING", sentAt: null }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!unsent) return null;
  const joined = await tx.retoureRequest.updateMany({ where: { id: unsent.id, state: "PENDING" }, data: { requestedCents: { increment: cents } } });
  return joined.count === 1 ? unsent.id : null;
}

async function insert(tx: Tx, input: FileRefundsInput): Promise<FiledRefunds> {
  const { shopId, now, source } = input;
  const vouchers = await tx.voucher.findMany({
    where: { shopId, voucherId: { in: [...new Set(input.voucherIds)] } },
    include: { refund: { select: { id: true } } },
    orderBy: { voucherId: "asc" },
  });
  const fresh = vouchers.filter((v) => v.refund === null);
  const ids = new Map(vouchers.map((v) => [v.voucherId, v.refund?.id ?? randomUUID()]));
  const byCart = new Map<string, typeof fresh>();
  for (const voucher of fresh.filter((v) => withinWindow(v.boughtAt, now))) {
    byCart.set(voucher.cartId, [...(byCart.get(voucher.cartId) ?? []), voucher]);
  }
  const retoureIds: string[] = [];
  for (const [cartId, group] of byCart) {
    const requestedCents = group.reduce((sum, v) => sum + v.priceCents, 0);
    const joined = await joinUnsent(tx, shopId, cartId, requestedCents);
    const retoureId = joined ?? randomUUID();
    retoureIds.push(retoureId);
    if (!joined) await tx.retoureRequest.create({ data: { id: retoureId, shopId, cartId, requestedCents, nextCheckAt: now, createdAt: now } });
    await tx.refund.createMany({
      data: group.map((v) => ({ id: ids.get(v.voucherId) ?? randomUUID(), voucherId: v.voucherId, shopId, orderId: v.orderId, retoureId, source, priceCents: v.priceCents, createdAt: now })),
    });
  }
  const expired = fresh.filter((v) => !withinWindow(v.boughtAt, now));
  await tx.refund.createMany({
    data: expired.map((v) => ({
      id: ids.get(v.voucherId) ?? randomUUID(),
      voucherId: v.voucherId,
      shopId,
      orderId: v.orderId,
      source,
      state: "NOT_REFUNDED",
      reason: "window_expired",
      priceCents: v.priceCents,
      decidedAt: now,
      createdAt: now,
    })),
  });
  await markOrdersChanged(tx, shopId, fresh.map((v) => v.orderId), now);
  const freshIds = new Set(fresh.map((v) => v.voucherId));
  const refunds = input.voucherIds.flatMap((voucherId) => {
    const refundId = ids.get(voucherId);
    return refundId ? [{ voucherId, refundId, created: freshIds.has(voucherId) }] : [];
  });
  return { refunds: refunds.filter((r, i) => refunds.findIndex((o) => o.voucherId === r.voucherId) === i), retoureIds };
}

/** Files the refunds of these vouchers (those already filed are returned as they are). */
export async function fileRefunds(db: Db, input: FileRefundsInput): Promise<FiledRefunds> {
  if (input.voucherIds.length === 0) return { refunds: [], retoureIds: [] };
  return transactionWithRetry(db, (tx) => insert(tx, input));
}
