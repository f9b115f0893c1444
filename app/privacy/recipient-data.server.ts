import type { Db } from "~/db.server";
import { parseAddress, parsePositions } from "~/franking/model";

/**
 * Recipient names and addresses the app keeps: the address binding of each franked order
 * (FrankingOrder.address), the address the app prints itself beside a franking-zone stamp
 * (FrankingOrder.labelAddress), the same inside the cart positions (FrankingCart.positions), and the label
 * and manifest files Deutsche Post printed them on (FrankingCart.labelBytes/manifestBytes). Everything
 * else about an order is bookkeeping (order name, product, price, voucher id, tracking number, dates)
 * and stays. See README, "Data the app keeps".
 */
export interface RecipientRecord {
  orderId: string;
  orderName: string;
  batchId: string;
  productName: string | null;
  priceCents: number | null;
  voucherId: string | null;
  trackId: string | null;
  receiver: unknown;
  /** The address lines the app prints beside a franking-zone stamp. */
  printedAddress: string[] | null;
  labelFileStored: boolean;
  manifestFileStored: boolean;
}

/** Everything held about the recipients of these orders of one shop (customers/data_request). */
export async function reportRecipients(
  db: Db,
  shopId: string,
  orderIds: string[],
): Promise<RecipientRecord[]> {
  if (orderIds.length === 0) return [];
  const orders = await db.frankingOrder.findMany({
    where: { shopId, orderId: { in: orderIds } },
    include: { voucher: true },
    orderBy: { createdAt: "asc" },
  });
  const cartIds = orders.map((o) => o.cartId).filter((id): id is string => id !== null);
  const carts = await db.frankingCart.findMany({
    where: { id: { in: cartIds } },
    select: { id: true, labelBytes: true, manifestBytes: true },
  });
  const cart = (id: string | null) => carts.find((c) => c.id === id);
  return orders.map((o) => ({
    orderId: o.orderId,
    orderName: o.orderName,
    batchId: o.batchId,
    productName: o.productName,
    priceCents: o.priceCents,
    voucherId: o.voucher?.voucherId ?? null,
    trackId: o.voucher?.trackId ?? null,
    receiver: parseAddress(o.address)?.receiver ?? null,
    printedAddress: o.labelAddress ? (JSON.parse(o.labelAddress) as string[]) : null,
    labelFileStored: (cart(o.cartId)?.labelBytes ?? null) !== null,
    manifestFileStored: (cart(o.cartId)?.manifestBytes ?? null) !== null,
  }));
}

/**
 * Blanks the recipient of the given batch orders everywhere: the order's address, its cart position's
 * address, and the cart's label and manifest files when they show it (ADDRESS_ZONE labels print the
 * address; the manifest lists registered letters). Dropped files are not fetched again from Deutsche
 * Post (filesRedactedAt, links cleared). Returns how many orders were blanked.
 */
export async function eraseRecipientsOf(db: Db, batchOrderIds: string[], now: Date): Promise<number> {
  if (batchOrderIds.length === 0) return 0;
  const orders = await db.frankingOrder.findMany({
    where: { id: { in: batchOrderIds } },
    select: { id: true, cartId: true, address: true, registered: true },
  });
  const cartIds = [...new Set(orders.map((o) => o.cartId).filter((id): id is string => id !== null))];
  await db.$transaction(async (tx) => {
    await tx.frankingOrder.updateMany({
      where: { id: { in: batchOrderIds } },
      data: { address: null, labelAddress: null },
    });
    for (const cart of await tx.frankingCart.findMany({
      where: { id: { in: cartIds } },
      select: { id: true, positions: true, createManifest: true },
    })) {
      const positions = parsePositions(cart.positions);
      const touched = positions.filter((p) => batchOrderIds.includes(p.batchOrderId));
      const labelShows = touched.some((p) => p.address !== null);
      const manifestShows = cart.createManifest && touched.some((p) => p.registered);
      const blanked = positions.map((p) =>
        batchOrderIds.includes(p.batchOrderId) ? { ...p, address: null } : p,
      );
      await tx.frankingCart.update({
        where: { id: cart.id },
        data: {
          positions: JSON.stringify(blanked),
          ...(labelShows ? { labelBytes: null, link: null } : {}),
          ...(manifestShows ? { manifestBytes: null, manifestLink: null } : {}),
          ...(labelShows || manifestShows ? { filesRedactedAt: now } : {}),
        },
        select: { id: true },
      });
    }
  });
  return orders.length;
}

/** customers/redact: the recipients of these Shopify orders of one shop. */
export async function eraseRecipients(
  db: Db,
  shopId: string,
  orderIds: string[],
  now: Date,
): Promise<number> {
  if (orderIds.length === 0) return 0;
  const orders = await db.frankingOrder.findMany({
    where: { shopId, orderId: { in: orderIds } },
    select: { id: true },
  });
  return eraseRecipientsOf(
    db,
    orders.map((o) => o.id),
    now,
  );
}

/** Batches that are finished: nothing is bought for them any more. */
const FINISHED = ["DONE", "INSUFFICIENT_FUNDS", "FAILED"];

/**
 * Retention: recipient data of batches finished more than `days` days ago is blanked; the batch and its
 * bookkeeping stay. 0 days: keep forever. Returns the batches purged.
 */
export async function purgeRecipientData(db: Db, days: number, now: Date): Promise<number> {
  if (days <= 0) return 0;
  const before = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const batches = await db.frankingBatch.findMany({
    where: { status: { in: FINISHED }, finishedAt: { lt: before }, recipientDataPurgedAt: null },
    select: { id: true },
  });
  for (const batch of batches) {
    const orders = await db.frankingOrder.findMany({ where: { batchId: batch.id }, select: { id: true } });
    await eraseRecipientsOf(
      db,
      orders.map((o) => o.id),
      now,
    );
    // A purged batch keeps no files at all: every label of it showed a recipient or is no longer needed.
    await db.frankingCart.updateMany({
      where: { batchId: batch.id },
      data: { labelBytes: null, manifestBytes: null, link: null, manifestLink: null, filesRedactedAt: now },
    });
    await db.frankingBatch.update({ where: { id: batch.id }, data: { recipientDataPurgedAt: now } });
  }
  return batches.length;
}
