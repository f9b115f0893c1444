/**
 * One multi-shop scenario: fresh simulators (S shops, N orders each), a fresh PostgreSQL schema, P app
 * processes with franking workers on it; every shop's merchant opens the preview (unless cold), then all
 * click "Frank orders" at the same moment (the shops spread over the processes as a load balancer with
 * sticky sessions would), and the clock runs until every
 * batch is finished. Measures per shop the time to labels ready and to all fulfilled, the database
 * connections the processes hold (pg_stat_activity, by application name), each process's peak RSS, and
 * checks every shop's money.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { ZodType } from "zod";
import {
  appMessageSchema,
  multiSimReadySchema,
  multiSimReportSchema,
  type AppCommand,
  type AppMessage,
  type BenchShop,
} from "./protocol";
import { verifyShops, type ShopOutcome } from "./verify";
import { appNodeFlags, simulatorNodeFlags } from "../app-process";
import { cpuSnapshot, type CpuSnapshot } from "./machine-cpu";

export interface MultiScenario {
  shops: number;
  orders: number;
  processes: number;
  concurrency: number;
  perShop: number;
  poolMax: number;
  postgresUrl: string;
  /**
   * Each merchant opens the preview on the process that later takes the click (true), or the click lands
   * where no preview was seen, so the confirm reads every order in full (false, `--cold-confirm`).
   */
  previewFirst: boolean;
}

export interface MultiMeasured {
  shops: ShopOutcome[];
  startedAtMs: number;
  finishedAtMs: number;
  peakConnections: number;
  peakRssBytesPerProcess: number[];
  /** CPU time used by each app process and by the simulators' process. */
  cpuMsPerProcess: number[];
  simulatorsCpuMs: number;
  /** CPU spent between the clicks and the last batch's end (Linux only): what the shops waited on. */
  window: CpuWindow | null;
  problems: string[];
}

export interface CpuWindow {
  wallMs: number;
  appsCpuMs: number;
  simulatorsCpuMs: number;
  /** The whole machine, busy: the app processes, the simulators, PostgreSQL and anything else. */
  machineBusyMs: number;
}

const TIMEOUT_MS = 30 * 60_000;
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

function start(file: string, env: Record<string, string>, nodeFlags: string[] = []): ChildProcess {
  return fork(here(file), [], {
    execArgv: ["--import", "tsx", ...nodeFlags],
    env: { ...process.env, ...env },
    stdio: ["ignore", 2, 2, "ipc"],
  });
}

function cpuWindow(start: CpuSnapshot | null, end: CpuSnapshot | null, wallMs: number): CpuWindow | null {
  if (!start || !end) return null;
  const spent = end.perPidMs.map((ms, i) => ms - (start.perPidMs[i] ?? 0));
  const simulatorsCpuMs = spent.pop() ?? 0;
  return {
    wallMs,
    appsCpuMs: spent.reduce((sum, ms) => sum + ms, 0),
    simulatorsCpuMs,
    machineBusyMs: end.machineBusyMs - start.machineBusyMs,
  };
}

function exited(child: ChildProcess, withinMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, withinMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function next<T>(child: ChildProcess, schema: ZodType<T>, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(() => reject(new Error(`${what}: no answer within ${TIMEOUT_MS / 60_000} minutes`))),
      TIMEOUT_MS,
    );
    const finish = (then: () => void) => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
      then();
    };
    const onMessage = (message: unknown) => finish(() => resolve(schema.parse(message)));
    const onExit = (code: number | null) =>
      finish(() => reject(new Error(`${what}: the process ended (exit code ${code}) without an answer`)));
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
}

async function ask<T extends AppMessage["type"]>(
  child: ChildProcess,
  command: AppCommand,
  want: T,
  what: string,
) {
  const answer = next(child, appMessageSchema, what);
  child.send(command);
  const message = await answer;
  if (message.type !== want) throw new Error(`${what}: answered ${message.type}, not ${want}`);
  return message as Extract<AppMessage, { type: T }>;
}

export async function measureMultiShop(scenario: MultiScenario): Promise<MultiMeasured> {
  const sim = start(
    "./simulators.ts",
    {
      BENCH_SIM: JSON.stringify({ shops: scenario.shops, orders: scenario.orders }),
    },
    simulatorNodeFlags(),
  );
  const schema = `bench_multi_${process.pid}_${Date.now().toString(36)}`;
  const applicationName = `fm-bench-${schema}`;
  const url = new URL(scenario.postgresUrl);
  url.searchParams.set("schema", schema);
  url.searchParams.set("application_name", applicationName);
  const admin = new pg.Client({ connectionString: scenario.postgresUrl });
  await admin.connect();
  const apps: ChildProcess[] = [];
  try {
    const world = await next(sim, multiSimReadySchema, "simulators");
    for (let processIndex = 0; processIndex < scenario.processes; processIndex++) {
      const config = {
        processIndex,
        databaseUrl: url.toString(),
        imOrigin: world.imOrigin,
        fakeOrigin: world.fakeOrigin,
        concurrency: scenario.concurrency,
        perShop: scenario.perShop,
        poolMax: scenario.poolMax,
      };
      // The app processes run with production's V8 flags (the simulators without).
      const app = start("./app.ts", { BENCH_MULTI_APP: JSON.stringify(config) }, appNodeFlags());
      await next(app, appMessageSchema, `app process ${processIndex}`);
      apps.push(app);
    }
    const [first] = apps;
    if (!first) throw new Error("no app process");
    await ask(first, { type: "setup", shops: world.shops }, "set-up", "set-up");
    await Promise.all(
      apps.map((app, i) => ask(app, { type: "start", shops: world.shops }, "started", `start ${i}`)),
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // the workers' first (empty) polls are over

    // Sample the connections the app processes hold, until the end.
    let peakConnections = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { rows } = await admin.query<{ n: string }>(
          "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1",
          [applicationName],
        );
        peakConnections = Math.max(peakConnections, Number(rows[0]?.n ?? 0));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();

    const share = (i: number): BenchShop[] => world.shops.filter((_, s) => s % apps.length === i);
    if (scenario.previewFirst)
      await Promise.all(
        apps.map((app, i) => ask(app, { type: "preview", shops: share(i) }, "previewed", `preview ${i}`)),
      );
    const pids = [...apps, sim].map((child) => child.pid ?? 0);
    const cpuAtStart = cpuSnapshot(pids);
    const startedAtMs = Date.now();
    const submitted = (
      await Promise.all(
        apps.map((app, i) => ask(app, { type: "submit", shops: share(i) }, "submitted", `submit ${i}`)),
      )
    ).flatMap((m) => m.batches);

    // Until every batch is finished (DONE or stopped), as the database says.
    for (;;) {
      const { rows } = await admin.query<{ n: string }>(
        `SELECT count(*) AS n FROM "${schema}"."FrankingBatch" WHERE status IN ('QUEUED', 'RUNNING')`,
      );
      if (Number(rows[0]?.n ?? 1) === 0) break;
      if (Date.now() - startedAtMs > TIMEOUT_MS)
        throw new Error("the batches did not finish within 30 minutes");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const finishedAtMs = Date.now();
    const cpuAtEnd = cpuSnapshot(pids);
    const finished = await Promise.all(
      apps.map((app, i) => ask(app, { type: "finish" }, "finished", `finish ${i}`)),
    );
    sampling = false;
    await sampler;

    const report = next(sim, multiSimReportSchema, "simulators' report");
    sim.send({ type: "report" });
    const seen = await report;
    const labelsReadyAtMs = Object.assign({}, ...finished.map((f) => f.labelsReadyAtMs)) as Record<
      string,
      number
    >;
    const batches = await admin.query<{ id: string; status: string; finishedAt: Date | null }>(
      `SELECT id, status, "finishedAt" FROM "${schema}"."FrankingBatch"`,
    );
    const vouchers = await admin.query<{ batchId: string; voucherId: string; priceCents: number }>(
      `SELECT "batchId", "voucherId", "priceCents" FROM "${schema}"."Voucher"`,
    );
    const orders = await admin.query<{ batchId: string; status: string }>(
      `SELECT "batchId", status FROM "${schema}"."FrankingOrder"`,
    );

    const batchOf = new Map(submitted.map((b) => [b.domain, b.batchId]));
    const shops = world.shops.map(({ domain }) => {
      const batchId = batchOf.get(domain) ?? "none";
      const batch = batches.rows.find((b) => b.id === batchId);
      const own = vouchers.rows.filter((v) => v.batchId === batchId);
      return {
        domain,
        orders: scenario.orders,
        status: batch?.status ?? "missing",
        labelsReadyMs: (labelsReadyAtMs[batchId] ?? Number.NaN) - startedAtMs,
        fulfilledMs: (batch?.finishedAt?.getTime() ?? Number.NaN) - startedAtMs,
        fulfilledOrders: orders.rows.filter((o) => o.batchId === batchId && o.status === "FULFILLED").length,
        voucherIds: own.map((v) => v.voucherId),
        voucherCents: own.reduce((sum, v) => sum + v.priceCents, 0),
        seen: seen.shops.find((s) => s.domain === domain) ?? null,
      };
    });
    return {
      shops: verifyShops(shops),
      startedAtMs,
      finishedAtMs,
      peakConnections,
      peakRssBytesPerProcess: finished.map((f) => f.peakRssBytes),
      cpuMsPerProcess: finished.map((f) => f.cpuMs),
      simulatorsCpuMs: seen.cpuMs,
      window: cpuWindow(cpuAtStart, cpuAtEnd, finishedAtMs - startedAtMs),
      problems: finished.flatMap((f) => f.problems),
    };
  } finally {
    // A finished app process exits by itself (and writes its --cpu-prof profile, if asked); the others are killed.
    await Promise.all(apps.map((app) => exited(app, 5_000)));
    for (const app of apps) if (app.exitCode === null) app.kill();
    sim.send({ type: "stop" });
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await admin.end();
  }
}
