/**
 * The README's screenshots, taken from local mode in German so they stay current: `npm run screenshots`.
 * Starts local mode (simulated Shopify admin and Deutsche Post), sets the shop up as a merchant would, then
 * photographs the preview, the confirmation, the batch page and the label sheet into docs/screenshots/, and
 * the admin extension "Frank orders" as local mode's host renders it (test/local/extension-host.ts: the
 * extension's real module and strings against the app's real API, outside Shopify admin, with stand-ins
 * for the Polaris components).
 * Needs Chromium (/usr/bin/chromium or CHROMIUM_PATH).
 */
import { mkdirSync } from "node:fs";
import type { Frame, Page } from "playwright-core";
import { appFrame, inBrowser, navigateByAdminNav, startDemo } from "../test/e2e/local-mode";
import { acceptTerms, choosePageFormat, linkPortokasse, openApp, saveSender } from "../test/e2e/merchant";

const OUT = "docs/screenshots";
const ORDERS = ["#1001", "#1002", "#1003", "#1006", "#1007", "#1013"];

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
  console.info(`${OUT}/${name}.png`);
}

async function openGerman(page: Page, adminUrl: string): Promise<Frame> {
  await page.goto(`${adminUrl}?locale=de`);
  const frame = await appFrame(page);
  await frame.getByText("Porto für Ihre Briefe").waitFor({ timeout: 60_000 });
  return frame;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const demo = await startDemo();
  try {
    await inBrowser(demo, "screenshots", async (page) => {
      const setup = await openApp(page, demo);
      await linkPortokasse(page, setup, demo);
      // Buying needs Deutsche Post's INTERNETMARKE terms accepted (ADR 012).
      await acceptTerms(page, setup);
      await saveSender(page, setup);
      await choosePageFormat(page, setup, "DIN A4 Normalpapier – ");

      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${demo.extensionUrl}?orders=${encodeURIComponent(ORDERS.join(","))}&locale=de`);
      const extension = await (await page.waitForSelector("iframe#extension-frame")).contentFrame();
      if (!extension) throw new Error("the extension host's frame did not load");
      await extension.getByText(/Bestellungen können frankiert werden/).waitFor({ timeout: 60_000 });
      await shot(page, "erweiterung");

      // Tall enough that the embedded app's frame shows a whole page.
      await page.setViewportSize({ width: 1280, height: 2400 });
      const frame = await openGerman(page, demo.adminUrl);
      await navigateByAdminNav(page, frame, "Vorschau", /\/app\/preview(\?|$)/);
      for (const name of ORDERS) {
        const row = frame.locator("tr", { has: frame.getByText(name, { exact: true }) });
        await row.locator('input[type="checkbox"]').check();
      }
      await frame.getByRole("button", { name: "Vorschau berechnen", exact: true }).click();
      await frame.locator("#preview-summary").waitFor();
      await frame.locator("#preview-summary").scrollIntoViewIfNeeded();
      await shot(page, "vorschau");

      await frame.getByRole("button", { name: /Bestellungen für .* frankieren$/ }).click();
      await frame.locator("#frank-confirmation").waitFor();
      await shot(page, "bestaetigung");

      await frame.getByRole("button", { name: /Marken für .* kaufen$/ }).click();
      await frame.waitForURL(/\/app\/batches\/[^/?]+(\?|$)/);
      await frame.getByText("Fertig", { exact: true }).waitFor({ timeout: 60_000 });
      await shot(page, "stapel");

      const popup = page.waitForEvent("popup");
      await frame.getByRole("link", { name: "Etiketten (PDF)" }).click();
      const tab = await popup;
      await tab.waitForLoadState();
      await tab.setViewportSize({ width: 900, height: 1200 });
      await tab.waitForTimeout(1500);
      await shot(tab, "etikettenbogen");
      await tab.close();
    });
  } finally {
    await demo.stop();
  }
}

await main();
