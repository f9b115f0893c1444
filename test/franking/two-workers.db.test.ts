import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { countRequests } from "../support/internetmarke-sim";
import { createMigratedDatabase, postgresAvailable, type TestDatabase } from "../support/databases";
import { runChild } from "./child";
import { useFranking } from "./harness";

const reportLine = z.object({ point: z.string(), batchId: z.string(), owner: z.string() });

describe.skipIf(!postgresAvailable())("two worker processes on one PostgreSQL", () => {
  let current: TestDatabase | null = null;
  const database = () => {
    if (!current) throw new Error("database not ready");
    return current;
  };
  beforeAll(async () => {
    current = await createMigratedDatabase("postgresql");
  });
  afterAll(async () => {
    await current?.drop();
  });
  const env = useFranking(database);
  let fakeOrigin = "";
  let closeFake: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const server = await env.fake.listen();
    fakeOrigin = server.origin;
    closeFake = () => server.close();
  });
  afterAll(async () => {
    await closeFake();
  });

  it("run a set of batches, each batch by exactly one of them, nothing bought twice", async () => {
    const orders = env.orders(16);
    const batchIds: string[] = [];
    for (let i = 0; i < orders.length; i += 2) batchIds.push(await env.create(orders.slice(i, i + 2)));
    env.sim.faults.latencyMs = 25;

    const run = (owner: string) =>
      runChild({
        databaseUrl: database().target.url,
        simOrigin: env.origin(),
        fakeOrigin,
        shopDomain: env.shop.domain,
        accessToken: env.shop.token,
        crashAt: null,
        clockStartMs: env.clock.now().getTime(),
        owner,
        untilIdle: true,
        report: true,
      });
    const results = await Promise.all([run("worker-a"), run("worker-b")]);
    for (const result of results) expect(result.code, result.stderr).toBe(0);

    const lines = results.flatMap((r) => r.stdout.split("\n").filter(Boolean).map((l) => reportLine.parse(JSON.parse(l))));
    const owners = new Map<string, Set<string>>();
    for (const line of lines) owners.set(line.batchId, (owners.get(line.batchId) ?? new Set()).add(line.owner));
    expect([...owners.keys()].sort()).toEqual([...batchIds].sort());
    for (const [batchId, by] of owners) expect([...by], batchId).toHaveLength(1);
    expect(new Set(lines.map((l) => l.owner)).size).toBe(2);

    const batches = await env.db().frankingBatch.findMany({ where: { id: { in: batchIds } } });
    expect(batches.map((b) => b.status)).toEqual(batchIds.map(() => "DONE"));
    expect(countRequests(env.sim, "POST", "/app/shoppingcart/pdf")).toBe(batchIds.length);
    await env.expectMoneyMatches();
  });
});
