import type { TestProject } from "vitest/node";

/**
 * Global setup of the mutation run (vitest.mutate.config.ts): the database suites run on SQLite only, so
 * one mutant's tests take seconds. PostgreSQL keeps running them in `npm test` and CI.
 */
export default function setup(project: TestProject): void {
  project.provide("postgresUrl", null);
}
