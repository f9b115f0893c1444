/**
 * What a merchant does in local mode, step by step in the browser (English admin): set the shop up,
 * frank orders from the preview page, read the batch page, download the labels. The browser tests
 * share these steps; each step uses only what the pages show (input names, button texts).
 */
import type { Frame, Page } from "playwright-core";
import { appFrame, navigateByAdminNav, type RunningDemo } from "./local-mode";

/** The simulator's seeded Portokasse, as `npm run demo` prints it. */
export const DEMO_PORTOKASSE = { username: "demo@portokasse.example", password: "demo-passwort" };

export async function openApp(page: Page, demo: RunningDemo): Promise<Frame> {
  await page.goto(`${demo.adminUrl}?locale=en`);
  const frame = await appFrame(page);
  await frame.getByText("Frankier Demo", { exact: true }).waitFor({ timeout: 60_000 });
  return frame;
}

export async function openSettings(page: Page, frame: Frame, section: string): Promise<void> {
  await navigateByAdminNav(page, frame, "Settings", /\/app\/settings(\?|$)/);
  await frame.locator(`a[href^="/app/settings/${section}"]`).first().click();
  await frame.waitForURL(new RegExp(`/app/settings/${section}(\\?|$)`));
}

async function save(frame: Frame): Promise<void> {
  await frame.getByRole("button", { name: "Save", exact: true }).click();
  await frame.getByText("Saved.", { exact: true }).waitFor();
}

/** Settings → Portokasse: link the simulator's Portokasse; answers the balance line the page shows. */
export async function linkPortokasse(page: Page, frame: Frame, demo: RunningDemo): Promise<string> {
  // The demo prints the credentials to use (the simulator's seeded account, DEMO_PORTOKASSE).
  const printed = /username (\S+)\s+password (\S+)/.exec(demo.output());
  if (!printed?.[1] || !printed[2]) throw new Error("npm run demo printed no Portokasse login");
  const [, username, password] = printed;
  await openSettings(page, frame, "portokasse");
  await frame.locator('input[name="username"]').fill(username);
  await frame.locator('input[name="password"]').fill(password);
  await frame.getByRole("button", { name: "Connect", exact: true }).click();
  await frame.getByText("The login worked.").waitFor();
  await frame.getByText(`Connected as ${username}`).waitFor();
  return frame.locator("#portokasse-balance").innerText();
}

/** Settings → INTERNETMARKE terms: tick and accept Deutsche Post's terms (needed before the first purchase). */
export async function acceptTerms(page: Page, frame: Frame): Promise<void> {
  await openSettings(page, frame, "terms");
  await frame.getByLabel(/I have read the General Terms and Conditions for the INTERNETMARKE/).check();
  await frame.getByRole("button", { name: "Accept", exact: true }).click();
  await frame.locator('#terms-state[data-accepted="yes"]').waitFor();
}

/** Settings → Sender. */
export async function saveSender(page: Page, frame: Frame): Promise<void> {
  await openSettings(page, frame, "sender");
  const fields = {
    name: "Erika Mustermann",
    company: "Frankier Demo GmbH",
    street: "Heinrich-von-Stephan-Str. 1",
    postalCode: "53175",
    city: "Bonn",
  };
  for (const [name, value] of Object.entries(fields))
    await frame.locator(`input[name="sender.${name}"]`).fill(value);
  await save(frame);
}

/**
 * Settings → Stamp: picks the page format whose option reads `optionText` and answers its grid as the
 * page shows it ("Zweckform 3483 – labels … mm, 2 × 2").
 */
export async function choosePageFormat(
  page: Page,
  frame: Frame,
  optionText: string,
): Promise<{ columns: number; rows: number }> {
  await openSettings(page, frame, "stamp");
  const select = frame.locator('select[name="pageFormatId"]');
  const option = select.locator("option", { hasText: optionText });
  const label = (await option.textContent()) ?? "";
  const grid = /(\d+) × (\d+)$/.exec(label);
  if (!grid) throw new Error(`no grid in the page format option "${label}"`);
  await select.selectOption({ label });
  await save(frame);
  return { columns: Number(grid[1]), rows: Number(grid[2]) };
}

/** Settings → Rules: one Einschreiben rule for a shipping method. */
export async function addEinschreibenRule(
  page: Page,
  frame: Frame,
  shippingMethod: string,
  service: "EINSCHREIBEN_EINWURF" | "EINSCHREIBEN" | "EINSCHREIBEN_RUECKSCHEIN",
): Promise<void> {
  await openSettings(page, frame, "rules");
  await frame.getByRole("button", { name: "Add Einschreiben rule" }).click();
  await frame.locator('input[name="registeredMailRules.0.shippingMethod"]').fill(shippingMethod);
  await frame.locator('select[name="registeredMailRules.0.service"]').selectOption(service);
  await save(frame);
}

export interface PreviewLine {
  order: string;
  /** The product, or the problem's badge for an order that cannot be franked. */
  product: string;
  price: string;
  why: string;
}

/** Preview: selects the orders by name, runs the preview and answers its table. */
export async function previewOrders(page: Page, frame: Frame, names: string[]): Promise<PreviewLine[]> {
  await navigateByAdminNav(page, frame, "Preview", /\/app\/preview(\?|$)/);
  for (const name of names) {
    const row = frame.locator("tr", { has: frame.getByText(name, { exact: true }) });
    await row.locator('input[type="checkbox"]').check();
  }
  await frame.getByText(`${names.length} selected`, { exact: true }).last().waitFor();
  await frame.getByRole("button", { name: "Preview", exact: true }).click();
  await frame.locator("#preview-summary").waitFor();
  // The result's table sits next to the summary line, in the innermost block that holds both.
  const result = frame.locator("div", { has: frame.locator("#preview-summary") }).last();
  const table = result.locator(".Polaris-DataTable tbody tr");
  const lines: PreviewLine[] = [];
  for (const row of await table.all()) {
    const cells = (await row.locator("td, th").allInnerTexts()).map((c) => c.replace(/\s+/g, " ").trim());
    lines.push({
      order: cells[0] ?? "",
      product: cells[1] ?? "",
      price: cells[2] ?? "",
      why: cells[4] ?? "",
    });
  }
  return lines;
}

export interface BatchLine {
  order: string;
  product: string;
  price: string;
  voucher: string;
  tracking: string;
  status: string;
  shopify: string;
}

/**
 * The buy step under the preview: clicks "Frank N orders for …", confirms "Buy N stamps for …", lands on the batch page and waits
 * until the batch is done. Answers the batch's id and its table.
 */
export async function frankPreviewed(
  frame: Frame,
  count: number,
): Promise<{ batchId: string; lines: BatchLine[] }> {
  await frame.getByRole("button", { name: new RegExp(`^Frank ${count} orders? for €`) }).click();
  await frame.locator("#frank-confirmation").waitFor();
  await frame.getByRole("button", { name: new RegExp(`^Buy ${count} stamps? for €`) }).click();
  await frame.waitForURL(/\/app\/batches\/[^/?]+(\?|$)/);
  const batchId = decodeURIComponent(/\/app\/batches\/([^/?]+)/.exec(frame.url())?.[1] ?? "");
  // The page polls the batch while it runs, shows the progress and, at the end, "Done" by the title.
  await frame
    .getByText(`Orders: ${count} – ${count} franked, 0 failed, 0 left out, 0 waiting`)
    .waitFor({ timeout: 60_000 });
  await frame.getByText("Done", { exact: true }).waitFor();
  const rows = frame.locator(".Polaris-DataTable tbody tr");
  const lines: BatchLine[] = [];
  for (const row of await rows.all()) {
    const cells = (await row.locator("td, th").allInnerTexts()).map((c) => c.replace(/\s+/g, " ").trim());
    lines.push({
      order: cells[0] ?? "",
      product: cells[1] ?? "",
      price: cells[2] ?? "",
      voucher: cells[3] ?? "",
      tracking: cells[4] ?? "",
      status: cells[5] ?? "",
      shopify: cells[6] ?? "",
    });
  }
  return { batchId, lines };
}

/**
 * Clicks the batch page's "Labels (PDF)" button, which opens the signed label link in a new tab, and
 * downloads that link. (Chromium's PDF viewer shows the file in the tab; its response body is the
 * viewer's page, so the file is fetched again from the tab's address with the browser's context.)
 */
export async function downloadLabels(
  page: Page,
  frame: Frame,
  link: { name: string; row?: string } = { name: "Labels (PDF)" },
): Promise<{ contentType: string; bytes: Buffer }> {
  const popup = page.waitForEvent("popup");
  const scope = link.row ? frame.locator("tr", { has: frame.getByText(link.row, { exact: true }) }) : frame;
  await scope.getByRole("link", { name: link.name }).click();
  const tab = await popup;
  await tab.waitForLoadState();
  const url = tab.url();
  if (!new URL(url).pathname.startsWith("/labels/")) throw new Error(`the labels link opened ${url}`);
  const answer = await page.context().request.get(url);
  if (!answer.ok()) throw new Error(`the labels link answered ${answer.status()}`);
  await tab.close();
  return { contentType: answer.headers()["content-type"] ?? "", bytes: await answer.body() };
}

/** Opens the fake shop's admin page from the admin host's link (a new tab). */
export async function openFakeAdmin(page: Page): Promise<Page> {
  const popup = page.waitForEvent("popup");
  await page.getByRole("link", { name: "Orders in the fake shop" }).click();
  const tab = await popup;
  await tab.waitForLoadState();
  await tab.locator("h1", { hasText: "Frankier Demo" }).waitFor();
  return tab;
}

/**
 * On the fake shop's admin page: clicks a button in an order's row (the page posts and comes back with a
 * notice or Shopify's refusal) and answers the notice.
 */
export async function clickInFakeAdmin(shopAdmin: Page, order: string, button: string): Promise<string> {
  await shopAdmin
    .locator(`tr[data-order="${order}"]`)
    .getByRole("button", { name: button, exact: true })
    .click();
  await shopAdmin.waitForLoadState();
  const error = shopAdmin.locator("p.error");
  if (await error.count())
    throw new Error(`the fake shop refused "${button}" on ${order}: ${await error.innerText()}`);
  return shopAdmin.locator("p.notice").innerText();
}

export interface RefundRow {
  order: string;
  voucher: string;
  amount: string;
  requested: string;
  last: string;
}

/** Refunds: the rows of one of the page's three tables ("Pending", "Confirmed", "Not refunded"). */
export async function refundRows(
  frame: Frame,
  table: "Pending" | "Confirmed" | "Not refunded",
): Promise<RefundRow[]> {
  // Each table's block starts with a heading "<table> <count badge>".
  const heading = frame.locator("h2", { hasText: new RegExp(`^${table}\\b`) });
  if ((await heading.count()) !== 1) throw new Error(`no table "${table}" on the Refunds page`);
  const card = frame.locator("div", { has: heading }).last();
  const rows: RefundRow[] = [];
  for (const row of await card.locator(".Polaris-DataTable tbody tr").all()) {
    const cells = (await row.locator("td, th").allInnerTexts()).map((c) => c.replace(/\s+/g, " ").trim());
    rows.push({
      order: cells[0] ?? "",
      voucher: cells[1] ?? "",
      amount: cells[2] ?? "",
      requested: cells[3] ?? "",
      last: cells[4] ?? "",
    });
  }
  return rows;
}
