/**
 * What every app process of the benchmark needs, single-shop (`run.ts`) and multi-shop (`multi/app.ts`):
 * its peak memory sampled, Admin GraphQL over real HTTP to the Shopify fake, and a wait for a full bucket.
 */
import { GraphqlQueryError } from "@shopify/shopify-api";
import { z } from "zod";
import { shopifyCall } from "~/shopify/call.server";
import { CostBudget } from "~/shopify/cost-budget.server";
import type { AdminGraphql } from "~/shopify/graphql.server";
import { SHOPIFY_BUCKET } from "./scenario";

/** Samples the resident set every 20 ms; the kernel's high-water mark is read at the end as well. */
export function sampleRss() {
  // memoryUsage.rss() alone: the full memoryUsage() walks the heap's spaces, which every 20 ms cost the
  // measured process about 2 % of its CPU.
  let peak = { rss: process.memoryUsage.rss(), at: Date.now() };
  const take = () => {
    const rss = process.memoryUsage.rss();
    if (rss > peak.rss) peak = { rss, at: Date.now() };
  };
  const timer = setInterval(take, 20);
  if (process.env.BENCH_DEBUG) {
    const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
    setInterval(
      () => {
        const m = process.memoryUsage();
        process.stderr.write(
          `memory: rss ${mb(m.rss)}, heap ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, external ${mb(m.external)}, array buffers ${mb(m.arrayBuffers)}\n`,
        );
      },
      Number(process.env.BENCH_DEBUG_MS ?? 10_000),
    ).unref();
  }
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return { peak: peak.rss, peakAt: peak.at, max: process.resourceUsage().maxRSS * 1024 };
    },
  };
}

/**
 * Admin GraphQL over real HTTP to the fake with the shop's offline token. Like the client shopify-app-remix
 * hands the app (`admin.graphql`), an answer with GraphQL errors (THROTTLED among them) is thrown as
 * GraphqlQueryError with the body's errors and cost (as test/support/fake-admin.ts does in process).
 */
export function adminOver(origin: string, shopDomain: string, accessToken: string): AdminGraphql {
  const bodySchema = z.object({
    data: z.unknown().optional(),
    errors: z.unknown().optional(),
    extensions: z.unknown().optional(),
  });
  return {
    async graphql(query, options) {
      const response = await fetch(`${origin}/admin/api/2026-10/graphql.json`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Shopify-Access-Token": accessToken,
          "X-Shopify-Shop-Domain": shopDomain,
        },
        body: JSON.stringify({ query, variables: options?.variables }),
      });
      const body = bodySchema.parse(await response.json());
      if (body.errors !== undefined) {
        const graphQLErrors = Array.isArray(body.errors) ? body.errors : [];
        throw new GraphqlQueryError({
          message: "GraphQL operation failed",
          response: { status: response.status },
          body: { errors: { graphQLErrors }, extensions: body.extensions },
        });
      }
      return new Response(JSON.stringify(body));
    },
  };
}

/**
 * The V8 flags production runs the app with (the Dockerfile's NODE_OPTIONS, checked by
 * test/bench/production-flags.test.ts): a 256 MB old space makes V8 collect before the heap balloons. Without
 * it a process franking 16 batches peaked at 340-410 MB RSS with about 65 MB live; with it, at 275 MB.
 * BENCH_APP_NODE_FLAGS replaces them for an experiment ("" for none); BENCH_SIM_NODE_FLAGS gives the
 * simulators' process flags (for instance `--cpu-prof --cpu-prof-dir=/tmp/prof`).
 */
export const PRODUCTION_NODE_FLAGS = ["--max-old-space-size=256"];
export const appNodeFlags = (): string[] =>
  process.env.BENCH_APP_NODE_FLAGS === undefined
    ? PRODUCTION_NODE_FLAGS
    : process.env.BENCH_APP_NODE_FLAGS.split(" ").filter(Boolean);
export const simulatorNodeFlags = (): string[] =>
  (process.env.BENCH_SIM_NODE_FLAGS ?? "").split(" ").filter(Boolean);

/** Waits until the shop's Shopify cost bucket has refilled (as a merchant reading the preview would). */
export async function bucketFull(admin: AdminGraphql): Promise<void> {
  const budget = new CostBudget();
  await shopifyCall(
    admin,
    "query BenchBucket { shop { id } }",
    {},
    z.object({ shop: z.object({ id: z.string() }) }),
    {
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      budget,
      cost: 1,
    },
  );
  const missing = SHOPIFY_BUCKET.maximumAvailable - budget.available();
  if (missing > 0)
    await new Promise((resolve) => setTimeout(resolve, (missing / SHOPIFY_BUCKET.restoreRate) * 1000 + 200));
}
