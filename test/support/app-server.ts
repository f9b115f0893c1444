/**
 * Route tests through the real request path: `startTestApp(env)` runs the app's HTTP server (Express,
 * Remix routing, loaders and actions, response headers; Vite compiles the routes as in local mode) in a
 * child process on a free port, so a test sees exactly what a browser or Shopify gets, preflights
 * included. Calling a route's action directly cannot see routing or CORS.
 *
 * ```ts
 * const app = await startTestApp({ DATABASE_URL, SHOPIFY_ADMIN_API_ORIGIN: fakeServer.origin, ... });
 * const response = await app.request("/api/batches", { method: "OPTIONS", headers: { Origin: "https://extensions.shopifycdn.com" } });
 * await app.stop();
 * ```
 * `env` is merged over `testAppEnv()` (the values of stubAppEnv: TEST_APP's key, secret and URL). The
 * database must be migrated already (createMigratedDatabase). The child is not vitest: NODE_ENV is
 * `development` and no VITEST_* variable leaks into it (they change how Vite and Remix run). Start one app
 * per test file (beforeAll) and stop it in afterAll: it takes a few seconds to compile.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { TEST_APP } from "./app-env";

export interface TestApp {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** `fetch` against the app: a path like "/api/batches" is resolved against `origin`. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Everything the server printed (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export function testAppEnv(): Record<string, string> {
  return {
    SHOPIFY_API_KEY: TEST_APP.apiKey,
    SHOPIFY_API_SECRET: TEST_APP.apiSecret,
    SHOPIFY_APP_URL: TEST_APP.appUrl,
    INTERNETMARKE_CLIENT_ID: "test-im-client",
    INTERNETMARKE_CLIENT_SECRET: "test-im-secret",
    ENCRYPTION_KEY: TEST_APP.encryptionKey,
  };
}

export async function startTestApp(env: Record<string, string>, timeoutMs = 90_000): Promise<TestApp> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST")),
  );
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "test/support/app-server-child.ts"],
    {
      // Not under the test runner (the app runs as it would for a merchant), but pointed at the Shopify
      // fake, which the configuration allows only in local mode (app/config.server.ts).
      env: { ...inherited, NODE_ENV: "development", FRANKIERMEISTER_LOCAL_MODE: "1", ...testAppEnv(), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const started = Date.now();
  let origin = "";
  while (!origin) {
    origin = /APP_ORIGIN=(\S+)/.exec(output)?.[1] ?? "";
    if (origin) break;
    if (child.exitCode !== null) throw new Error(`The app server exited early:\n${output}`);
    if (Date.now() - started > timeoutMs) {
      child.kill("SIGTERM");
      throw new Error(`The app server did not start in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    request: (path, init) => fetch(new URL(path, origin), init),
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
