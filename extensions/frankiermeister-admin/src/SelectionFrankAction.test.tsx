import { fireEvent } from "@testing-library/preact";
import { afterEach, describe, expect, test, vi } from "vitest";
import { POLL_INTERVAL_MS } from "./frank/useBatchProgress";
import { byText, isDisabled, pageText, primaryAction, rowWith } from "./testing/dom";
import { json, unreachable } from "./testing/fake-app";
import { ORDER, batchAnswer, previewAnswer, signed } from "./testing/fixtures";
import { setUpTarget } from "./testing/harness";
import { installLocale } from "./testing/locale";

const { extension, app, render } = setUpTarget("admin.order-index.selection-action.render");

const ALL = [ORDER.standard, ORDER.large, ORDER.noAddress, ORDER.second];
const STARTED = json(202, { batchId: "batch-1", statusUrl: "/api/batches/batch-1" });

function select(ids: readonly string[]) {
  extension.shopify.data.selected = ids.map((id) => ({ id }));
}

async function renderPreview() {
  select(ALL);
  await render();
  await vi.waitFor(() => expect(pageText()).toContain("#1003"));
}

/** Clicks the primary action to review the purchase, then (unless `buy` is false) again to buy. */
async function reviewAndConfirm(buy = true) {
  fireEvent.click(primaryAction());
  await vi.waitFor(() =>
    expect(
      document.body.querySelector(
        's-section[heading="Buy these stamps?"], s-section[heading="Diese Marken kaufen?"]',
      ),
    ).not.toBeNull(),
  );
  if (buy) fireEvent.click(primaryAction());
}

/** Preview, confirm, and answer the batch status with `answers`. */
async function frankWith(...answers: Parameters<typeof json>[]) {
  app
    .on("POST", "/api/preview", json(200, previewAnswer()))
    .on("POST", "/api/batches", STARTED)
    .on("GET", "/api/batches/batch-1", ...answers.map((answer) => json(...answer)));
  await renderPreview();
  await reviewAndConfirm();
}

afterEach(() => {
  vi.useRealTimers();
});

describe("preview", () => {
  test("asks the app for a preview of the selected orders", async () => {
    app.on("POST", "/api/preview", json(200, previewAnswer()));
    await renderPreview();

    expect(app.requestsTo("POST", "/api/preview").map((r) => r.body)).toEqual([
      { orderIds: ALL, locale: "en" },
    ]);
  });

  test("shows each order's product and price, and why an order cannot be franked", async () => {
    app.on("POST", "/api/preview", json(200, previewAnswer()));
    await renderPreview();

    expect(rowWith("#1001")).toEqual(["#1001", "Standardbrief", "€0.95", "18 g, 1 item, Germany"]);
    expect(rowWith("#1002")).toEqual([
      "#1002",
      "Großbrief",
      "€1.80",
      "340 g, Germanyweight assumed for Poster",
    ]);
    expect(rowWith("#1003")).toEqual([
      "#1003",
      "No shipping address",
      "—",
      "The order has no shipping address",
    ]);
    expect(byText("s-badge", "No shipping address").getAttribute("tone")).toBe("warning");
    expect(pageText()).toContain("3 orders can be franked (4 selected).");
  });

  test("shows the totals by product and the total against the Portokasse balance", async () => {
    app.on("POST", "/api/preview", json(200, previewAnswer()));
    await renderPreview();

    const totals = document.body.querySelector('s-section[heading="Stamps by product"]');
    expect(totals?.textContent).toContain("Standardbrief2€0.95€1.90");
    expect(totals?.textContent).toContain("Großbrief1€1.80€1.80");
    expect(pageText()).toContain("Total €3.70 · Portokasse balance €50.00");
    expect(byText("s-badge", "Balance suffices")).toBeTruthy();
    expect(primaryAction().textContent).toBe("Review: 3 orders for €3.70");
    expect(isDisabled(primaryAction())).toBe(false);
  });

  test("an insufficient balance disables the confirm button and shows the missing amount", async () => {
    app.on(
      "POST",
      "/api/preview",
      json(200, previewAnswer({ balanceCents: 120, sufficient: false, missingCents: 250 })),
    );
    await renderPreview();

    const banner = byText("s-banner", "€2.50 is missing");
    expect(banner.getAttribute("heading")).toBe("The Portokasse balance is not enough");
    expect(banner.getAttribute("tone")).toBe("critical");
    expect(isDisabled(primaryAction())).toBe(true);

    fireEvent.click(primaryAction());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(app.requestsTo("POST", "/api/batches")).toHaveLength(0);
  });

  test("a balance the app could not read blocks the batch with an explanation", async () => {
    app.on(
      "POST",
      "/api/preview",
      json(200, previewAnswer({ balanceCents: null, sufficient: null }, { problem: "wrong-password" })),
    );
    await renderPreview();

    expect(byText("s-banner", "could not be read").getAttribute("heading")).toBe(
      "The Portokasse balance is unknown",
    );
    expect(pageText()).toContain("Portokasse balance unknown");
    expect(pageText()).toContain("Last Portokasse login: Deutsche Post refused the password.");
    expect(isDisabled(primaryAction())).toBe(true);
  });

  test("without a linked Portokasse it says where to link one and blocks the batch", async () => {
    app.on(
      "POST",
      "/api/preview",
      json(200, previewAnswer({ balanceCents: null, sufficient: null }, { connected: false })),
    );
    await renderPreview();

    expect(byText("s-banner", "Portokasse balance unknown").getAttribute("heading")).toBe(
      "No Portokasse is linked. Link it in the app under Settings › Portokasse, then open this action again.",
    );
    expect(isDisabled(primaryAction())).toBe(true);
  });

  test("an order the app could not find is shown by its id", async () => {
    const preview = previewAnswer();
    const [first, second, , fourth] = preview.lines;
    if (first === undefined || second === undefined || fourth === undefined) throw new Error("fixture");
    const missing = {
      orderId: ORDER.noAddress,
      orderName: null,
      ok: false,
      error: "not-found",
      reason: "Order not found in this shop",
      reasonParams: null,
    };
    app.on("POST", "/api/preview", json(200, { ...preview, lines: [first, second, missing, fourth] }));
    select(ALL);
    await render();

    await vi.waitFor(() => expect(pageText()).toContain(ORDER.noAddress));
    expect(rowWith(ORDER.noAddress)).toEqual([
      ORDER.noAddress,
      "Not found in this shop",
      "—",
      "Order not found in this shop",
    ]);
  });

  test("nothing to frank: says so and disables the confirm button", async () => {
    const preview = previewAnswer();
    app.on(
      "POST",
      "/api/preview",
      json(200, {
        ...preview,
        lines: preview.lines.filter((line) => !line.ok),
        totals: [],
        okCount: 0,
        balance: { ...preview.balance, totalCents: 0 },
      }),
    );
    await renderPreview();

    expect(byText("s-banner", "").getAttribute("heading")).toBe(
      "None of the selected orders can be franked.",
    );
    expect(primaryAction().textContent).toBe("Buy postage");
    expect(isDisabled(primaryAction())).toBe(true);
  });

  test("a preview of the wrong shape shows what is wrong instead of crashing", async () => {
    const preview = previewAnswer();
    app.on(
      "POST",
      "/api/preview",
      json(200, { ...preview, lines: [{ ...preview.lines[0], priceCents: "0.95" }] }),
      json(200, preview),
    );
    select(ALL);
    await render();

    await vi.waitFor(() => byText("s-banner", "lines[0].priceCents"));
    const banner = byText("s-banner", "lines[0].priceCents");
    expect(banner.getAttribute("heading")).toBe("Frankiermeister answered something unexpected");
    expect(banner.textContent).toContain(
      'POST /api/preview: lines[0].priceCents should be a whole number ≥ 0, got "0.95"',
    );
    expect(isDisabled(primaryAction())).toBe(true);

    fireEvent.click(byText("s-button", "Try again"));
    await vi.waitFor(() => expect(pageText()).toContain("#1003"));
    expect(app.requestsTo("POST", "/api/preview")).toHaveLength(2);
  });

  test("a refused preview without a message is explained by its error code, with the issues below", async () => {
    app.on(
      "POST",
      "/api/preview",
      json(400, { error: "invalid-request", issues: [{ path: "orderIds.0", message: "Too big" }] }),
    );
    select(ALL);
    await render();

    await vi.waitFor(() => byText("s-banner", "could not read the request"));
    const banner = byText("s-banner", "could not read the request");
    expect(banner.getAttribute("heading")).toBe("Frankiermeister refused the request");
    expect(banner.textContent).toBe("The app could not read the request.orderIds.0: Too bigTry again");
  });

  test("an unknown error code is named in a general sentence", async () => {
    app.on("POST", "/api/preview", json(503, { error: "maintenance" }));
    select(ALL);
    await render();

    await vi.waitFor(() => byText("s-banner", "The app did not accept the request (maintenance)."));
  });

  test("an app that cannot be reached is reported as such", async () => {
    app.on("POST", "/api/preview", unreachable);
    select(ALL);
    await render();

    await vi.waitFor(() =>
      expect(byText("s-banner", "").getAttribute("heading")).toBe("Frankiermeister could not be reached"),
    );
  });

  test("more than 250 selected orders are refused before asking the app", async () => {
    select(Array.from({ length: 251 }, (_, i) => `gid://shopify/Order/${i + 1}`));
    await render();

    expect(byText("s-banner", "").getAttribute("heading")).toBe(
      "Frank at most 250 orders at once; 251 are selected.",
    );
    expect(app.requests).toHaveLength(0);
  });

  test("in German: German strings, codes in German words, and euros", async () => {
    installLocale(extension.shopify, "de");
    app.on("POST", "/api/preview", json(200, previewAnswer()));
    await renderPreview();

    expect(app.requestsTo("POST", "/api/preview").map((r) => r.body)).toEqual([
      { orderIds: ALL, locale: "de" },
    ]);
    expect(rowWith("#1002")[2]).toBe("1,80\u00a0€");
    expect(rowWith("#1003")[1]).toBe("Keine Lieferadresse");
    expect(pageText()).toContain("Gewicht angenommen für Poster");
    expect(pageText()).toContain("Summe 3,70\u00a0€ · Guthaben der Portokasse 50,00\u00a0€");
    expect(primaryAction().textContent).toBe("Prüfen: 3 Bestellungen für 3,70\u00a0€");
    await reviewAndConfirm(false);
    expect(pageText()).toContain("Guthaben der Portokasse danach: 46,30\u00a0€");
    expect(primaryAction().textContent).toBe("Porto für 3 Bestellungen kaufen (3,70\u00a0€)");
  });
});

describe("start position", () => {
  test("a start position that is not a whole number from 1 disables the confirm button", async () => {
    app.on("POST", "/api/preview", json(200, previewAnswer()));
    await renderPreview();

    const field = document.body.querySelector("s-number-field");
    if (field === null) throw new Error("no start position field");
    field.value = "0";
    fireEvent.input(field);

    await vi.waitFor(() => expect(field.getAttribute("error")).toBe("Enter a whole number from 1."));
    expect(isDisabled(primaryAction())).toBe(true);
  });
});

describe("confirm and progress", () => {
  test("shows count, total, balance afterwards, labels and first position before any money moves", async () => {
    app.on(
      "POST",
      "/api/preview",
      json(200, {
        ...previewAnswer(),
        pageFormat: { id: 1, name: "DIN A4 Normalpapier", columns: 2, rows: 5 },
      }),
    );
    await renderPreview();
    const field = document.body.querySelector("s-number-field");
    if (field === null) throw new Error("no start position field");
    field.value = "4";
    fireEvent.input(field);
    await reviewAndConfirm(false);
    const text = pageText();
    expect(text).toContain("Orders: 3");
    expect(text).toContain("Total: €3.70");
    expect(text).toContain("Portokasse balance afterwards: €46.30");
    expect(text).toContain("Labels: PDF on DIN A4 Normalpapier (2 × 5 per page)");
    expect(text).toContain("First label position: 4 (row 2, column 2)");
    expect(primaryAction().textContent).toBe("Buy postage for 3 orders (€3.70)");
    expect(app.requestsTo("POST", "/api/batches")).toHaveLength(0);
    fireEvent.click(byText("s-button", "Back"));
    await vi.waitFor(() => expect(primaryAction().textContent).toBe("Review: 3 orders for €3.70"));
    expect(app.requestsTo("POST", "/api/batches")).toHaveLength(0);
  });

  test("posts exactly the frankable orders and polls the batch until it is complete", async () => {
    vi.useFakeTimers();
    app
      .on("POST", "/api/preview", json(200, previewAnswer()))
      .on("POST", "/api/batches", STARTED)
      .on(
        "GET",
        "/api/batches/batch-1",
        json(200, batchAnswer("QUEUED", 0)),
        json(200, batchAnswer("RUNNING", 1)),
        json(200, batchAnswer("DONE", 3)),
      );
    await renderPreview();

    const field = document.body.querySelector("s-number-field");
    if (field === null) throw new Error("no start position field");
    field.value = "5";
    fireEvent.input(field);

    await reviewAndConfirm();
    await vi.waitFor(() => expect(pageText()).toContain("Queued"));
    expect(app.requestsTo("POST", "/api/batches").map((r) => r.body)).toEqual([
      // With the total of the three frankable lines the merchant confirmed.
      { orderIds: [ORDER.standard, ORDER.large, ORDER.second], startPosition: 5, expectedTotalCents: 370 },
    ]);

    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    await vi.waitFor(() => expect(pageText()).toContain("Bought 1 of 3"));
    expect(byText("s-badge", "Buying stamps")).toBeTruthy();
    expect(document.body.querySelector("s-link")).toBeNull();

    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    await vi.waitFor(() => expect(byText("s-badge", "Completed").getAttribute("tone")).toBe("success"));
    expect(byText("s-banner", "").getAttribute("heading")).toBe(
      "All stamps bought and the orders fulfilled.",
    );
    expect(rowWith("#1002")).toEqual(["#1002", "Fulfilled", "Großbrief (€1.80)", "RR123456799DE", "—"]);
    const labels = byText("s-link", "Open the 3 labels (PDF)");
    expect(labels.getAttribute("href")).toBe(signed("/labels/batch-1"));
    expect(labels.getAttribute("target")).toBe("_blank");
    expect(byText("s-link", "Einlieferungsliste").getAttribute("href")).toBe(
      signed("/labels/batch-1/manifest"),
    );
    expect(primaryAction().textContent).toBe("Done");

    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 3);
    expect(app.requestsTo("GET", "/api/batches/batch-1")).toHaveLength(3);
  });

  test("a double click sends one batch, not two", async () => {
    app
      .on("POST", "/api/preview", json(200, previewAnswer()))
      .on("POST", "/api/batches", STARTED)
      .on("GET", "/api/batches/batch-1", json(200, batchAnswer("QUEUED", 0)));
    await renderPreview();

    fireEvent.click(primaryAction());
    await vi.waitFor(() =>
      expect(document.body.querySelector('s-section[heading="Buy these stamps?"]')).not.toBeNull(),
    );
    const confirm = primaryAction();
    confirm.dispatchEvent(new MouseEvent("click"));
    confirm.dispatchEvent(new MouseEvent("click"));
    await vi.waitFor(() => expect(pageText()).toContain("Queued"));
    expect(app.requestsTo("POST", "/api/batches")).toHaveLength(1);
  });

  test("shows per-order errors in the merchant's words when the batch completes with errors", async () => {
    const done = batchAnswer("DONE", 2);
    const [first, second, third] = done.orders;
    if (first === undefined || second === undefined || third === undefined) throw new Error("fixture");
    await frankWith([
      200,
      {
        ...done,
        counts: { ...done.counts, failed: 1 },
        orders: [first, second, { ...third, status: "FAILED", error: "validation_failed" }],
      },
    ]);

    await vi.waitFor(() => expect(byText("s-badge", "Completed with errors")).toBeTruthy());
    expect(byText("s-banner", "").getAttribute("heading")).toBe("Done, but 1 order failed.");
    expect(rowWith("#1004")).toEqual([
      "#1004",
      "Failed",
      "Standardbrief (€0.95)",
      "—",
      "Deutsche Post refused the stamp.",
    ]);
    expect(byText("s-link", "Open the 2 labels").getAttribute("href")).toBe(signed("/labels/batch-1"));
  });

  test("a batch stopped for lack of balance shows the missing amount", async () => {
    await frankWith([
      200,
      batchAnswer("INSUFFICIENT_FUNDS", 1, { missingCents: 275, error: "insufficient_balance" }),
    ]);

    await vi.waitFor(() => expect(pageText()).toContain("€2.75 is missing"));
    expect(byText("s-banner", "€2.75").getAttribute("heading")).toBe(
      "Stopped: the Portokasse balance ran out.",
    );
    expect(byText("s-badge", "Stopped").getAttribute("tone")).toBe("critical");
  });

  test("a batch that stopped buying early says why, in the merchant's words", async () => {
    await frankWith([200, batchAnswer("DONE", 1, { error: "app_not_approved" })]);

    await vi.waitFor(() => expect(byText("s-badge", "Completed with errors")).toBeTruthy());
    expect(byText("s-banner", "").getAttribute("heading")).toBe(
      "Buying stopped early: The app is not approved in the Portokasse.",
    );
  });

  test("a passing problem while the batch runs is shown without stopping the polling", async () => {
    await frankWith([200, batchAnswer("RUNNING", 0, { error: "network: fetch failed" })]);

    await vi.waitFor(() =>
      expect(pageText()).toContain("Latest problem, the app keeps trying: network: fetch failed"),
    );
    expect(primaryAction().textContent).toBe("Close");
  });

  test("the labels open once every stamp is bought, while Shopify is still being written", async () => {
    const fulfilling = batchAnswer("RUNNING", 3);
    await frankWith([
      200,
      {
        ...fulfilling,
        counts: { ...fulfilling.counts, fulfilled: 1 },
        orders: fulfilling.orders.map((order, i) => (i === 0 ? order : { ...order, status: "BOUGHT" })),
      },
    ]);

    await vi.waitFor(() => byText("s-link", "Open the 3 labels (PDF)"));
    expect(byText("s-badge", "Buying stamps")).toBeTruthy();
    expect(rowWith("#1002")[1]).toBe("Stamp bought");
    expect(primaryAction().textContent).toBe("Close");
  });

  test("the app refusing the batch with a bare code says what to do, in German too", async () => {
    installLocale(extension.shopify, "de");
    app
      .on("POST", "/api/preview", json(200, previewAnswer()))
      .on("POST", "/api/batches", json(409, { error: "start_position_out_of_range" }));
    await renderPreview();

    await reviewAndConfirm();
    await vi.waitFor(() => byText("s-banner", "Startposition"));
    const banner = byText("s-banner", "Startposition");
    expect(banner.getAttribute("heading")).toBe("Frankiermeister hat die Anfrage abgelehnt");
    expect(banner.textContent).toBe(
      "Die Startposition liegt hinter dem letzten Etikett des Bogens. Geben Sie eine kleinere Zahl ein.",
    );
    expect(isDisabled(primaryAction())).toBe(false);
  });

  test("the INTERNETMARKE terms not accepted: says so and links to the app's acceptance page", async () => {
    installLocale(extension.shopify, "de");
    app
      .on("POST", "/api/preview", json(200, previewAnswer()))
      .on(
        "POST",
        "/api/batches",
        json(409, { error: "terms_not_accepted", acceptUrl: "/app/settings/terms" }),
      );
    await renderPreview();

    await reviewAndConfirm();
    await vi.waitFor(() => byText("s-banner", "AGB INTERNETMARKE"));
    const banner = byText("s-banner", "AGB INTERNETMARKE");
    expect(banner.textContent).toContain(
      "Die AGB INTERNETMARKE der Deutschen Post sind noch nicht akzeptiert.",
    );
    expect(byText("s-link", "AGB INTERNETMARKE öffnen").getAttribute("href")).toBe("app:app/settings/terms");
  });

  test("the app refusing the batch shows its message and lets the merchant try again", async () => {
    app
      .on("POST", "/api/preview", json(200, previewAnswer()))
      .on(
        "POST",
        "/api/batches",
        json(409, { error: "BATCH_RUNNING", message: "Another batch is still running for this shop." }),
      );
    await renderPreview();

    await reviewAndConfirm();
    await vi.waitFor(() => byText("s-banner", "Another batch is still running"));
    expect(byText("s-banner", "Another batch").getAttribute("heading")).toBe(
      "Frankiermeister refused the request",
    );
    expect(isDisabled(primaryAction())).toBe(false);
  });

  test("a batch status of the wrong shape shows an error and can be checked again", async () => {
    await frankWith(
      [200, { ...batchAnswer("RUNNING", 1), status: "COMPLETED" }],
      [200, batchAnswer("DONE", 3)],
    );

    await vi.waitFor(() => byText("s-banner", "status should be one of QUEUED"));
    fireEvent.click(byText("s-button", "Try again"));
    await vi.waitFor(() => expect(byText("s-badge", "Completed")).toBeTruthy());
  });

  test("an answer to POST /api/batches without a batch id is an error, not a crash", async () => {
    app
      .on("POST", "/api/preview", json(200, previewAnswer()))
      .on("POST", "/api/batches", json(202, { statusUrl: "/api/batches/batch-1" }));
    await renderPreview();

    await reviewAndConfirm();
    await vi.waitFor(() => byText("s-banner", "POST /api/batches: batchId should be text, got nothing"));
  });
});
