/** The readable output of `npm run bench`: one column per N, the targets, and how the bounds are made. */
import type { JsonLine } from "./summary";
import { LATENCY, SHOPIFY_BUCKET } from "./scenario";

const seconds = (ms: number | null) => (ms === null ? "–" : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);
const mark = (ok: boolean | null) => (ok === null ? "not measured" : ok ? "met" : "NOT met");

export function table(lines: readonly JsonLine[], header: string): string {
  const rows: Array<[string, (l: JsonLine) => string]> = [
    ["(a) confirm → stamps bought, label file ready", () => ""],
    ["    measured", (l) => seconds(l.wallMs)],
    ["    lower bound", (l) => seconds(l.lowerBoundMs)],
    ["    measured / lower bound", (l) => `${l.wallToLowerBound.toFixed(2)}×`],
    ["    one cart per order", (l) => seconds(l.perOrderCartWallMs)],
    ["    speed-up over one cart per order", (l) => (l.speedup === null ? "–" : `${l.speedup}×`)],
    ["    of which confirm (orders read, priced)", (l) => seconds(l.confirmMs)],
    [
      "    after confirm: batched / one cart per order",
      (l) => `${seconds(l.purchaseMs)} / ${seconds(l.perOrderCartPurchaseMs)}`,
    ],
    ["    speed-up after confirm", (l) => (l.purchaseSpeedup === null ? "–" : `${l.purchaseSpeedup}×`)],
    ["(b) confirm → all written to Shopify", () => ""],
    ["    measured", (l) => seconds(l.fulfilledWallMs)],
    ["    lower bound", (l) => `${seconds(l.fulfilledLowerBoundMs)} (${l.fulfilledBoundBy})`],
    ["    measured / lower bound", (l) => `${l.fulfilledToLowerBound.toFixed(2)}×`],
    ["    one cart per order", (l) => seconds(l.perOrderCartFulfilledWallMs)],
    ["Deutsche Post calls per order", (l) => `${l.imCallsPerOrder} (${l.imCalls} calls)`],
    ["batches (≤ 250 orders each) / carts", (l) => `${l.batches} / ${l.carts}`],
    [
      "    one cart per order",
      (l) => (l.perOrderCartImCallsPerOrder === null ? "–" : String(l.perOrderCartImCallsPerOrder)),
    ],
    [
      "Shopify calls per order",
      (l) => `${l.shopifyCallsPerOrder} (${l.shopifyCalls} calls, ${l.shopifyThrottled} throttled)`,
    ],
    ["Shopify cost: actual / requested", (l) => `${l.shopifyActualCost} / ${l.shopifyRequestedCost}`],
    ["peak RSS: sampled / kernel high-water", (l) => `${l.peakRssMb} / ${l.maxRssMb} MB`],
    ["every order franked once, paid once, fulfilled once", (l) => (l.verified ? "yes" : "NO (below)")],
  ];
  const heads = lines.map((l) => `N = ${l.n}`);
  const cells = rows.map(([label, cell]) => [label, ...lines.map(cell)]);
  const widths = [0, ...lines.map((_, i) => i + 1)].map((col) =>
    Math.max(col === 0 ? 0 : (heads[col - 1]?.length ?? 0), ...cells.map((r) => r[col]?.length ?? 0)),
  );
  const pad = (row: string[]) =>
    row
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[col] ?? 0)))
      .join("   ");
  const out = [header, "", pad(["", ...heads]), ...cells.map(pad), ""];

  for (const l of lines.filter((line) => !line.verified))
    out.push(`N = ${l.n} FAILED verification: ${l.problems.join("; ")}`, "");
  const at250 = lines.find((l) => l.n === 250);
  const at1000 = lines.find((l) => l.n === 1000);
  out.push(
    'Targets (issue "Frank orders", item 6) apply to phase (a); phase (b) is reported with its own bound:',
  );
  if (at250) {
    out.push(
      `  N = 250: at most 0.05 Deutsche Post calls per order: ${at250.imCallsPerOrder} – ${mark(at250.targets.imCallsPerOrder)}`,
    );
    out.push(
      `  N = 250: at least 10× faster than one cart per order: ${at250.speedup ?? "–"}× – ${mark(at250.targets.tenTimesFaster)}`,
    );
    out.push(
      `  N = 250: within 1.5× the lower bound: ${at250.wallToLowerBound}× – ${mark(at250.targets.withinOneAndAHalfLowerBounds)}`,
    );
  } else out.push("  (N = 250 not run)");
  if (at1000)
    out.push(
      `  N = 1000: peak RSS under 300 MB: ${Math.max(at1000.peakRssMb, at1000.maxRssMb)} MB – ${mark(at1000.targets.peakRssUnder300Mb)}`,
    );
  else out.push("  (N = 1000 not run)");
  out.push(
    "",
    `Lower bounds (latency model: Deutsche Post ${LATENCY.internetmarkeMs} ms per call, Shopify ${LATENCY.shopifyMs} ms per call, bucket B = ${SHOPIFY_BUCKET.maximumAvailable} points refilled at R = ${SHOPIFY_BUCKET.restoreRate}/s):`,
    "  throttle(calls) = (Σ actual cost + min(requested − actual) − B) / R: Shopify charges the requested cost up front and",
    "                    refunds the unused part, so the last call can leave only when the bucket has refilled that far.",
    "  reads = max(confirm's queries × 80 ms, throttle(confirm's queries) + 80 ms)       (the orders are read one query after another)",
    "  (a)   = reads + (login + carts × (initCart + checkout) + label download) × 150 ms  (the chain ADR 004 fixes;",
    "          carts of the last batch: earlier batches can be bought while later ones are read)",
    "  (b)   = max(reads + (login + carts × 2) × 150 ms + ([read fulfillment orders +] fulfill) × 80 ms,",
    "             throttle(every Shopify call of the run) + 80 ms)",
    "  CPU and database time count as zero: a bound, not a prediction. Costs are those of this run's calls, so the bound says",
    "  how close the pipeline comes to what its own queries allow, not that the queries are minimal.",
  );
  return out.join("\n");
}
