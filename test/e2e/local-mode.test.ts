import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appFrame,
  chromiumAvailable,
  launchBrowser,
  newPage,
  type RunningDemo,
  startDemo,
} from "./local-mode";

/**
 * The README's first command, for real: local mode starts, a person opens the printed URL in
 * Chromium and sees the app embedded with the demo shop, in German and in English.
 */
const needsChromium = !chromiumAvailable();
if (needsChromium && process.env.CI === "true")
  throw new Error("Chromium is required under CI=true (apt-get install chromium)");
if (needsChromium)
  console.warn("⚠ /usr/bin/chromium not found: the browser tests are SKIPPED (apt-get install chromium).");

describe.skipIf(needsChromium)("local mode in Chromium", () => {
  let demo: RunningDemo;
  beforeAll(async () => {
    demo = await startDemo();
  }, 90_000);
  afterAll(async () => demo?.stop());

  it("shows the embedded app with the demo shop and its orders", async () => {
    const browser = await launchBrowser();
    const page = await newPage(browser);
    try {
      await page.goto(`${demo.adminUrl}?locale=de`);
      const frame = await appFrame(page);
      await frame.getByText("Frankier Demo", { exact: true }).waitFor({ timeout: 60_000 });
      expect(await frame.getByText("Porto für Ihre Briefe").isVisible()).toBe(true);
      expect(await frame.getByText("#1001", { exact: true }).count()).toBeGreaterThan(0);
      await page.goto(`${demo.adminUrl}?locale=en`);
      const english = await appFrame(page);
      await english.getByText("Postage for your letters").waitFor({ timeout: 30_000 });
    } catch (error) {
      await page
        .screenshot({ path: "test-results/local-mode-failure.png", fullPage: true })
        .catch(() => undefined);
      const frames = page
        .frames()
        .map((f) => f.url())
        .join("\n");
      throw new Error(
        `${String(error)}\nframes:\n${frames}\n--- local mode output ---\n${demo.output().slice(-3000)}`,
      );
    } finally {
      await browser.close();
    }
  }, 120_000);
});
