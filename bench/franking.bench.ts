/**
 * `npm run bench [-- --n 250] [--json] [--postgres] [--skip-per-order]`: franks N = 50, 250 and 1000
 * orders against the simulators with the latency model (bench/README.md). Each run gets fresh simulators
 * (their own process) and a fresh app process with a fresh database; the same N is then bought again
 * with one cart per order. Prints a table, or with --json one line per N.
 */
import { fork, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { ZodType } from "zod";
import { DEFAULT_DATABASE_POOL_MAX } from "~/config.server";
import { DEFAULT_BATCHES_PER_SHOP, DEFAULT_CONCURRENT_BATCHES } from "~/franking/worker.server";
import { appNodeFlags } from "./app-process";
import { measureMultiShop, type MultiScenario } from "./multi/orchestrate";
import { multiLine, multiTable } from "./multi/summary";
import { runResultSchema, simReadySchema, simReportSchema, type Mode, type SimConfig } from "./protocol";
import { figures, jsonLine, type JsonLine, type Measured } from "./summary";
import { table } from "./table";

const { values } = parseArgs({
  options: {
    n: { type: "string", multiple: true },
    json: { type: "boolean", default: false },
    postgres: { type: "boolean", default: false },
    "skip-per-order": { type: "boolean", default: false },
    "skip-multi": { type: "boolean", default: false },
    "max-positions": { type: "string" },
    shops: { type: "string" },
    orders: { type: "string" },
    processes: { type: "string" },
    concurrency: { type: "string" },
    "per-shop": { type: "string" },
    "pool-max": { type: "string" },
    "cold-confirm": { type: "boolean", default: false },
  },
});
if (values.shops !== undefined) {
  await multiShop();
  process.exit(process.exitCode ?? 0);
}

/** `--shops S --orders N --processes P`: the multi-shop scenario on PostgreSQL (bench/README.md). */
async function multiShop(): Promise<void> {
  const whole = (name: string, value: string | undefined, fallback: number) => {
    const n = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a whole number: ${value}`);
    return n;
  };
  const scenario: MultiScenario = {
    shops: whole("shops", values.shops, 50),
    orders: whole("orders", values.orders, 100),
    processes: whole("processes", values.processes, 3),
    concurrency: whole("concurrency", values.concurrency, DEFAULT_CONCURRENT_BATCHES),
    perShop: whole("per-shop", values["per-shop"], DEFAULT_BATCHES_PER_SHOP),
    poolMax: whole("pool-max", values["pool-max"], DEFAULT_DATABASE_POOL_MAX),
    postgresUrl: process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test",
    previewFirst: !values["cold-confirm"],
  };
  const progress = (message: string) => process.stderr.write(`${message}\n`);
  progress(
    `Multi-shop benchmark on PostgreSQL, ${availableParallelism()} CPUs, Node ${process.version}: one shop, then ${scenario.shops} shops, × ${scenario.orders} orders, ${scenario.processes} processes`,
  );
  const single = await measureMultiShop({ ...scenario, shops: 1 });
  progress(
    `one shop: labels ready after ${((single.shops[0]?.labelsReadyMs ?? NaN) / 1000).toFixed(1)} s, all fulfilled after ${((single.shops[0]?.fulfilledMs ?? NaN) / 1000).toFixed(1)} s`,
  );
  const multi = await measureMultiShop(scenario);
  const line = multiLine(scenario, single, multi);
  if (values.json) process.stdout.write(`${JSON.stringify(line)}\n`);
  (values.json ? process.stderr : process.stdout).write(`${multiTable(line)}\n`);
  if (!line.verified) process.exitCode = 1;
}

const sizes = (values.n ?? ["50", "250", "1000"]).flatMap((v) => v.split(",")).map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1))
  throw new Error(`--n takes whole numbers: ${values.n?.join(" ")}`);
const database = values.postgres ? "postgresql" : "sqlite";
const postgresUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const RUN_TIMEOUT_MS = 60 * 60_000;

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const progress = (message: string) => process.stderr.write(`${message}\n`);

function start(file: string, env: Record<string, string>, nodeFlags: string[] = []): ChildProcess {
  // The children's own output goes to stderr: stdout carries only the results.
  return fork(here(file), [], {
    execArgv: ["--import", "tsx", ...nodeFlags],
    env: { ...process.env, ...env },
    stdio: ["ignore", 2, 2, "ipc"],
  });
}

function next<T>(child: ChildProcess, schema: ZodType<T>, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what}: no answer within ${RUN_TIMEOUT_MS / 60_000} minutes`)),
      RUN_TIMEOUT_MS,
    );
    const done = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    const onMessage = (message: unknown) => {
      done();
      resolve(schema.parse(message));
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`${what}: the process ended (exit code ${code}) without an answer`));
    };
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
}

async function measure(n: number, mode: Mode): Promise<Measured> {
  const simConfig: SimConfig = { n, balanceCents: n * 2_000 + 100_000 };
  const sim = start("./simulators.ts", { BENCH_SIM: JSON.stringify(simConfig) });
  try {
    const ready = await next(sim, simReadySchema, "simulators");
    const { type: _type, ...world } = ready;
    const run = start("./run.ts", {
      BENCH_RUN: JSON.stringify({ mode, database, postgresUrl, ...world }),
      ...(values["max-positions"] ? { BENCH_MAX_POSITIONS: values["max-positions"] } : {}),
    }, appNodeFlags());
    const result = await next(run, runResultSchema, `run N=${n} ${mode}`);
    const report = next(sim, simReportSchema, "simulators' report");
    sim.send({ type: "report" });
    const measured = { result, report: await report };
    if (process.env.BENCH_DEBUG) timeline(measured);
    return measured;
  } finally {
    sim.send({ type: "stop" });
  }
}

/** BENCH_DEBUG=1: when each Deutsche Post request arrived and each phase ended, in ms after confirm began. */
function timeline({ result, report }: Measured): void {
  const at = (ms: number) => `${String(Math.round(ms - result.startedAtMs)).padStart(7)} ms`;
  const events = [
    ...report.imRequests
      .filter((r) => r.atMs >= result.startedAtMs)
      .map((r) => ({ ms: r.atMs, what: `Deutsche Post ${r.method} ${r.path.slice(-40)}` })),
    { ms: result.confirmedAtMs, what: "batch created" },
    { ms: result.labelsReadyAtMs, what: "merged label file ready" },
    { ms: result.fulfilledAtMs, what: "all written to Shopify" },
    { ms: result.peakRssAtMs, what: `peak RSS ${(result.peakRssBytes / 2 ** 20).toFixed(1)} MB` },
  ].sort((a, b) => a.ms - b.ms);
  for (const event of events.slice(0, 40)) progress(`${at(event.ms)}  ${event.what}`);
}

const lines: JsonLine[] = [];
progress(
  `Franking benchmark on ${database}, ${availableParallelism()} CPUs, Node ${process.version}: N = ${sizes.join(", ")}`,
);
for (const n of sizes) {
  progress(`N = ${n}: one batch ...`);
  const batched = figures(n, await measure(n, "batched"));
  progress(
    `N = ${n}: labels ready after ${(batched.wallMs / 1000).toFixed(1)} s, all written to Shopify after ${(batched.fulfilledWallMs / 1000).toFixed(1)} s`,
  );
  let perOrder = null;
  if (!values["skip-per-order"]) {
    progress(`N = ${n}: the same with one cart per order ...`);
    perOrder = figures(n, await measure(n, "per-order"));
    progress(`N = ${n}: one cart per order: labels ready after ${(perOrder.wallMs / 1000).toFixed(1)} s`);
  }
  const line = jsonLine(n, database, batched, perOrder);
  lines.push(line);
  if (values.json) process.stdout.write(`${JSON.stringify(line)}\n`);
}
// The table goes to stdout, or with --json after the JSON lines to stderr.
const header = `Frankiermeister franking benchmark · ${database === "sqlite" ? "SQLite" : "PostgreSQL"} · ${availableParallelism()} CPUs · Node ${process.version}`;
(values.json ? process.stderr : process.stdout).write(`${table(lines, header)}\n`);
if (lines.some((l) => !l.verified)) process.exitCode = 1;
// The whole benchmark (no --n) ends with the multi-shop scenario's defaults: 50 shops × 100 orders, 3 processes.
if (values.n === undefined && !values["skip-multi"]) await multiShop();
