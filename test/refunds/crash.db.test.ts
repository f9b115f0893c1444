import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { APP, countRequests, MERCHANT } from "../support/internetmarke-sim";
import { describeEachDatabase } from "../support/databases";
import { useRefunds } from "./harness";

const CHILD = fileURLToPath(new URL("./crash-child.ts", import.meta.url));

/** Where the child dies, and what the database shows afterwards. */
const POINTS = [
  ["after-record", "PENDING"],
  ["before-send", "SENT"],
  ["after-send", "SENT"],
] as const;

describeEachDatabase("a refund worker killed mid-way", (database) => {
  const env = useRefunds(database);

  it.each(POINTS)("killed at %s: a fresh worker resumes and the vouchers are refunded exactly once", async (point, stateAfterCrash) => {
    const orders = env.openOrders(2);
    const cart = await env.buy(orders);
    for (const o of orders) await env.cancel(o.orderId);
    env.clock.advance(1_000);

    const child = spawn(process.execPath, ["--import", "tsx", CHILD], {
      env: {
        ...process.env,
        DB_URL: database().target.url,
        SIM_ORIGIN: env.origin(),
        NOW: env.clock.now().toISOString(),
        CRASH_AT: point,
        IM_CLIENT_ID: APP.clientId,
        IM_CLIENT_SECRET: APP.clientSecret,
        IM_USERNAME: MERCHANT.username,
        IM_PASSWORD: MERCHANT.password,
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const [code, signal] = await once(child, "exit");
    expect({ code, signal, stderr }).toMatchObject({ code: null, signal: "SIGKILL" });

    const left = await env.db().retoureRequest.findFirstOrThrow({ where: { shopId: env.shop.id } });
    expect(left.state).toBe(stateAfterCrash);
    expect(left.leaseOwner).toMatch(/^crash-child#/);
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(point === "after-record" || point === "before-send" ? 0 : 1);

    // The dead worker's lease runs out; a fresh worker in another process continues.
    env.clock.advance(3 * 60_000);
    await env.settle();
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
    const refunds = await env.db().refund.findMany({ where: { shopId: env.shop.id } });
    expect(refunds.map((r) => [r.voucherId, r.state, r.refundedCents]).sort()).toEqual(cart.vouchers.map((v) => [v.voucherId, "REFUNDED", 95]).sort());
    const account = env.sim.account(MERCHANT.username);
    expect(account.ledger.filter((e) => e.kind === "refund").map((e) => e.cents)).toEqual([190]);
    await env.expectMoneyReconciles();
  });
});
