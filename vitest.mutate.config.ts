/**
 * The tests the mutation run (`npm run mutate`, stryker.config.mjs) uses: the money-path suites that run in
 * one process. The crash suites are left out: their workers are child processes, which never run a mutant.
 * Not used by `npm test`.
 */
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export const MONEY_PATH_TESTS = [
  "app/franking/plan.test.ts",
  "app/refunds/match.test.ts",
  "app/refunds/model.test.ts",
  "app/internetmarke/cart.test.ts",
  "app/internetmarke/cart.sim.test.ts",
  "app/internetmarke/retoure.test.ts",
  "app/internetmarke/retoure.sim.test.ts",
  "app/internetmarke/reconcile.sim.test.ts",
  "app/internetmarke/portokasse.test.ts",
  "app/webhooks/webhooks.db.test.ts",
  "test/franking/pipeline.db.test.ts",
  "test/franking/faults.db.test.ts",
  "test/franking/two-workers.db.test.ts",
  "test/franking/lease.db.test.ts",
  "test/franking/batches.db.test.ts",
  "test/franking/write-back.db.test.ts",
  "test/refunds/cancel.db.test.ts",
  "test/refunds/faults.db.test.ts",
  "test/refunds/polling.db.test.ts",
  "test/refunds/race.db.test.ts",
  "test/money/**/*.test.ts",
];

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    name: "money",
    // MUTATE_TESTS narrows the run while working on one file (comma-separated globs).
    include: process.env.MUTATE_TESTS?.split(",") ?? MONEY_PATH_TESTS,
    exclude: ["**/node_modules/**", "build/**"],
    globalSetup: ["test/setup/sqlite-only.ts"],
    setupFiles: ["test/setup/fail-on-console-error.ts"],
    // Mutants are switched at run time, so the modules can stay loaded between runs (much faster per mutant).
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
