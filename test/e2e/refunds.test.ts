import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, inBrowser, navigateByAdminNav, type RunningDemo, startDemo } from "./local-mode";
import {
  choosePageFormat,
  clickInFakeAdmin,
  frankPreviewed,
  acceptTerms,
  linkPortokasse,
  openApp,
  openFakeAdmin,
  previewOrders,
  refundRows,
  saveSender,
} from "./merchant";

/**
 * Issue "Refunds", as a merchant does it in local mode: frank three orders, then the customer of one
 * cancels. As in Shopify, an order with a fulfillment cannot be cancelled, so the merchant first cancels
 * the fulfillment the app created and then the order, on the fake shop's admin page; the fake sends the
 * signed orders/cancelled webhook to the app, which files a Retoure for the order's stamp. The Refunds
 * page shows it confirmed once the simulator settles it, the order gets its refund tag in the shop,
 * and the Portokasse balance has the money back.
 */
const needsChromium = !chromiumAvailable();
if (needsChromium && process.env.CI === "true")
  throw new Error("Chromium is required under CI=true (apt-get install chromium)");
if (needsChromium)
  console.warn("⚠ /usr/bin/chromium not found: the browser tests are SKIPPED (apt-get install chromium).");

const FRANKED = ["#1001", "#1002", "#1004"];
const CANCELLED = "#1002";

describe.skipIf(needsChromium)("cancelling a franked order refunds its stamp, in Chromium", () => {
  let demo: RunningDemo;
  beforeAll(async () => {
    demo = await startDemo();
  }, 90_000);
  afterAll(async () => demo?.stop());

  it("refunds the stamp of an order cancelled in the shop and shows it confirmed", async () => {
    await inBrowser(demo, "refunds", async (page) => {
      const frame = await openApp(page, demo);
      await linkPortokasse(page, frame, demo);
      await acceptTerms(page, frame);
      await saveSender(page, frame);
      await choosePageFormat(page, frame, "DIN A4 Normalpapier – ");
      await previewOrders(page, frame, FRANKED);
      const batch = await frankPreviewed(frame, FRANKED.length);
      const stamp = batch.lines.find((l) => l.order === CANCELLED);
      expect(stamp?.voucher).toMatch(/^[0-9A-F]{20}$/);
      const spent = batch.lines.reduce((sum, l) => sum + euroCents(l.price), 0);

      // Nothing to refund yet.
      await navigateByAdminNav(page, frame, "Refunds", /\/app\/refunds(\?|$)/);
      await frame.getByText("Stamps of cancelled orders", { exact: false }).waitFor();
      expect(await refundRows(frame, "Confirmed")).toEqual([]);
      expect(await refundRows(frame, "Pending")).toEqual([]);

      // The shop: a franked order is fulfilled, and Shopify will not cancel it as it is.
      const shopAdmin = await openFakeAdmin(page);
      const row = shopAdmin.locator(`tr[data-order="${CANCELLED}"]`);
      expect(await row.innerText()).toContain("Versandt");
      expect(await row.getByRole("button", { name: "Stornieren", exact: true }).count()).toBe(0);
      expect(await clickInFakeAdmin(shopAdmin, CANCELLED, "Versand stornieren")).toBe(
        `Versand ${CANCELLED}-F1 wurde storniert.`,
      );
      expect(await clickInFakeAdmin(shopAdmin, CANCELLED, "Stornieren")).toBe(
        `Bestellung ${CANCELLED} wurde storniert.`,
      );
      expect(await row.innerText()).toContain("Storniert");
      // The fake signed and delivered orders/cancelled to the app (2xx).
      await expect
        .poll(() => shopAdmin.locator("tr", { hasText: "orders/cancelled" }).first().innerText())
        .toMatch(/delivered \(1×, HTTP 200\)/);

      // The Refunds page: the stamp is refunded and Deutsche Post confirms it after a short while.
      let confirmed = await refundRows(frame, "Confirmed");
      const deadline = Date.now() + 45_000;
      while (confirmed.length === 0 && Date.now() < deadline) {
        await page.waitForTimeout(1_000);
        await navigateByAdminNav(page, frame, "Batches", /\/app\/batches(\?|$)/);
        await navigateByAdminNav(page, frame, "Refunds", /\/app\/refunds(\?|$)/);
        await frame.getByText("Stamps of cancelled orders", { exact: false }).waitFor();
        confirmed = await refundRows(frame, "Confirmed");
      }
      expect(confirmed).toEqual([
        expect.objectContaining({ order: CANCELLED, voucher: stamp?.voucher, amount: stamp?.price }),
      ]);
      expect(await refundRows(frame, "Pending")).toEqual([]);
      expect(await refundRows(frame, "Not refunded")).toEqual([]);
      expect(await frame.getByText(`Total ${stamp?.price} (1)`).count()).toBe(1);

      // The shop shows the refund on the order; the other franked orders are untouched.
      await expect
        .poll(async () => {
          await shopAdmin.reload();
          return row.innerText();
        })
        .toContain("Porto erstattet");
      for (const other of FRANKED.filter((name) => name !== CANCELLED)) {
        const text = await shopAdmin.locator(`tr[data-order="${other}"]`).innerText();
        expect(text).toContain("Versandt");
        expect(text).not.toContain("Porto");
      }

      // The Portokasse has the money back: a fresh login reads the balance from Deutsche Post.
      await navigateByAdminNav(page, frame, "Settings", /\/app\/settings(\?|$)/);
      await frame.locator('a[href^="/app/settings/portokasse"]').first().click();
      await frame.getByRole("button", { name: "Test login", exact: true }).click();
      await frame.getByText("The login worked.").waitFor();
      const expected = 10_000 - spent + euroCents(stamp?.price ?? "");
      expect(await frame.locator("#portokasse-balance").innerText()).toContain(euro(expected));
    });
  }, 90_000);
});

const euroCents = (text: string) => Math.round(Number(text.replace(/[€,]/g, "")) * 100);
const euro = (cents: number) => `€${(cents / 100).toFixed(2)}`;
