import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APP } from "../support/internetmarke-sim";
import { IM_BASE_PATH, PRODUCTS_BASE_PATH } from "../simulators/internetmarke";
import { TEST_APP } from "../support/app-env";
import { postgresAvailable } from "../support/databases";
import { expectLedgerMatches, useAutomation } from "./harness";

const report = z.object({
  owner: z.string(),
  outcomes: z.array(
    z.object({ runId: z.string(), status: z.string(), batchId: z.string().nullish() }).loose(),
  ),
});

interface Child {
  ready: Promise<void>;
  go(): void;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function startChild(env: Record<string, string>, payload: unknown): Child {
  const child = spawn(process.execPath, ["--import", "tsx", "test/automation/race-child.ts"], {
    env: { ...process.env, ...env, AUTOMATION_CHILD: JSON.stringify(payload) },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes("ready\n")) markReady();
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      markReady();
      resolve({ code, stdout, stderr });
    });
  });
  return { ready, go: () => child.stdin.write("go\n"), done };
}

describe.skipIf(!postgresAvailable())("automatic franking with two app processes on one PostgreSQL", () => {
  const env = useAutomation("postgresql");

  it("runs the 14:00 slot once: exactly the matching orders become one batch, bought once", async () => {
    await env.rules({ schedule: "times", times: ["14:00"], timeZone: "Europe/Berlin", countries: ["DE"] });
    const matching = [await env.place(), await env.place({ deliver: false }), await env.place()];
    await env.place({ country: "FR" });
    await env.fake.whenIdle();

    const childEnv = {
      DATABASE_URL: env.database().target.url,
      SHOPIFY_API_KEY: TEST_APP.apiKey,
      SHOPIFY_API_SECRET: TEST_APP.apiSecret,
      SHOPIFY_APP_URL: TEST_APP.appUrl,
      ENCRYPTION_KEY: TEST_APP.encryptionKey,
      SHOPIFY_ADMIN_API_ORIGIN: env.fakeOrigin(),
      INTERNETMARKE_CLIENT_ID: APP.clientId,
      INTERNETMARKE_CLIENT_SECRET: APP.clientSecret,
      INTERNETMARKE_BASE_URL: `${env.origin()}${IM_BASE_PATH}`,
      PRODUCTS_API_BASE_URL: `${env.origin()}${PRODUCTS_BASE_PATH}`,
    };
    // 14:00:05 in Berlin the next day, for both processes.
    const clockMs = new Date("2025-10-07T12:00:05Z").getTime();
    env.clock.advance(clockMs - env.clock.now().getTime());
    const children = ["app-a", "app-b"].map((owner) => startChild(childEnv, { clockMs, owner }));
    await Promise.all(children.map((c) => c.ready));
    for (const child of children) child.go();
    const results = await Promise.all(children.map((c) => c.done));
    for (const result of results) expect(result.code, result.stderr).toBe(0);

    const outcomes = results.flatMap(
      (r) =>
        report.parse(JSON.parse(r.stdout.split("\n").filter((l) => l.startsWith("{"))[0] ?? "{}")).outcomes,
    );
    // One process ran the slot; the other found it taken and did nothing.
    expect(outcomes).toEqual([expect.objectContaining({ status: "DONE", batchId: expect.any(String) })]);
    const runs = await env.db().automationRun.findMany({ where: { shopId: env.shopId() } });
    expect(runs.map((r) => [r.slotKey, r.status])).toEqual([["times:2025-10-07T14:00", "DONE"]]);
    const batches = await env.db().frankingBatch.findMany({ where: { shopId: env.shopId() } });
    expect(batches).toHaveLength(1);

    await env.buy();
    expect(await env.frankedOrders()).toEqual([...matching].sort());
    await expectLedgerMatches(env);
  }, 120_000);
});
