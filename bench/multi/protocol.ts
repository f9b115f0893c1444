/**
 * Messages of the multi-shop benchmark (`npm run bench -- --shops S --orders N --processes P`), parsed
 * with zod on arrival: the orchestrator (`orchestrate.ts`), the simulators' process (`simulators.ts`)
 * and the P app processes (`app.ts`).
 */
import { z } from "zod";

export const multiSimConfigSchema = z.object({
  shops: z.number().int().positive(),
  orders: z.number().int().positive(),
});
export type MultiSimConfig = z.infer<typeof multiSimConfigSchema>;

export const benchShopSchema = z.object({
  domain: z.string(),
  accessToken: z.string(),
  username: z.string(),
  password: z.string(),
  orderIds: z.array(z.string()),
});
export type BenchShop = z.infer<typeof benchShopSchema>;

export const multiSimReadySchema = z.object({
  type: z.literal("ready"),
  imOrigin: z.string(),
  fakeOrigin: z.string(),
  shops: z.array(benchShopSchema),
});

/** Per shop, what Deutsche Post and Shopify saw. */
export const shopReportSchema = z.object({
  domain: z.string(),
  voucherIds: z.array(z.string()),
  purchasedCents: z.number(),
  ordersWithOneFulfillment: z.number(),
  ordersWithTrackingNumber: z.number(),
});
export const multiSimReportSchema = z.object({
  type: z.literal("report"),
  shops: z.array(shopReportSchema),
  cpuMs: z.number(),
});
export type MultiSimReport = z.infer<typeof multiSimReportSchema>;

/** Handed to each app process in BENCH_MULTI_APP. */
export const multiAppConfigSchema = z.object({
  processIndex: z.number().int().min(0),
  databaseUrl: z.string(),
  imOrigin: z.string(),
  fakeOrigin: z.string(),
  concurrency: z.number().int().positive(),
  perShop: z.number().int().positive(),
  poolMax: z.number().int().positive(),
});
export type MultiAppConfig = z.infer<typeof multiAppConfigSchema>;

/** Orchestrator → app process. */
export const appCommandSchema = z.discriminatedUnion("type", [
  /** Process 0 only: migrate the database, create every shop with its Portokasse and caches. */
  z.object({ type: z.literal("setup"), shops: z.array(benchShopSchema) }),
  /** Start the franking worker, as the app does at start-up. */
  z.object({ type: z.literal("start"), shops: z.array(benchShopSchema) }),
  /**
   * These shops' merchants open the preview (as POST /api/preview runs it) on the process that will take
   * their click, then read it until their Shopify bucket is full again.
   */
  z.object({ type: z.literal("preview"), shops: z.array(benchShopSchema) }),
  /** These shops' merchants click "Frank orders" now (each confirm as POST /api/batches runs it). */
  z.object({ type: z.literal("submit"), shops: z.array(benchShopSchema) }),
  /** Every batch is finished: stop and report. */
  z.object({ type: z.literal("finish") }),
]);
export type AppCommand = z.infer<typeof appCommandSchema>;

/** App process → orchestrator. */
export const appMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("set-up") }),
  z.object({ type: z.literal("started") }),
  z.object({ type: z.literal("previewed") }),
  z.object({
    type: z.literal("submitted"),
    batches: z.array(z.object({ domain: z.string(), batchId: z.string(), confirmedAtMs: z.number() })),
  }),
  z.object({
    type: z.literal("finished"),
    /** Batch id → when its merged label file was built in this process (epoch ms). */
    labelsReadyAtMs: z.record(z.string(), z.number()),
    peakRssBytes: z.number(),
    /** CPU time this process used (user + system), from start to finish. */
    cpuMs: z.number(),
    problems: z.array(z.string()),
  }),
]);
export type AppMessage = z.infer<typeof appMessageSchema>;
