import { fireEvent } from "@testing-library/preact";
import { afterEach, describe, expect, test, vi } from "vitest";
import { POLL_INTERVAL_MS } from "./frank/useBatchProgress";
import { byText, isDisabled, pageText, primaryAction, rowWith } from "./testing/dom";
import { json, unreachable } from "./testing/fake-app";
import { ORDER, batchAnswer, previewAnswer } from "./testing/fixtures";
import { setUpTarget } from "./testing/harness";
import { installLocale } from "./testing/locale";

const { extension, app, render } = setUpTarget("admin.order-index.selection-action.render");

const ALL = [ORDER.standard, ORDER.large, ORDER.noAddress, ORDER.second];

function select(ids: readonly string[]) {
  extension.shopify.data.selected = ids.map((id) => ({ id }));
}

async function renderPreview() {
  select(ALL);
  await render();
  await vi.waitFor(() => expect(pageText()).toContain("#1003"));
}

afterEach(() => {
  vi.useRealTimers();
});

describe("preview", () => {
  test("asks the app for a preview of the selected orders", async () => {
    app.on("POST", "/api/preview", json(200, previewAnswer()));
    await renderPreview();

    expect(app.requestsTo("POST", "/api/preview").map((r) => r.body)).toEqual([{ orderIds: ALL }]);
  });

  test("shows each order's product and price, and why an order cannot be franked", async () => {
    app.on("POST", "/api/preview", json(200, previewAnswer()));
    await renderPreview();

    expect(rowWith("#1001")).toEqual(["#1001", "Standardbrief", "€0.95", "18 g, 1 item, Germany"]);
    expect(rowWith("#1003")).toEqual([
      "#1003",
      "Cannot be franked",
      "—",
      "The order has no shipping addressMISSING_ADDRESS",
    ]);
    expect(pageText()).toContain("3 orders can be franked (4 selected).");
  });

  test("shows the totals by product and the total against the Portokasse balance", async () => {
    app.on("POST", "/api/preview", json(200, previewAnswer()));
    await renderPreview();

    const totals = document.body.querySelector('s-section[heading="Stamps by product"]');
    expect(totals?.textContent).toContain("Standardbrief2€1.90");
    expect(totals?.textContent).toContain("Großbrief1€1.80");
    expect(pageText()).toContain("Total €3.70 · Portokasse balance €50.00");
    expect(byText("s-badge", "Balance suffices")).toBeTruthy();
    expect(primaryAction().textContent).toBe("Buy postage for 3 orders (€3.70)");
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
    app.on("POST", "/api/preview", json(200, previewAnswer({ balanceCents: null, sufficient: false })));
    await renderPreview();

    expect(pageText()).toContain("Portokasse balance unknown");
    expect(pageText()).toContain("could not be read");
    expect(isDisabled(primaryAction())).toBe(true);
  });

  test("nothing to frank: says so and disables the confirm button", async () => {
    const preview = previewAnswer();
    app.on(
      "POST",
      "/api/preview",
      json(200, {
        ...preview,
        orders: preview.orders.filter((order) => !order.ok),
        totalsByProduct: [],
        totalCents: 0,
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
      json(200, { ...preview, orders: [{ ...preview.orders[0], priceCents: "0.95" }] }),
      json(200, preview),
    );
    select(ALL);
    await render();

    await vi.waitFor(() => byText("s-banner", "orders[0].priceCents"));
    const banner = byText("s-banner", "orders[0].priceCents");
    expect(banner.getAttribute("heading")).toBe("Frankiermeister answered something unexpected");
    expect(banner.textContent).toContain(
      'POST /api/preview: orders[0].priceCents should be a whole number ≥ 0, got "0.95"',
    );
    expect(isDisabled(primaryAction())).toBe(true);

    fireEvent.click(byText("s-button", "Try again"));
    await vi.waitFor(() => expect(pageText()).toContain("#1003"));
    expect(app.requestsTo("POST", "/api/preview")).toHaveLength(2);
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

  test("in German: German strings and euros", async () => {
    installLocale(extension.shopify, "de");
    app.on("POST", "/api/preview", json(200, previewAnswer()));
    await renderPreview();

    expect(rowWith("#1002")[2]).toBe("1,80\u00a0€");
    expect(pageText()).toContain("Summe 3,70\u00a0€ · Guthaben der Portokasse 50,00\u00a0€");
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
  test("posts exactly the frankable orders and polls the batch until it is complete", async () => {
    vi.useFakeTimers();
    app
      .on("POST", "/api/preview", json(200, previewAnswer()))
      .on("POST", "/api/batches", json(202, { batchId: "batch-1", statusUrl: "/api/batches/batch-1" }))
      .on(
        "GET",
        "/api/batches/batch-1",
        json(200, batchAnswer("QUEUED", 0)),
        json(200, batchAnswer("RUNNING", 1)),
        json(200, batchAnswer("COMPLETED", 3)),
      );
    await renderPreview();

    const field = document.body.querySelector("s-number-field");
    if (field === null) throw new Error("no start position field");
    field.value = "5";
    fireEvent.input(field);

    fireEvent.click(primaryAction());
    await vi.waitFor(() => expect(pageText()).toContain("Queued"));
    expect(app.requestsTo("POST", "/api/batches").map((r) => r.body)).toEqual([
      { orderIds: [ORDER.standard, ORDER.large, ORDER.second], startPosition: 5 },
    ]);

    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    await vi.waitFor(() => expect(pageText()).toContain("Bought 1 of 3"));
    expect(byText("s-badge", "Buying stamps")).toBeTruthy();

    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    await vi.waitFor(() => expect(byText("s-badge", "Completed")).toBeTruthy());
    expect(byText("s-banner", "").getAttribute("heading")).toBe(
      "All stamps bought and the orders fulfilled.",
    );
    expect(rowWith("#1002")).toEqual(["#1002", "Fulfilled", "Großbrief (€1.80)", "RR123456799DE", "—"]);
    expect(byText("s-link", "Open the 3 labels (PDF)").getAttribute("href")).toBe(
      "/labels/orders.pdf?ids=gid%3A%2F%2Fshopify%2FOrder%2F1001,gid%3A%2F%2Fshopify%2FOrder%2F1002,gid%3A%2F%2Fshopify%2FOrder%2F1004",
    );
    expect(primaryAction().textContent).toBe("Done");

    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 3);
    expect(app.requestsTo("GET", "/api/batches/batch-1")).toHaveLength(3);
  });

  test("a double click sends one batch, not two", async () => {
    app
      .on("POST", "/api/preview", json(200, previewAnswer()))
      .on("POST", "/api/batches", json(202, { batchId: "batch-1", statusUrl: "/api/batches/batch-1" }))
      .on("GET", "/api/batches/batch-1", json(200, batchAnswer("QUEUED", 0)));
    await renderPreview();

    const confirm = primaryAction();
    confirm.dispatchEvent(new MouseEvent("click"));
    confirm.dispatchEvent(new MouseEvent("click"));
    await vi.waitFor(() => expect(pageText()).toContain("Queued"));
    expect(app.requestsTo("POST", "/api/batches")).toHaveLength(1);
  });

  test("shows per-order errors when the batch completes with errors", async () => {
    const done = batchAnswer("COMPLETED_WITH_ERRORS", 2);
    const [first, second, third] = done.orders;
    if (first === undefined || second === undefined || third === undefined) throw new Error("fixture");
    app
      .on("POST", "/api/preview", json(200, previewAnswer()))
      .on("POST", "/api/batches", json(202, { batchId: "batch-1", statusUrl: "/api/batches/batch-1" }))
      .on(
        "GET",
        "/api/batches/batch-1",
        json(200, {
          ...done,
          counts: { ...done.counts, failed: 1 },
          orders: [first, second, { ...third, status: "FAILED", error: "Address rejected by Deutsche Post" }],
        }),
      );
    await renderPreview();

    fireEvent.click(primaryAction());
    await vi.waitFor(() => expect(byText("s-badge", "Completed with errors")).toBeTruthy());
    expect(byText("s-banner", "").getAttribute("heading")).toBe("Done, but 1 order failed.");
    expect(rowWith("#1004")).toEqual([
      "#1004",
      "Failed",
      "Standardbrief (€0.95)",
      "—",
      "Address rejected by Deutsche Post",
    ]);
    expect(byText("s-link", "labels").getAttribute("href")).toBe(
      "/labels/orders.pdf?ids=gid%3A%2F%2Fshopify%2FOrder%2F1001,gid%3A%2F%2Fshopify%2FOrder%2F1002",
    );
  });

  test("a batch stopped for lack of balance shows the missing amount", async () => {
    app
      .on("POST", "/api/preview", json(200, previewAnswer()))
      .on("POST", "/api/batches", json(202, { batchId: "batch-1", statusUrl: "/api/batches/batch-1" }))
      .on(
        "GET",
        "/api/batches/batch-1",
        json(200, batchAnswer("STOPPED_INSUFFICIENT_BALANCE", 1, { missingCents: 275 })),
      );
    await renderPreview();

    fireEvent.click(primaryAction());
    await vi.waitFor(() => expect(pageText()).toContain("€2.75 is missing"));
    expect(byText("s-banner", "€2.75").getAttribute("heading")).toBe(
      "Stopped: the Portokasse balance ran out.",
    );
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

    fireEvent.click(primaryAction());
    await vi.waitFor(() => byText("s-banner", "Another batch is still running"));
    expect(byText("s-banner", "Another batch").getAttribute("heading")).toBe(
      "Frankiermeister refused the request",
    );
    expect(isDisabled(primaryAction())).toBe(false);
  });

  test("a batch status of the wrong shape shows an error and can be checked again", async () => {
    app
      .on("POST", "/api/preview", json(200, previewAnswer()))
      .on("POST", "/api/batches", json(202, { batchId: "batch-1", statusUrl: "/api/batches/batch-1" }))
      .on(
        "GET",
        "/api/batches/batch-1",
        json(200, { ...batchAnswer("RUNNING", 1), status: "DONE" }),
        json(200, batchAnswer("COMPLETED", 3)),
      );
    await renderPreview();

    fireEvent.click(primaryAction());
    await vi.waitFor(() => byText("s-banner", "status should be one of QUEUED"));

    fireEvent.click(byText("s-button", "Try again"));
    await vi.waitFor(() => expect(byText("s-badge", "Completed")).toBeTruthy());
  });

  test("an answer to POST /api/batches without a batch id is an error, not a crash", async () => {
    app
      .on("POST", "/api/preview", json(200, previewAnswer()))
      .on("POST", "/api/batches", json(202, { statusUrl: "/api/batches/batch-1" }));
    await renderPreview();

    fireEvent.click(primaryAction());
    await vi.waitFor(() => byText("s-banner", "POST /api/batches: batchId should be text, got nothing"));
  });
});
