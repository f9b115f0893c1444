// Mutation testing of the money paths (`npm run mutate`; not part of CI or `npm test`).
// Which tests run: vitest.mutate.config.ts. Score and surviving mutants: docs/mutation-testing.md.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutate.config.ts", related: false },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: (process.env.MUTATE ?? [
    "app/franking/**/*.ts",
    "app/refunds/**/*.ts",
    "app/webhooks/**/*.ts",
    "app/internetmarke/cart.ts",
    "app/internetmarke/retoure.ts",
    "app/internetmarke/wallet.ts",
    "app/internetmarke/portokasse.ts",
    "!**/*.test.ts",
  ].join(",")).split(","),
  coverageAnalysis: "perTest",
  // Two cores shared with other work: two vitest workers.
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  timeoutMS: 30_000,
  timeoutFactor: 2.5,
  ignoreStatic: true,
  checkers: [],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  ignorePatterns: ["/build", "/coverage", "/reports", "/test-results", "/data", "/bench", "/extensions", "/docs"],
};
export default config;
