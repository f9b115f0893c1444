/**
 * One app process for the race test: the app's configuration from the environment (the parent's database,
 * simulator and Shopify fake), the production automation wiring with a fixed clock. It says "ready" and
 * waits for "go" on stdin, so both processes start the pass at the same moment, then prints its outcomes
 * as one JSON line. Started with `node --import tsx test/automation/race-child.ts`.
 */
import { createInterface } from "node:readline";
import { z } from "zod";

const input = z
  .object({ clockMs: z.number(), owner: z.string() })
  .parse(JSON.parse(process.env.AUTOMATION_CHILD ?? "{}"));

const { appAutomationDeps } = await import("~/automation/start.server");
const { automationPass } = await import("~/automation/scheduler.server");
const { db } = await import("~/db.server");
const deps = appAutomationDeps({
  now: () => new Date(input.clockMs),
  owner: input.owner,
  logger: { warn: (m) => console.error(m) },
});
// Connect before the barrier, so the race is about the pass, not about start-up.
await db().automationSetting.count();

process.stdout.write("ready\n");
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() !== "go") continue;
  const outcomes = await automationPass(deps);
  process.stdout.write(`${JSON.stringify({ owner: input.owner, outcomes })}\n`);
  break;
}
lines.close();
await db().$disconnect();
process.exit(0);
