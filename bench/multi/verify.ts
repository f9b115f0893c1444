/**
 * The multi-shop checks and figures: each shop's money and orders exactly once, and the percentiles of
 * the shops' times. Pure: the lower-bound test's neighbour in test/bench tests them.
 */
import type { z } from "zod";
import type { shopReportSchema } from "./protocol";

export interface ShopRun {
  domain: string;
  orders: number;
  status: string;
  labelsReadyMs: number;
  fulfilledMs: number;
  fulfilledOrders: number;
  voucherIds: string[];
  voucherCents: number;
  /** What Deutsche Post's and Shopify's simulators saw for this shop. */
  seen: z.infer<typeof shopReportSchema> | null;
}

export interface ShopOutcome {
  domain: string;
  labelsReadyMs: number;
  fulfilledMs: number;
  vouchers: number;
  problems: string[];
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** One voucher per order, the wallet debited exactly for the recorded vouchers, one fulfillment per order. */
export function verifyShops(runs: readonly ShopRun[]): ShopOutcome[] {
  return runs.map((run) => {
    const problems: string[] = [];
    if (run.status !== "DONE") problems.push(`batch ended ${run.status}`);
    if (run.fulfilledOrders !== run.orders)
      problems.push(`${run.fulfilledOrders} of ${run.orders} orders fulfilled`);
    if (run.voucherIds.length !== run.orders || new Set(run.voucherIds).size !== run.orders)
      problems.push(`${run.voucherIds.length} vouchers for ${run.orders} orders`);
    if (!run.seen) problems.push("the simulators do not know the shop");
    else {
      if (!sameSet(run.voucherIds, run.seen.voucherIds))
        problems.push("the Portokasse's vouchers differ from the recorded ones");
      if (run.seen.purchasedCents !== run.voucherCents)
        problems.push(`debited ${run.seen.purchasedCents} ct for vouchers worth ${run.voucherCents} ct`);
      if (run.seen.ordersWithOneFulfillment !== run.orders)
        problems.push(
          `${run.seen.ordersWithOneFulfillment} of ${run.orders} orders have one fulfillment and the tag in Shopify`,
        );
    }
    if (!Number.isFinite(run.labelsReadyMs)) problems.push("no label file was built");
    return {
      domain: run.domain,
      labelsReadyMs: run.labelsReadyMs,
      fulfilledMs: run.fulfilledMs,
      vouchers: run.voucherIds.length,
      problems,
    };
  });
}

/** The p-th percentile (nearest rank) of the values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? Number.NaN;
}

export interface Spread {
  p50: number;
  p95: number;
  max: number;
}

export const spread = (values: readonly number[]): Spread => ({
  p50: Math.round(percentile(values, 50)),
  p95: Math.round(percentile(values, 95)),
  max: Math.round(Math.max(...values)),
});
