import pg from "pg";
import type { TestProject } from "vitest/node";

/**
 * Finds out once whether the PostgreSQL for tests is reachable. Without it the PostgreSQL
 * suites are skipped with a notice, except under CI=true, where they must run.
 */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    project.provide("postgresUrl", TEST_POSTGRES_URL);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI === "true") {
      throw new Error(
        `PostgreSQL at ${TEST_POSTGRES_URL} is required under CI=true but unreachable: ${reason}`,
      );
    }
    console.warn(
      `\n⚠ PostgreSQL at ${TEST_POSTGRES_URL} is unreachable (${reason}): the PostgreSQL test suites are SKIPPED.\n` +
        "  Set TEST_POSTGRES_URL or start PostgreSQL to run them.\n",
    );
    project.provide("postgresUrl", null);
  } finally {
    await client.end().catch(() => undefined);
  }
}
