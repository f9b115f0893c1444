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
  /** The local host of the admin extension "Frank orders" (test/local/extension-host.ts), without query. */
  extensionUrl: string;
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
    extensionUrl: find(/"Frank orders" \(stand-in\):\s+([^?\s]+)/),
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

/**
 * Clicks one of the app's nav links that the local admin host draws above the frame (App Bridge's
 * `<ui-nav-menu>` stand-in) and waits until the frame shows that path.
 */
export async function navigateByAdminNav(
  page: Page,
  frame: Frame,
  text: string,
  path: RegExp,
): Promise<void> {
  await page.locator("#app-nav a", { hasText: text }).click();
  await frame.waitForURL(path);
}

/**
 * Runs a browser session against the demo; on failure keeps a screenshot in test-results/ and adds
 * the frames' URLs and the end of local mode's output to the error.
 */
export async function inBrowser(
  demo: RunningDemo,
  name: string,
  steps: (page: Page) => Promise<void>,
): Promise<void> {
  const browser = await launchBrowser();
  const page = await newPage(browser);
  try {
    await steps(page);
  } catch (error) {
    await page
      .screenshot({ path: `test-results/${name}-failure.png`, fullPage: true })
      .catch(() => undefined);
    const frames = page
      .frames()
      .map((f) => f.url())
      .join("\n");
    throw new Error(
      `${String(error)}\nframes:\n${frames}\n--- local mode output ---\n${demo.output().slice(-3000)}`,
      { cause: error },
    );
  } finally {
    await browser.close();
  }
}
