import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, inBrowser, navigateByAdminNav, type RunningDemo, startDemo } from "./local-mode";
import {
  acceptTerms,
  choosePageFormat,
  downloadLabels,
  linkPortokasse,
  openApp,
  openFakeAdmin,
  saveSender,
} from "./merchant";

/**
 * Issue 14's demo, as a merchant does it in local mode: set a 14:00 rule under Settings → Automatik, a
 * customer places a paid order in the fake shop (its orders/create and orders/paid webhooks reach the app),
 * "Run now" makes the automatic run, the batches page tells the merchant and the batch has its label file.
 */
const needsChromium = !chromiumAvailable();
if (needsChromium && process.env.CI === "true")
  throw new Error("Chromium is required under CI=true (apt-get install chromium)");

describe.skipIf(needsChromium)("automatic franking in Chromium", () => {
  let demo: RunningDemo;
  beforeAll(async () => {
    demo = await startDemo();
  }, 90_000);
  afterAll(async () => demo?.stop());

  it("a 14:00 rule, a new paid order, Run now: the batch waits with its label file", async () => {
    await inBrowser(demo, "automation", async (page) => {
      const frame = await openApp(page, demo);
      await linkPortokasse(page, frame, demo);
      await acceptTerms(page, frame);
      await saveSender(page, frame);
      await choosePageFormat(page, frame, "Zweckform 3483");

      await navigateByAdminNav(page, frame, "Settings", /\/app\/settings(\?|$)/);
      await frame.locator('a[href^="/app/settings/automation"]').first().click();
      await frame.waitForURL(/\/app\/settings\/automation(\?|$)/);
      await frame.getByLabel("Frank matching orders automatically").check();
      await frame.locator('input[name="times"]').fill("14:00");
      await frame.locator('input[name="countries"]').fill("DE");
      await frame.getByRole("button", { name: "Save", exact: true }).click();
      await frame.getByText("Saved.", { exact: true }).waitFor();

      const shopAdmin = await openFakeAdmin(page);
      await shopAdmin.getByRole("button", { name: /Testbestellung aufgeben/ }).click();
      const placed = await shopAdmin.locator("p.notice").innerText();
      const name = /Bestellung (#\d+) wurde aufgegeben/.exec(placed)?.[1] ?? "";
      expect(name).not.toBe("");
      await shopAdmin.getByText("orders/paid").first().waitFor();
      await shopAdmin.close();

      await frame.getByRole("button", { name: "Run now", exact: true }).click();
      await frame.getByText("Run finished: batch created").waitFor({ timeout: 60_000 });

      await navigateByAdminNav(page, frame, "Batches", /\/app\/batches(\?|$)/);
      await frame.getByText(/1 order franked automatically/).waitFor();
      await frame.getByRole("link", { name: "Open batch" }).click();
      await frame.waitForURL(/\/app\/batches\/[^/?]+(\?|$)/);
      await frame
        .getByText("Orders: 1 – 1 franked, 0 failed, 0 left out, 0 waiting")
        .waitFor({ timeout: 60_000 });
      expect(await frame.getByText(name, { exact: true }).count()).toBeGreaterThan(0);
      const labels = await downloadLabels(page, frame);
      expect(labels.contentType).toBe("application/pdf");
      expect((await PDFDocument.load(labels.bytes)).getPageCount()).toBe(1);
    });
  }, 150_000);
});
