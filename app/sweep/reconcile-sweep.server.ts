import type { Db } from "~/db.server";
import { parsePositions } from "~/franking/model";
import type { RetrievedCart } from "~/internetmarke";

/**
 * The reconciliation sweep (issue 11): carts decided NOT_BOUGHT in the last 14 days whose checkout was
 * sent are asked about again with `GET /app/shoppingcart/{shopOrderId}` (retrieveCart, which never
 * charges). A cart Deutsche Post does know was bought after all (an earlier reconciliation saw a 404
 * too early): its vouchers are recorded, its orders flagged for the merchant (FrankingOrder.sweepFinding)
 * and the finding logged. The sweep only reads at Deutsche Post; it never buys.
 */
export const SWEEP_DAYS = 14;

export interface SweepDeps {
  db: Db;
  now: () => Date;
  /** The shop's Portokasse (only retrieveCart is used), or null when none is linked. */
  kasseFor: (shopId: string) => Promise<{ retrieveCart(shopOrderId: string): Promise<RetrievedCart> } | null>;
  log: (line: string) => void;
}

export interface SweepResult {
  checked: number;
  found: number;
  vouchersRecorded: number;
  skipped: number;
}

export interface SweepFinding {
  finding: "voucher_found" | "second_voucher_found";
  voucherId: string;
  cartId: string;
  foundAt: string;
}

export async function sweepNotBoughtCarts(
  deps: SweepDeps,
  options: { shopId?: string } = {},
): Promise<SweepResult> {
  const now = deps.now();
  const since = new Date(now.getTime() - SWEEP_DAYS * 24 * 60 * 60 * 1000);
  const carts = await deps.db.frankingCart.findMany({
    where: {
      state: "NOT_BOUGHT",
      shopOrderId: { not: null },
      checkoutSentAt: { not: null },
      updatedAt: { gte: since },
      ...(options.shopId ? { batch: { shopId: options.shopId } } : {}),
    },
    include: { batch: { select: { shopId: true } } },
    orderBy: { updatedAt: "asc" },
  });
  const result: SweepResult = { checked: 0, found: 0, vouchersRecorded: 0, skipped: 0 };
  for (const cart of carts) {
    const kasse = await deps.kasseFor(cart.batch.shopId);
    if (!kasse || cart.shopOrderId === null) {
      result.skipped += 1;
      continue;
    }
    const found = await kasse.retrieveCart(cart.shopOrderId);
    result.checked += 1;
    if (!found.bought) {
      await deps.db.frankingCart.update({ where: { id: cart.id }, data: { sweptAt: now } });
      continue;
    }
    result.found += 1;
    result.vouchersRecorded += await recordFound(
      deps.db,
      cart.id,
      cart.batchId,
      cart.batch.shopId,
      cart.positions,
      found.cart.vouchers,
      now,
    );
    deps.log(
      `Reconciliation sweep: cart ${cart.id} (shopOrderId ${cart.shopOrderId}) was marked not bought, but Deutsche Post has ${found.cart.vouchers.length} voucher(s) for it; recorded and flagged for the merchant.`,
    );
  }
  return result;
}

async function recordFound(
  db: Db,
  cartId: string,
  batchId: string,
  shopId: string,
  positionsJson: string,
  vouchers: { voucherId: string; trackId: string | null }[],
  now: Date,
): Promise<number> {
  const positions = parsePositions(positionsJson);
  let recorded = 0;
  await db.$transaction(async (tx) => {
    for (const [i, voucher] of vouchers.entries()) {
      const position = positions[i];
      if (!position) continue;
      if (await tx.voucher.findUnique({ where: { voucherId: voucher.voucherId } })) continue;
      const hasOne = await tx.voucher.findUnique({ where: { batchOrderId: position.batchOrderId } });
      const finding: SweepFinding = {
        finding: hasOne ? "second_voucher_found" : "voucher_found",
        voucherId: voucher.voucherId,
        cartId,
        foundAt: now.toISOString(),
      };
      // The order already has a stamp from the cart it was moved to: the found one is a second purchase.
      // It cannot be a second Voucher of that order; the finding keeps its id for the merchant (Retoure).
      if (!hasOne) {
        await tx.voucher.create({
          data: {
            voucherId: voucher.voucherId,
            trackId: voucher.trackId,
            shopId,
            batchId,
            cartId,
            batchOrderId: position.batchOrderId,
            orderId: position.orderId,
            productCode: position.productCode,
            productName: position.productName,
            priceCents: position.priceCents,
            boughtAt: now,
          },
        });
        recorded += 1;
      }
      await tx.frankingOrder.update({
        where: { id: position.batchOrderId },
        data: { sweepFinding: JSON.stringify(finding) },
      });
    }
    await tx.frankingCart.update({
      where: { id: cartId },
      data: { sweptAt: now, error: "bought_found_by_sweep" },
    });
  });
  return recorded;
}
