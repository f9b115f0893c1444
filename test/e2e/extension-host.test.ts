import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extensionMessages } from "../local/extension-host";
import { chromiumAvailable, inBrowser, type RunningDemo, startDemo } from "./local-mode";
import { linkPortokasse, openApp } from "./merchant";

/**
 * Local mode's host of the admin extension (test/local/extension-host.ts, the README's extension
 * screenshot): the real "Frank orders" module, bundled, runs against local mode's app with a session token
 * and shows the extension's own German strings (read from locales/de.json here, so a changed string or a
 * host that stopped rendering fails), with no English string of the same keys.
 */
const needsChromium = !chromiumAvailable();
if (needsChromium && process.env.CI === "true")
  throw new Error("Chromium is required under CI=true (apt-get install chromium)");

const de = extensionMessages("de");
const en = extensionMessages("en");
const at = (messages: Record<string, unknown>, key: string): string => {
  const value = key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
  if (typeof value !== "string") throw new Error(`no string at ${key}`);
  return value;
};
/** The table headers and buttons the preview step always shows once the app answered. */
/** Two home orders and one to Austria, whose address the stamp cannot carry (a note the app flags). */
const ORDERS = ["#1001", "#1002", "#1006"];
const KEYS = ["frank.orders.order", "frank.orders.product", "frank.orders.price", "common.cancel"];

async function extensionFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector("iframe#extension-frame");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the extension's frame did not load");
  return frame;
}

describe.skipIf(needsChromium)("the admin extension in local mode's host, in Chromium", () => {
  let demo: RunningDemo;
  beforeAll(async () => {
    demo = await startDemo();
  }, 90_000);
  afterAll(async () => demo?.stop());

  it("renders 'Frank orders' in German from the app's real preview of the selected orders", async () => {
    expect(demo.extensionUrl).toMatch(/^http:\/\/localhost:\d+\/extensions\/frank-orders$/);
    await inBrowser(demo, "extension-host", async (page) => {
      await linkPortokasse(page, await openApp(page, demo), demo);
      await page.goto(`${demo.extensionUrl}?orders=${encodeURIComponent(ORDERS.join(","))}&locale=de`);
      expect(await page.locator("#extension-title").textContent()).toBe(at(de, "frank_orders_name"));
      const frame = await extensionFrame(page);
      // The app answered (the count of frankable orders is the extension's German plural).
      const count = at(de, "frank.frankableCount.other")
        .replace("{{count}}", "3")
        .replace("{{selected}}", "3");
      await frame.getByText(count, { exact: true }).waitFor({ timeout: 60_000 });
      for (const order of ORDERS) {
        expect(await frame.getByText(order, { exact: true }).count()).toBeGreaterThan(0);
      }
      const text = (await frame.locator("body").innerText()).replace(/\s+/g, " ");
      for (const key of KEYS) {
        expect(text).toContain(at(de, key));
        if (at(en, key) !== at(de, key)) expect(text).not.toContain(at(en, key));
      }
      // No raw code (`address-printed`, `paid_service_missing`): every note in the merchant's words.
      expect(text).not.toMatch(/\b[a-z]+(?:[-_][a-z]+)+\b/);
      // German money: "1,10 €", not "€1.10".
      expect(text).toMatch(/\d+,\d{2} €/);
      expect(text).not.toMatch(/€\d/);
      // The primary button is the extension's own, enabled once the balance suffices.
      const review = frame.locator("s-button[variant=primary]");
      expect(await review.getAttribute("disabled")).toBeNull();
    });
  }, 180_000);
});
