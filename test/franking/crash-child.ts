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
  /** Several shops, each with its own Shopify token and Portokasse (the many-shops test); default: the one above. */
  shops: z
    .array(
      z.object({ domain: z.string(), accessToken: z.string(), username: z.string(), password: z.string() }),
    )
    .default([]),
  /** Run the background loop (fair pick, several batches at once) until no batch is active, instead of workOnce(). */
  background: z.object({ concurrency: z.number(), perShop: z.number() }).nullable().default(null),
});

const config = configSchema.parse(JSON.parse(process.env.FRANKING_CHILD ?? "{}"));
const started = Date.now();
const now = () => new Date(config.clockStartMs + (Date.now() - started));

const adminOf = (shopDomain: string, accessToken: string): AdminGraphql => ({
  graphql: (query, options) =>
    fetch(`${config.fakeOrigin}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Access-Token": accessToken,
        "X-Shopify-Shop-Domain": shopDomain,
      },
      body: JSON.stringify({ query, variables: options?.variables }),
    }),
});
const shops = new Map(config.shops.map((shop) => [shop.domain, shop]));
const credentialsOf = (domain: string) =>
  shops.get(domain) ?? {
    domain: config.shopDomain,
    accessToken: config.accessToken,
    username: config.username,
    password: config.password,
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
  portokasseFor: async (shop, im) => {
    const { username, password } = credentialsOf(shop.domain);
    return im.portokasse({ username, password });
  },
  adminFor: async (domain) => adminOf(domain, credentialsOf(domain).accessToken),
  maxConcurrentBatches: config.background?.concurrency,
  maxBatchesPerShop: config.background?.perShop,
  now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20))),
  owner: config.owner,
  timings: { reconcileDelayMs: 10, leaseMs: config.leaseMs },
  hooks: {
    at(point, detail) {
      if (config.report)
        process.stdout.write(`${JSON.stringify({ point, batchId: detail.batchId, owner: config.owner })}\n`);
      if (point === config.crashAt) process.kill(process.pid, "SIGKILL");
    },
  },
});

if (config.background) {
  worker.start();
  const active = () => db.frankingBatch.count({ where: { status: { in: ["QUEUED", "RUNNING"] } } });
  // Until no batch is active, or a minute has passed (the test then says which batches were left).
  const until = Date.now() + 60_000;
  while ((await active()) > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  await worker.stop();
} else {
  let ran = await worker.workOnce();
  while (config.untilIdle && ran > 0) ran = await worker.workOnce();
}
await db.$disconnect();
