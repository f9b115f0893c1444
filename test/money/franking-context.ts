/**
 * A RunContext for calling one step of the franking pipeline directly, as a worker whose lease check
 * passed would: the tests below play a stale worker that the lease did not keep out, so only the
 * database conditions stand between it and a second purchase.
 */
import type { RunContext } from "~/franking/context";
import { DEFAULT_TIMINGS } from "~/franking/context";
import { CostBudget } from "~/shopify/cost-budget.server";
import { MERCHANT } from "../support/internetmarke-sim";
import { fakeAdmin } from "../support/fake-admin";
import type { FrankingEnv } from "../franking/harness";

export function runContext(env: FrankingEnv, overrides: Partial<RunContext> = {}): RunContext {
  const { client } = env.client();
  const sleep = async (ms: number) => env.clock.advance(ms);
  return {
    db: env.db(),
    portokasse: client.portokasse(MERCHANT),
    admin: fakeAdmin(env.fake, env.shop.domain, env.shop.token),
    now: env.clock.now,
    sleep,
    fetchBytes: (url) => fetch(url),
    timings: { ...DEFAULT_TIMINGS, reconcileDelayMs: 1_000 },
    hooks: {},
    shopifyBudget: new CostBudget({ now: () => env.clock.now().getTime(), sleep }),
    renewLease: async () => undefined,
    ...overrides,
  };
}

/** Thrown by a crash hook to stop a worker at a named point (the cart stays where it got to). */
export class Stopped extends Error {
  override name = "Stopped";
}
