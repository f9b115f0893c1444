/**
 * Prices checked again before a batch buys (Deutsche Post changes its prices, usually on 1 January; a cart
 * sent with the old total is refused with `invalidTotalAmount`). Before the first cart is sent, every
 * planned stamp is compared with the current price list (the Products API's, a shop's contract prices
 * first). Changed prices are written into the carts and orders; a batch that became dearer stops and waits
 * for the merchant to confirm the new total (`AWAITING_PRICE_CONFIRMATION`, old and new side by side in
 * `priceChange`); a cheaper one goes on. A confirmed batch is bought at the prices it was confirmed at.
 */
import { z } from "zod";
import type { FrankingBatch } from "~/generated/prisma/sqlite/client";
import type { Db } from "~/db.server";
import { parsePositions } from "./model";

export const AWAITING_PRICE_CONFIRMATION = "AWAITING_PRICE_CONFIRMATION";

export const priceChangeSchema = z.object({
  oldTotalCents: z.number().int(),
  newTotalCents: z.number().int(),
  lines: z.array(
    z.object({
      orderName: z.string(),
      productName: z.string(),
      oldCents: z.number().int(),
      newCents: z.number().int(),
    }),
  ),
});
export type PriceChange = z.infer<typeof priceChangeSchema>;

export type RepriceOutcome = "unchanged" | "cheaper" | "dearer";

/**
 * Compares the batch's planned stamps with `currentPrices` (cents by product code; codes missing there are
 * left as they are: the checkout then reports the unknown product). Only before anything was sent.
 */
export async function repriceBeforeBuying(
  db: Db,
  batch: FrankingBatch,
  currentPrices: ReadonlyMap<number, number>,
): Promise<RepriceOutcome> {
  const started = await db.frankingCart.count({
    where: { batchId: batch.id, state: { notIn: ["PLANNED", "NOT_BOUGHT"] } },
  });
  if (started > 0 || currentPrices.size === 0) return "unchanged";
  const carts = await db.frankingCart.findMany({
    where: { batchId: batch.id, state: "PLANNED" },
    orderBy: { sequence: "asc" },
  });
  const names = new Map(
    (
      await db.frankingOrder.findMany({ where: { batchId: batch.id }, select: { id: true, orderName: true } })
    ).map((o) => [o.id, o.orderName]),
  );
  const lines: PriceChange["lines"] = [];
  const updates = carts.map((cart) => {
    const positions = parsePositions(cart.positions).map((p) => {
      const newCents = currentPrices.get(p.productCode) ?? p.priceCents;
      if (newCents !== p.priceCents) {
        lines.push({
          orderName: names.get(p.batchOrderId) ?? p.orderId,
          productName: p.productName,
          oldCents: p.priceCents,
          newCents,
        });
      }
      return { ...p, priceCents: newCents };
    });
    return { cart, positions, totalCents: positions.reduce((sum, p) => sum + p.priceCents, 0) };
  });
  if (lines.length === 0) return "unchanged";

  const oldTotalCents = carts.reduce((sum, c) => sum + c.totalCents, 0);
  const newTotalCents = updates.reduce((sum, u) => sum + u.totalCents, 0);
  const dearer = newTotalCents > oldTotalCents;
  await db.$transaction(async (tx) => {
    for (const u of updates) {
      await tx.frankingCart.update({
        where: { id: u.cart.id },
        data: { positions: JSON.stringify(u.positions), totalCents: u.totalCents },
      });
      for (const p of u.positions)
        await tx.frankingOrder.update({ where: { id: p.batchOrderId }, data: { priceCents: p.priceCents } });
    }
    const change: PriceChange = { oldTotalCents, newTotalCents, lines };
    await tx.frankingBatch.update({
      where: { id: batch.id },
      data: {
        totalCents: batch.totalCents - oldTotalCents + newTotalCents,
        confirmedTotalCents: batch.confirmedTotalCents ?? batch.totalCents,
        priceChange: JSON.stringify(change),
        ...(dearer ? { status: AWAITING_PRICE_CONFIRMATION } : {}),
      },
    });
  });
  return dearer ? "dearer" : "cheaper";
}

/** The merchant confirmed the new total: the batch is queued again and bought at these prices. */
export async function confirmNewPrices(db: Db, input: { shopId: string; batchId: string }): Promise<boolean> {
  const batch = await db.frankingBatch.findFirst({
    where: { id: input.batchId, shopId: input.shopId, status: AWAITING_PRICE_CONFIRMATION },
  });
  if (!batch) return false;
  const updated = await db.frankingBatch.updateMany({
    where: { id: batch.id, status: AWAITING_PRICE_CONFIRMATION },
    data: { status: "QUEUED", confirmedTotalCents: batch.totalCents, leaseUntil: null },
  });
  return updated.count === 1;
}

export function parsePriceChange(json: string | null): PriceChange | null {
  if (json === null) return null;
  const parsed = priceChangeSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}
