// Mutation testing of the money paths (`npm run mutate`; not part of CI or `npm test`).
// Which tests run: vitest.mutate.config.ts. Score and surviving mutants: docs/mutation-testing.md.
/**
 * The exactly-once core: the code behind the behaviours of issue 17 (cart fences, recording a bought cart,
 * claims, the balance check, reconciliation of checkouts and Retoures, settling a Retoure). This is what
 * `npm run mutate` covers by default; on this 2-core machine under load its franking half alone took 52 minutes.
 */
export const FRANKING_CORE = [
  "app/franking/buy-cart.server.ts:103-146",
  "app/franking/cart-records.server.ts:13-16",
  "app/franking/cart-records.server.ts:39-86",
  "app/franking/claims.server.ts",
  "app/franking/run-batch.server.ts:33-55",
  "app/franking/create-batch.server.ts:186-195",
];
export const REFUNDS_CORE = [
  "app/refunds/reconcile.server.ts",
  "app/refunds/close.server.ts",
  "app/refunds/match.ts",
];
export const MONEY_CORE = [...FRANKING_CORE, ...REFUNDS_CORE];

/** All money paths (MUTATE_SCOPE=wide): several hours here, see docs/mutation-testing.md. */
export const MONEY_PATHS = [
  "app/franking/**/*.ts",
  "app/refunds/**/*.ts",
  "app/webhooks/**/*.ts",
  "app/internetmarke/cart.ts",
  "app/internetmarke/retoure.ts",
  "app/internetmarke/wallet.ts",
  "app/internetmarke/portokasse.ts",
  "!**/*.test.ts",
];

const SCOPES = { core: MONEY_CORE, franking: FRANKING_CORE, refunds: REFUNDS_CORE, wide: MONEY_PATHS };
const scope = SCOPES[process.env.MUTATE_SCOPE ?? "core"] ?? MONEY_CORE;

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutate.config.ts", related: false },
  plugins: ["@stryker-mutator/vitest-runner"],
  // MUTATE narrows a run while working on one file: MUTATE=app/refunds/match.ts npm run mutate
  mutate: process.env.MUTATE?.split(",") ?? scope,
  // Message and log texts are not money logic; state names in conditions are mutated through their
  // conditions (ObjectLiteral, ConditionalExpression). Regex: the error-field parser only.
  mutator: { excludedMutations: ["StringLiteral", "Regex"] },
  coverageAnalysis: "perTest",
  // Two cores shared with other work: two vitest workers.
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  // A mutant that loops (the batch loop never settles) is cut off after its tests' time x 1.5 + 10 s.
  timeoutMS: 10_000,
  timeoutFactor: 1.5,
  // Static mutants (code run once when a module loads, e.g. `const isSettled = (s) => ...` replaced wholesale) need
  // every test per mutant; the core scopes have a handful and test them, the wide scope skips them for time.
  ignoreStatic: (process.env.MUTATE_SCOPE ?? "core") === "wide",
  checkers: [],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${process.env.MUTATE_SCOPE ?? "core"}.html` },
  jsonReporter: { fileName: `reports/mutation/${process.env.MUTATE_SCOPE ?? "core"}.json` },
  // `npm run mutate -- --incremental` re-runs only the mutants whose code or tests changed since the last run
  // of the same scope (one file per scope, git-ignored with reports/).
  incrementalFile: `reports/stryker-incremental-${process.env.MUTATE_SCOPE ?? "core"}.json`,
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  ignorePatterns: [
    "/build",
    "/coverage",
    "/reports",
    "/test-results",
    "/data",
    "/bench",
    "/extensions",
    "/docs",
  ],
};
export default config;
