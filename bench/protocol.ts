/**
 * Messages between the benchmark's processes (Node IPC), parsed with zod on arrival: the orchestrator
 * (`franking.bench.ts`), the simulators' process (`simulators.ts`) and the app's process (`run.ts`).
 */
import { z } from "zod";

export const MODES = ["batched", "per-order"] as const;
export type Mode = (typeof MODES)[number];

/** Handed to the simulators' process in BENCH_SIM. */
export const simConfigSchema = z.object({
  n: z.number().int().positive(),
  balanceCents: z.number().int().positive(),
});
export type SimConfig = z.infer<typeof simConfigSchema>;

export const simReadySchema = z.object({
  type: z.literal("ready"),
  imOrigin: z.string(),
  fakeOrigin: z.string(),
  shopDomain: z.string(),
  accessToken: z.string(),
  orderIds: z.array(z.string()),
});
export type SimReady = z.infer<typeof simReadySchema>;

export const shopifyCallSchema = z.object({
  operationName: z.string().nullable(),
  requestedCost: z.number(),
  actualCost: z.number(),
  throttled: z.boolean(),
  atMs: z.number(),
});
export type LoggedShopifyCall = z.infer<typeof shopifyCallSchema>;

export const imRequestSchema = z.object({ method: z.string(), path: z.string(), atMs: z.number() });
export type LoggedImRequest = z.infer<typeof imRequestSchema>;

/** What the simulators saw: every request and call, the wallet, and the state of the benchmark's orders. */
export const simReportSchema = z.object({
  type: z.literal("report"),
  imRequests: z.array(imRequestSchema),
  shopifyCalls: z.array(shopifyCallSchema),
  wallet: z.object({
    voucherIds: z.array(z.string()),
    purchasedCents: z.number(),
    purchaseRefs: z.array(z.string()),
  }),
  orders: z.object({
    count: z.number(),
    withOneFulfillment: z.number(),
    tagged: z.number(),
    withVoucherMetafield: z.number(),
    trackingNumbers: z.number(),
  }),
});
export type SimReport = z.infer<typeof simReportSchema>;

/** Handed to the app's process in BENCH_RUN. */
export const runConfigSchema = z.object({
  mode: z.enum(MODES),
  database: z.enum(["sqlite", "postgresql"]),
  postgresUrl: z.string(),
  imOrigin: z.string(),
  fakeOrigin: z.string(),
  shopDomain: z.string(),
  accessToken: z.string(),
  orderIds: z.array(z.string()),
});
export type RunConfig = z.infer<typeof runConfigSchema>;

/**
 * Epoch milliseconds of each moment, measured in the app's process: confirm began, the last batch was
 * created, the last batch's merged label file was built, the last batch finished.
 */
export const runResultSchema = z.object({
  type: z.literal("result"),
  startedAtMs: z.number(),
  confirmedAtMs: z.number(),
  labelsReadyAtMs: z.number(),
  fulfilledAtMs: z.number(),
  /** The batches' statuses, distinct, comma-separated ("DONE" when all are). */
  batchStatus: z.string(),
  batches: z.number(),
  orders: z.number(),
  fulfilled: z.number(),
  carts: z.number(),
  lastBatchCarts: z.number(),
  maxPositionsPerCart: z.number(),
  /** The smallest of the batches' merged label files (0: one is missing). */
  labelFileBytes: z.number(),
  storedLabelBytes: z.number(),
  voucherIds: z.array(z.string()),
  voucherCents: z.number(),
  cartRefs: z.array(z.string()),
  trackIds: z.number(),
  peakRssBytes: z.number(),
  peakRssAtMs: z.number(),
  maxRssBytes: z.number(),
  problems: z.array(z.string()),
});
export type RunResult = z.infer<typeof runResultSchema>;

export const commandSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("report") }),
  z.object({ type: z.literal("stop") }),
]);
