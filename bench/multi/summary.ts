/**
 * From a single-shop and a multi-shop measurement (same processes and settings, one run) to the
 * scenario's JSON object and its table line: per-shop spreads, the ratios the targets judge, throughput,
 * connections, memory and whether every shop's money holds.
 */
import { availableParallelism, loadavg } from "node:os";
import type { MultiMeasured, MultiScenario } from "./orchestrate";
import { spread, type Spread } from "./verify";

const MB = 1024 * 1024;

export interface MultiLine {
  scenario: "multi-shop";
  database: "postgresql";
  shops: number;
  ordersPerShop: number;
  processes: number;
  concurrency: number;
  batchesPerShop: number;
  poolMax: number;
  /** Each merchant saw the preview on the process that took the click (false: `--cold-confirm`). */
  previewFirst: boolean;
  labelsReadyMs: Spread;
  fulfilledMs: Spread;
  singleShop: { labelsReadyMs: number; fulfilledMs: number };
  /** p95 over the single shop's time: the targets are ≤ 2 (labels) and ≤ 1.5 (fulfilled). */
  labelsReadyP95Ratio: number;
  fulfilledP95Ratio: number;
  ordersPerSecond: number;
  peakDbConnections: number;
  dbConnectionLimit: number;
  peakRssMbPerProcess: number[];
  /** CPU seconds of the app processes and of the simulators (what the 2 cores spent where). */
  cpuSecondsPerProcess: number[];
  simulatorsCpuSeconds: number;
  /**
   * The CPU the whole multi-shop run spent (app processes and simulators) spread over this machine's
   * cores: no schedule finishes every shop sooner on this machine. Where it exceeds the single-shop
   * time × the target ratio, the target cannot be met here, whatever the scheduling.
   */
  cpuFloorMs: number;
  cores: number;
  /**
   * The timed window alone (the clicks to the last batch's end), from Linux's /proc: how busy the machine
   * was and who spent it. Near 100 % busy, the shops waited for CPU, not for each other. Null elsewhere.
   */
  window: {
    wallSeconds: number;
    machineBusyPercent: number;
    appsCpuSeconds: number;
    /** The app processes' CPU per order: what production pays per order, simulators aside. */
    appCpuMsPerOrder: number;
    simulatorsCpuSeconds: number;
    /** PostgreSQL, the orchestrator and anything else running then. */
    otherCpuSeconds: number;
  } | null;
  /** The 1-minute load average when the run ended: other work on the machine slows every figure. */
  loadAverage: number;
  doublePurchases: number;
  verified: boolean;
  problems: string[];
  targets: {
    labelsReady: boolean;
    fulfilled: boolean;
    memory: boolean;
    connections: boolean;
    money: boolean;
  };
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function multiLine(scenario: MultiScenario, single: MultiMeasured, multi: MultiMeasured): MultiLine {
  const singleShop = single.shops[0];
  if (!singleShop) throw new Error("the single-shop run has no shop");
  const labelsReadyMs = spread(multi.shops.map((s) => s.labelsReadyMs));
  const fulfilledMs = spread(multi.shops.map((s) => s.fulfilledMs));
  const problems = [
    ...single.problems,
    ...multi.problems,
    ...[...single.shops, ...multi.shops].flatMap((s) => s.problems.map((p) => `${s.domain}: ${p}`)),
  ];
  const doublePurchases = multi.shops.reduce((sum, s) => sum + Math.max(0, s.vouchers - scenario.orders), 0);
  const peakRssMbPerProcess = multi.peakRssBytesPerProcess.map((b) => round(b / MB, 1));
  const dbConnectionLimit = scenario.processes * scenario.poolMax;
  const peakDbConnections = Math.max(single.peakConnections, multi.peakConnections);
  const line: Omit<MultiLine, "targets"> = {
    scenario: "multi-shop",
    database: "postgresql",
    shops: scenario.shops,
    ordersPerShop: scenario.orders,
    processes: scenario.processes,
    concurrency: scenario.concurrency,
    batchesPerShop: scenario.perShop,
    poolMax: scenario.poolMax,
    previewFirst: scenario.previewFirst,
    labelsReadyMs,
    fulfilledMs,
    singleShop: {
      labelsReadyMs: Math.round(singleShop.labelsReadyMs),
      fulfilledMs: Math.round(singleShop.fulfilledMs),
    },
    labelsReadyP95Ratio: round(labelsReadyMs.p95 / singleShop.labelsReadyMs),
    fulfilledP95Ratio: round(fulfilledMs.p95 / singleShop.fulfilledMs),
    ordersPerSecond: round(
      (scenario.shops * scenario.orders) / ((multi.finishedAtMs - multi.startedAtMs) / 1000),
      1,
    ),
    peakDbConnections,
    dbConnectionLimit,
    peakRssMbPerProcess,
    cpuSecondsPerProcess: multi.cpuMsPerProcess.map((ms) => round(ms / 1000, 1)),
    simulatorsCpuSeconds: round(multi.simulatorsCpuMs / 1000, 1),
    cpuFloorMs: Math.round(
      (multi.cpuMsPerProcess.reduce((sum, ms) => sum + ms, 0) + multi.simulatorsCpuMs) /
        availableParallelism(),
    ),
    cores: availableParallelism(),
    window: multi.window && {
      wallSeconds: round(multi.window.wallMs / 1000, 1),
      machineBusyPercent: Math.round(
        (100 * multi.window.machineBusyMs) / (multi.window.wallMs * availableParallelism()),
      ),
      appsCpuSeconds: round(multi.window.appsCpuMs / 1000, 1),
      appCpuMsPerOrder: round(multi.window.appsCpuMs / (scenario.shops * scenario.orders), 1),
      simulatorsCpuSeconds: round(multi.window.simulatorsCpuMs / 1000, 1),
      otherCpuSeconds: round(
        Math.max(0, multi.window.machineBusyMs - multi.window.appsCpuMs - multi.window.simulatorsCpuMs) /
          1000,
        1,
      ),
    },
    loadAverage: round(loadavg()[0] ?? 0, 1),
    doublePurchases,
    verified: problems.length === 0,
    problems: problems.slice(0, 20),
  };
  return {
    ...line,
    targets: {
      labelsReady: line.labelsReadyP95Ratio <= 2,
      fulfilled: line.fulfilledP95Ratio <= 1.5,
      memory: peakRssMbPerProcess.every((mb) => mb < 300),
      connections: peakDbConnections <= dbConnectionLimit,
      money: doublePurchases === 0 && line.verified,
    },
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function multiTable(line: MultiLine): string {
  const mark = (ok: boolean) => (ok ? "✓" : "✗");
  return [
    `Multi-shop: ${line.shops} shops × ${line.ordersPerShop} orders on ${line.processes} processes (PostgreSQL; ${line.concurrency} batches a process, ${line.batchesPerShop} a shop, pool ${line.poolMax}; ${line.previewFirst ? "preview first" : "cold confirm: no preview"})`,
    `  labels ready   p50 ${s(line.labelsReadyMs.p50)}  p95 ${s(line.labelsReadyMs.p95)}  max ${s(line.labelsReadyMs.max)}  single shop ${s(line.singleShop.labelsReadyMs)}  p95/single ${line.labelsReadyP95Ratio} ${mark(line.targets.labelsReady)} (≤ 2)`,
    `  all fulfilled  p50 ${s(line.fulfilledMs.p50)}  p95 ${s(line.fulfilledMs.p95)}  max ${s(line.fulfilledMs.max)}  single shop ${s(line.singleShop.fulfilledMs)}  p95/single ${line.fulfilledP95Ratio} ${mark(line.targets.fulfilled)} (≤ 1.5)`,
    `  ${line.ordersPerSecond} orders/s · DB connections peak ${line.peakDbConnections} of ${line.dbConnectionLimit} ${mark(line.targets.connections)} · peak RSS per process ${line.peakRssMbPerProcess.join(", ")} MB ${mark(line.targets.memory)} (< 300)`,
    `  CPU: app processes ${line.cpuSecondsPerProcess.join(", ")} s, simulators ${line.simulatorsCpuSeconds} s · floor on ${line.cores} cores ${s(line.cpuFloorMs)} · load average ${line.loadAverage}`,
    ...(line.window
      ? [
          `  the ${line.window.wallSeconds} s window: machine ${line.window.machineBusyPercent} % busy · app processes ${line.window.appsCpuSeconds} s CPU (${line.window.appCpuMsPerOrder} ms an order), simulators ${line.window.simulatorsCpuSeconds} s, PostgreSQL and the rest ${line.window.otherCpuSeconds} s`,
        ]
      : []),
    `  money: ${line.doublePurchases} double purchases, ${line.verified ? "every shop verified" : `${line.problems.length} problems: ${line.problems.slice(0, 3).join("; ")}`} ${mark(line.targets.money)}`,
  ].join("\n");
}
