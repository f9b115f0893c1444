import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Frame, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const chromiumAvailable = () => existsSync(CHROMIUM);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 0;
}

export interface RunningDemo {
  adminUrl: string;
  fakeAdminUrl: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `npm run demo`'s entry point as a child process on free ports with a fresh database. */
export async function startDemo(): Promise<RunningDemo> {
  const dir = mkdtempSync(path.join(tmpdir(), "fm-e2e-"));
  // Not vitest's environment: NODE_ENV=test and VITEST_* would change how Vite and Remix run.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST")),
  );
  const env = {
    ...inherited,
    NODE_ENV: "development" as const,
    PORT: String(await freePort()),
    ADMIN_PORT: String(await freePort()),
    DATABASE_URL: `file:${path.join(dir, "local.sqlite")}`,
  };
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "test/local/start.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const started = Date.now();
  while (!/Press Ctrl\+C to stop/.test(output)) {
    if (child.exitCode !== null) throw new Error(`local mode exited early:\n${output}`);
    if (Date.now() - started > 60_000) throw new Error(`local mode did not start in time:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const find = (label: RegExp) => label.exec(output)?.[1] ?? "";
  return {
    adminUrl: find(/Open the app[^:]*:\s+(\S+)/),
    fakeAdminUrl: find(/orders and fulfillments:\s+(\S+)/),
    output: () => output,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * A page with a desktop browser's user agent: shopify-app-remix answers 410 to requests it takes for
 * bots, and headless Chromium's default user agent says "HeadlessChrome".
 */
export async function newPage(browser: Browser): Promise<Page> {
  return browser.newPage({
    viewport: { width: 1280, height: 900 },
    userAgent:
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
  });
}

/** The embedded app's frame inside the local admin host page. */
export async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector("iframe#app-frame");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the app frame did not load");
  return frame;
}
