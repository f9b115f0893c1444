import { useEffect, useState } from "preact/hooks";
import { fetchBatch, isFinal, type Batch } from "../api";

/** How often a running batch is asked for its progress. */
export const POLL_INTERVAL_MS = 1500;

export interface BatchProgress {
  batch: Batch | null;
  /** The last poll failed; polling stopped until `retry()`. */
  failure: { error: unknown } | null;
  retry: () => void;
}

/** Polls `GET /api/batches/:id` until the batch reaches a final status. */
export function useBatchProgress(batchId: string): BatchProgress {
  const [batch, setBatch] = useState<Batch | null>(null);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await fetchBatch(batchId);
        if (stopped) return;
        setBatch(next);
        setFailure(null);
        if (!isFinal(next.status)) timer = setTimeout(() => void poll(), POLL_INTERVAL_MS);
      } catch (error) {
        if (!stopped) setFailure({ error });
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [batchId, attempt]);

  return { batch, failure, retry: () => setAttempt((n) => n + 1) };
}
