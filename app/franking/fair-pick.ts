/**
 * Which due batches a worker starts in its free slots, fairly across shops: every shop that waits gets
 * its oldest batch started before any shop gets a second one, a shop with fewer batches running (in
 * every process, as the leases in the database say) comes first, and no shop runs more than its share.
 * So one shop with many batches never holds the others up, while a lone shop still runs several at once
 * (its second batch is bought while its first is written back to Shopify). Pure: table-tested.
 */

export interface DueBatch {
  id: string;
  shopId: string;
  createdAt: Date;
}

export interface FairPickInput {
  /** Due batches, any order (the caller reads them oldest first). */
  due: readonly DueBatch[];
  /** Batches running now per shop, in every process (leases not yet expired). */
  runningByShop: ReadonlyMap<string, number>;
  /** Batch ids this process is running (never started twice). */
  runningHere: ReadonlySet<string>;
  /** Free slots in this process. */
  slots: number;
  /** The most batches of one shop running at once, across all processes. */
  perShop: number;
}

export function pickFair({ due, runningByShop, runningHere, slots, perShop }: FairPickInput): string[] {
  if (slots <= 0 || perShop <= 0) return [];
  const queues = new Map<string, DueBatch[]>();
  for (const batch of due) {
    if (runningHere.has(batch.id)) continue;
    const queue = queues.get(batch.shopId) ?? [];
    queue.push(batch);
    queues.set(batch.shopId, queue);
  }
  for (const queue of queues.values())
    queue.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const running = new Map(runningByShop);
  const picked: string[] = [];
  while (picked.length < slots) {
    // The shop to serve next: fewest running, then the one waiting longest.
    let best: { shopId: string; running: number; since: number } | null = null;
    for (const [shopId, queue] of queues) {
      const head = queue[0];
      const count = running.get(shopId) ?? 0;
      if (!head || count >= perShop) continue;
      const since = head.createdAt.getTime();
      if (!best || count < best.running || (count === best.running && since < best.since))
        best = { shopId, running: count, since };
    }
    if (!best) break;
    const batch = queues.get(best.shopId)?.shift();
    if (!batch) break;
    picked.push(batch.id);
    running.set(best.shopId, best.running + 1);
  }
  return picked;
}
