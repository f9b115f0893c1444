/**
 * What a batch page adds for money matters: new prices to confirm (old and new side by side), and for a
 * batch stopped for lack of money the top-up and the one-click resume of the orders it did not buy.
 */
import type { Db } from "~/db.server";
import { confirmNewPrices, parsePriceChange, type PriceChange } from "~/franking/reprice.server";
import { startBatch } from "~/franking/start-batch.server";
import { kickFrankingWorkers } from "~/franking/worker.server";
import { loadPortokasse } from "~/portokasse/connection.server";
import type { PageDeps } from "~/settings/pages.server";
import type { AdminGraphql } from "~/shopify/graphql.server";
import { shopFor } from "~/shops.server";
import { recentTopUps, type TopUpRowJson } from "./page.server";

export interface BatchMoneyJson {
  priceChange: PriceChange | null;
  /** Set for a batch stopped for lack of money while the Portokasse is linked. */
  topUp: { username: string; missingCents: number | null; topUps: TopUpRowJson[]; resumable: number } | null;
}

/** Orders a batch did not buy because the money ran out (their claims were released). */
const unboughtForMoney = (db: Db, batchId: string) =>
  db.frankingOrder.findMany({
    where: { batchId, status: "FAILED", error: "insufficient_balance" },
    select: { orderId: true },
  });

export async function batchMoney(
  deps: PageDeps,
  shopDomain: string,
  batchId: string,
): Promise<BatchMoneyJson> {
  const shop = await shopFor(deps.db, shopDomain);
  const batch = await deps.db.frankingBatch.findFirst({ where: { id: batchId, shopId: shop.id } });
  if (!batch) return { priceChange: null, topUp: null };
  const awaiting = batch.status === "AWAITING_PRICE_CONFIRMATION";
  const kasse = batch.status === "INSUFFICIENT_FUNDS" ? await loadPortokasse(deps.db, shop.id) : null;
  return {
    priceChange: awaiting ? parsePriceChange(batch.priceChange) : null,
    topUp: kasse
      ? {
          username: kasse.username,
          missingCents: batch.missingCents,
          topUps: await recentTopUps(deps, shop.id),
          resumable: (await unboughtForMoney(deps.db, batch.id)).length,
        }
      : null,
  };
}

export async function confirmBatchPrices(
  deps: PageDeps,
  shopDomain: string,
  batchId: string,
): Promise<boolean> {
  const shop = await shopFor(deps.db, shopDomain);
  const confirmed = await confirmNewPrices(deps.db, { shopId: shop.id, batchId });
  if (confirmed) kickFrankingWorkers();
  return confirmed;
}

/** One click after a top-up: a new batch (same label format) with the orders the stopped batch did not buy. */
export async function resumeStoppedBatch(
  deps: PageDeps,
  admin: AdminGraphql,
  shopDomain: string,
  batchId: string,
) {
  const shop = await shopFor(deps.db, shopDomain);
  const batch = await deps.db.frankingBatch.findFirst({
    where: { id: batchId, shopId: shop.id, status: "INSUFFICIENT_FUNDS" },
  });
  const orders = batch ? await unboughtForMoney(deps.db, batch.id) : [];
  if (!batch || orders.length === 0) return { ok: false as const, problem: "nothing_to_resume" };
  const labelFormat = batch.labelFormat === "PNG" ? "PNG" : "PDF";
  return startBatch(admin, shopDomain, {
    orderIds: orders.map((o) => o.orderId),
    labelFormat,
    startPosition: 1,
  });
}
