/**
 * From what one run measured (app process) and saw (simulators) to the benchmark's figures: phase times,
 * calls per order, memory, lower bounds, and a check that every order was franked exactly once.
 */
import { FRANKED_TAG } from "~/franking/confirm.server";
import { lowerBounds, type Bounds } from "./lower-bound";
import type { RunResult, SimReport } from "./protocol";
import { LATENCY, SHOPIFY_BUCKET } from "./scenario";

export interface Measured {
  result: RunResult;
  report: SimReport;
}

export interface RunFigures {
  /** Phase (a): confirm → every stamp bought and the merged label file built. */
  wallMs: number;
  /** Phase (b): confirm → every fulfillment, tag and metafield written. */
  fulfilledWallMs: number;
  /** Confirm alone: orders read, priced, claimed, batch created. */
  confirmMs: number;
  imCalls: number;
  imCallsUntilLabels: number;
  imCallsByEndpoint: Record<string, number>;
  shopifyCalls: number;
  shopifyCallsByOperation: Record<string, number>;
  shopifyThrottled: number;
  shopifyActualCost: number;
  shopifyRequestedCost: number;
  batches: number;
  carts: number;
  peakRssMb: number;
  maxRssMb: number;
  bounds: Bounds;
  problems: string[];
}

const MB = 1024 * 1024;
const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

/** `POST /app/shoppingcart/pdf`, with ids and download keys replaced, below the API base. */
function endpoint(method: string, path: string): string {
  const below = path.replace(/^\/post\/de\/(shipping\/im|information\/products)\/v1/, "");
  return `${method} ${below.replace(/\/downloads\/.*/, "/downloads/…").replace(/\/\d+$/, "/{id}")}`;
}

function tally(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Everything that must hold after a run: each order bought once, paid once, written to Shopify once. */
export function verify(n: number, { result, report }: Measured): string[] {
  const problems = [...result.problems];
  if (result.batchStatus !== "DONE") problems.push(`batch ended ${result.batchStatus}`);
  if (result.orders !== n || result.fulfilled !== n)
    problems.push(`${result.fulfilled} of ${n} orders fulfilled`);
  if (result.voucherIds.length !== n) problems.push(`${result.voucherIds.length} vouchers for ${n} orders`);
  if (!sameSet(result.voucherIds, report.wallet.voucherIds))
    problems.push("the wallet's vouchers differ from the recorded ones");
  if (report.wallet.purchasedCents !== result.voucherCents)
    problems.push("the wallet's debits differ from the recorded prices");
  if (!sameSet(result.cartRefs, report.wallet.purchaseRefs))
    problems.push("the wallet's purchases differ from the bought carts");
  const o = report.orders;
  if (o.withOneFulfillment !== n)
    problems.push(`${o.withOneFulfillment} of ${n} orders have exactly one fulfillment`);
  // New batches write no tag (FRANKED_TAG is empty, ADR 021): the metafield marks a franked order.
  const taggedWanted = FRANKED_TAG === "" ? 0 : n;
  if (o.tagged !== taggedWanted || o.withVoucherMetafield !== n)
    problems.push(`${o.tagged} tagged, ${o.withVoucherMetafield} with the voucher metafield, of ${n}`);
  if (o.trackingNumbers !== result.trackIds)
    problems.push(`${o.trackingNumbers} tracking numbers in Shopify for ${result.trackIds} Einschreiben`);
  if (!(result.labelFileBytes > 0)) problems.push("no merged label file");
  return problems;
}

export function figures(n: number, measured: Measured): RunFigures {
  const { result, report } = measured;
  const from = result.startedAtMs;
  const im = report.imRequests.filter((r) => r.atMs >= from);
  const shopify = report.shopifyCalls.filter((c) => c.atMs >= from);
  // Write-backs of earlier batches may interleave with the confirm's reads.
  // The confirm's reads: its freshness check of the preview's reads and the orders it reads in full.
  const confirmReads = shopify.filter(
    (c) => c.operationName?.startsWith("Preview") || c.operationName === "ConfirmOrdersUpdatedAt",
  );
  const bounds = lowerBounds(
    {
      confirmReads,
      allCalls: shopify,
      carts: result.lastBatchCarts,
      // The fulfillment orders the confirm saw are fulfilled without reading them first (ADR 021).
      writeBackSteps: shopify.some((c) => c.operationName?.startsWith("FrankingOrder")) ? 2 : 1,
    },
    { dpMs: LATENCY.internetmarkeMs, shopifyMs: LATENCY.shopifyMs, bucket: SHOPIFY_BUCKET },
  );
  return {
    wallMs: result.labelsReadyAtMs - from,
    fulfilledWallMs: result.fulfilledAtMs - from,
    confirmMs: result.confirmedAtMs - from,
    imCalls: im.length,
    imCallsUntilLabels: im.filter((r) => r.atMs <= result.labelsReadyAtMs).length,
    imCallsByEndpoint: tally(im.map((r) => endpoint(r.method, r.path))),
    shopifyCalls: shopify.length,
    shopifyCallsByOperation: tally(shopify.map((c) => c.operationName ?? "(anonymous)")),
    shopifyThrottled: shopify.filter((c) => c.throttled).length,
    shopifyActualCost: shopify.reduce((sum, c) => sum + c.actualCost, 0),
    shopifyRequestedCost: shopify.reduce((sum, c) => sum + c.requestedCost, 0),
    batches: result.batches,
    carts: result.carts,
    peakRssMb: round(result.peakRssBytes / MB, 1),
    maxRssMb: round(result.maxRssBytes / MB, 1),
    bounds,
    problems: verify(n, measured),
  };
}

export interface Targets {
  imCallsPerOrder: boolean;
  tenTimesFaster: boolean | null;
  withinOneAndAHalfLowerBounds: boolean;
  peakRssUnder300Mb: boolean;
}

/** One line of `--json`: the required keys first, then the details. */
export function jsonLine(n: number, database: string, batched: RunFigures, perOrder: RunFigures | null) {
  const perOrderCartWallMs = perOrder ? perOrder.wallMs : null;
  const speedup = perOrderCartWallMs === null ? null : round(perOrderCartWallMs / batched.wallMs, 1);
  const targets: Targets = {
    imCallsPerOrder: batched.imCalls / n <= 0.05,
    tenTimesFaster: speedup === null ? null : speedup >= 10,
    withinOneAndAHalfLowerBounds: batched.wallMs <= 1.5 * batched.bounds.labelsReadyMs,
    peakRssUnder300Mb: Math.max(batched.peakRssMb, batched.maxRssMb) < 300,
  };
  return {
    n,
    wallMs: Math.round(batched.wallMs),
    imCallsPerOrder: round(batched.imCalls / n, 4),
    shopifyCallsPerOrder: round(batched.shopifyCalls / n, 3),
    peakRssMb: batched.peakRssMb,
    perOrderCartWallMs,
    lowerBoundMs: Math.round(batched.bounds.labelsReadyMs),
    fulfilledWallMs: Math.round(batched.fulfilledWallMs),
    fulfilledLowerBoundMs: Math.round(batched.bounds.fulfilledMs),
    perOrderCartFulfilledWallMs: perOrder ? Math.round(perOrder.fulfilledWallMs) : null,
    database,
    speedup,
    wallToLowerBound: round(batched.wallMs / batched.bounds.labelsReadyMs, 2),
    fulfilledToLowerBound: round(batched.fulfilledWallMs / batched.bounds.fulfilledMs, 2),
    confirmMs: Math.round(batched.confirmMs),
    purchaseMs: Math.round(batched.wallMs - batched.confirmMs),
    perOrderCartPurchaseMs: perOrder ? Math.round(perOrder.wallMs - perOrder.confirmMs) : null,
    purchaseSpeedup: perOrder
      ? round((perOrder.wallMs - perOrder.confirmMs) / (batched.wallMs - batched.confirmMs), 1)
      : null,
    confirmReadsLowerBoundMs: Math.round(batched.bounds.readsMs),
    fulfilledBoundBy:
      batched.bounds.throttleMs >= batched.bounds.fulfilledChainMs ? "shopify-throttle" : "call-chain",
    maxRssMb: batched.maxRssMb,
    batches: batched.batches,
    carts: batched.carts,
    imCalls: batched.imCalls,
    imCallsByEndpoint: batched.imCallsByEndpoint,
    shopifyCalls: batched.shopifyCalls,
    shopifyCallsByOperation: batched.shopifyCallsByOperation,
    shopifyThrottled: batched.shopifyThrottled,
    shopifyActualCost: batched.shopifyActualCost,
    shopifyRequestedCost: batched.shopifyRequestedCost,
    perOrderCartImCallsPerOrder: perOrder ? round(perOrder.imCalls / n, 3) : null,
    perOrderCartShopifyCallsPerOrder: perOrder ? round(perOrder.shopifyCalls / n, 3) : null,
    perOrderCartPeakRssMb: perOrder ? perOrder.peakRssMb : null,
    targets,
    verified: batched.problems.length === 0 && (perOrder === null || perOrder.problems.length === 0),
    problems: [...batched.problems, ...(perOrder?.problems.map((p) => `one cart per order: ${p}`) ?? [])],
  };
}

export type JsonLine = ReturnType<typeof jsonLine>;
