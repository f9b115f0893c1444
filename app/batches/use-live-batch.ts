/** Polls the franking API while a batch runs; reloads the page's data whenever the batch moved on. */
import { useFetcher, useRevalidator } from "@remix-run/react";
import { useEffect, useMemo } from "react";
import { batchStatusUrl } from "~/franking/api-schemas";
import type { OrderCounts } from "./batch-view.server";
import { hasMoved, liveBatchSchema, liveProgress } from "./live-progress";

const POLL_MS = 2_500;

export function useLiveBatch(batch: {
  id: string;
  status: string;
  active: boolean;
  progress: number;
  counts: OrderCounts;
}): number {
  const fetcher = useFetcher();
  const revalidator = useRevalidator();
  const { load, state } = fetcher;

  useEffect(() => {
    if (!batch.active) return;
    const timer = setInterval(() => {
      if (state === "idle") load(batchStatusUrl(batch.id));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [batch.active, batch.id, load, state]);

  const live = useMemo(() => {
    const parsed = liveBatchSchema.safeParse(fetcher.data);
    return parsed.success ? parsed.data : null;
  }, [fetcher.data]);

  useEffect(() => {
    if (live && hasMoved(live, batch) && revalidator.state === "idle") revalidator.revalidate();
  }, [live, batch, revalidator]);

  return live ? liveProgress(live) : batch.progress;
}
