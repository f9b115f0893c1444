/**
 * Progress of a running batch from the franking API (`GET /api/batches/:id`, app/franking/README.md): the
 * batch page polls it and reloads its own data when the batch moved on. Only the fields used are read.
 */
import { z } from "zod";
import type { OrderCounts } from "./batch-view.server";

export const liveBatchSchema = z.object({
  status: z.string(),
  counts: z.object({ orders: z.number(), bought: z.number(), failed: z.number(), skipped: z.number() }),
});

export type LiveBatch = z.infer<typeof liveBatchSchema>;

/** Share of the orders to buy that are finished (bought or failed), 0..100. */
export function liveProgress(live: LiveBatch): number {
  const toDo = live.counts.orders - live.counts.skipped;
  return toDo <= 0
    ? 100
    : Math.min(100, Math.round(((live.counts.bought + live.counts.failed) / toDo) * 100));
}

/** True when the API shows another status or more finished orders than the page. */
export function hasMoved(live: LiveBatch, shown: { status: string; counts: OrderCounts }): boolean {
  return (
    live.status !== shown.status ||
    live.counts.bought !== shown.counts.franked ||
    live.counts.failed !== shown.counts.failed
  );
}
