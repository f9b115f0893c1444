import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageTexts } from "../support/pdf-page-text";
import { chromiumAvailable, inBrowser, type RunningDemo, startDemo } from "./local-mode";
import {
  acceptTerms,
  downloadLabels,
  frankPreviewed,
  linkPortokasse,
  openApp,
  previewOrders,
  saveSender,
} from "./merchant";

/**
 * A PNG batch, as a merchant buys one in local mode (ADR 023): the batch page's "Labels ready to stick"
 * gives one label per order with its order name, and the address for the order abroad whose postal code
 * the stamp cannot carry (#1006, Austria).
 */
const needsChromium = !chromiumAvailable();
if (needsChromium && process.env.CI === "true")
  throw new Error("Chromium is required under CI=true (apt-get install chromium)");

describe.skipIf(needsChromium)("a PNG batch's labels in Chromium", () => {
  let demo: RunningDemo;
  beforeAll(async () => {
    demo = await startDemo();
  }, 150_000);
  afterAll(async () => demo?.stop());

  it("hands back one label per order with its order name and, where the app prints it, the address", async () => {
    await inBrowser(demo, "png-labels", async (page) => {
      const frame = await openApp(page, demo);
      await linkPortokasse(page, frame, demo);
      await acceptTerms(page, frame);
      await saveSender(page, frame);
      await previewOrders(page, frame, ["#1001", "#1006"]);
      await frame.getByLabel("Label file").selectOption("PNG");
      await frankPreviewed(frame, 2);

      const labels = await downloadLabels(page, frame, { name: "Labels ready to stick (PDF)" });
      expect(labels.contentType).toBe("application/pdf");
      const pages = (await pageTexts(labels.bytes)).map((texts) => texts.join(" | "));
      expect(pages).toHaveLength(2);
      const austria = pages.find((p) => p.includes("#1006")) ?? "";
      const home = pages.find((p) => p.includes("#1001")) ?? "";
      // Abroad: the town in capitals and the country in German capitals as the last line (ADR 014).
      expect(austria).toMatch(/ÖSTERREICH \| #1006$/);
      expect(austria).toMatch(/\d{4} WIEN/);
      // At home the stamp carries the address (the shop's default layout): the label adds the order name only.
      expect(home).toBe("#1001");
      expect(await frame.getByRole("link", { name: "Stamps only (PNG, ZIP)" }).count()).toBe(1);
    });
  }, 240_000);
});
