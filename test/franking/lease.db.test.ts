import { expect, it } from "vitest";
import { LeaseLostError } from "~/franking/context";
import { dueBatches, releaseLease, renewLease, takeLease } from "~/franking/lease.server";
import { describeEachDatabase } from "../support/databases";
import { useFranking } from "./harness";

describeEachDatabase("the worker lease", (database) => {
  const env = useFranking(database);
  const MINUTE = 60_000;

  it("goes to exactly one of many workers taking it at the same moment", async () => {
    const batchId = await env.create(env.orders(1));
    const now = env.clock.now();
    const taken = await Promise.all(Array.from({ length: 8 }, (_, i) => takeLease(env.db(), batchId, `w${i}`, now, MINUTE)));
    expect(taken.filter(Boolean)).toHaveLength(1);
    const batch = await env.db().frankingBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch.status).toBe("RUNNING");
    expect(await dueBatches(env.db(), now, 10)).toEqual([]);
  });

  it("is taken over when it expires, and the old holder notices on its next renewal", async () => {
    const batchId = await env.create(env.orders(1));
    const db = env.db();
    expect(await takeLease(db, batchId, "old", env.clock.now(), MINUTE)).toBe(true);
    expect(await takeLease(db, batchId, "new", env.clock.now(), MINUTE)).toBe(false);
    env.clock.advance(MINUTE + 1);
    expect((await dueBatches(db, env.clock.now(), 10)).map((b) => b.id)).toEqual([batchId]);
    expect(await takeLease(db, batchId, "new", env.clock.now(), MINUTE)).toBe(true);
    await expect(renewLease(db, batchId, "old", env.clock.now(), MINUTE)).rejects.toBeInstanceOf(LeaseLostError);
    await renewLease(db, batchId, "new", env.clock.now(), MINUTE);
  });

  it("given back with a time, waits until then", async () => {
    const batchId = await env.create(env.orders(1));
    const db = env.db();
    await takeLease(db, batchId, "w", env.clock.now(), MINUTE);
    await releaseLease(db, batchId, "w", new Date(env.clock.now().getTime() + 10 * MINUTE));
    env.clock.advance(5 * MINUTE);
    expect(await dueBatches(db, env.clock.now(), 10)).toEqual([]);
    env.clock.advance(5 * MINUTE + 1);
    expect((await dueBatches(db, env.clock.now(), 10)).map((b) => b.id)).toEqual([batchId]);
  });
});
