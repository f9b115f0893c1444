/**
 * A franking worker in its own process, for the crash tests: it runs the due batches with a crash point
 * armed and kills itself (SIGKILL, no cleanup, like a power cut) when the run passes that point.
 * Started with `node --import tsx test/franking/crash-child.ts`; its configuration comes in FRANKING_CHILD.
 */
import { z } from "zod";
import { createDb } from "~/db/client.server";
import { databaseTarget } from "~/db/database-url";
import { createFrankingWorker } from "~/franking/worker.server";
import { createInternetmarkeClient } from "~/internetmarke";
import type { AdminGraphql } from "~/shopify/graphql.server";

const configSchema = z.object({
  databaseUrl: z.string(),
  imBaseUrl: z.string(),
  productsBaseUrl: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
  username: z.string(),
  password: z.string(),
  fakeOrigin: z.string(),
  shopDomain: z.string(),
  accessToken: z.string(),
  /** The crash point to die at; null runs to the end. */
  crashAt: z.string().nullable(),
  /** The simulated clock at start (ms); the child's clock runs on from there in real time. */
  clockStartMs: z.number(),
  owner: z.string(),
  /** Keep polling until no batch is due (the multi-worker test), or run one pass. */
  untilIdle: z.boolean().default(false),
  leaseMs: z.number().default(60_000),
  /** Print every crash point passed as a JSON line (which worker ran which batch). */
  report: z.boolean().default(false),
});

const config = configSchema.parse(JSON.parse(process.env.FRANKING_CHILD ?? "{}"));
const started = Date.now();
const now = () => new Date(config.clockStartMs + (Date.now() - started));

const admin: AdminGraphql = {
  graphql: (query, options) =>
    fetch(`${config.fakeOrigin}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Access-Token": config.accessToken,
        "X-Shopify-Shop-Domain": config.shopDomain,
      },
      body: JSON.stringify({ query, variables: options?.variables }),
    }),
};

const db = createDb(databaseTarget(config.databaseUrl));
const internetmarke = createInternetmarkeClient({
  baseUrl: config.imBaseUrl,
  productsBaseUrl: config.productsBaseUrl,
  clientId: config.clientId,
  clientSecret: config.clientSecret,
  now,
  sleep: async () => undefined,
});

const worker = createFrankingWorker({
  db,
  internetmarke,
  portokasseFor: async (_shop, im) => im.portokasse({ username: config.username, password: config.password }),
  adminFor: async () => admin,
  now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20))),
  owner: config.owner,
  timings: { reconcileDelayMs: 10, leaseMs: config.leaseMs },
  hooks: {
    at(point, detail) {
      if (config.report) process.stdout.write(`${JSON.stringify({ point, batchId: detail.batchId, owner: config.owner })}\n`);
      if (point === config.crashAt) process.kill(process.pid, "SIGKILL");
    },
  },
});

let ran = await worker.workOnce();
while (config.untilIdle && ran > 0) ran = await worker.workOnce();
await db.$disconnect();
