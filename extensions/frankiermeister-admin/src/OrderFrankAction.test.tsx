import { fireEvent } from "@testing-library/preact";
import { expect, test, vi } from "vitest";
import { byText, pageText, primaryAction } from "./testing/dom";
import { json } from "./testing/fake-app";
import { batchAnswer, previewAnswer, signed } from "./testing/fixtures";
import { setUpTarget } from "./testing/harness";

const { extension, app, render } = setUpTarget("admin.order-details.action.render");

const ORDER_ID = "gid://shopify/Order/1";

const onePreview = () => {
  const preview = previewAnswer({ totalCents: 95 });
  const [first] = preview.lines;
  if (first === undefined) throw new Error("fixture");
  return {
    ...preview,
    lines: [{ ...first, orderId: ORDER_ID }],
    totals: [{ productCode: 1, productName: "Standardbrief", count: 1, unitPriceCents: 95, totalCents: 95 }],
    okCount: 1,
    errorCount: 0,
  };
};

test("previews the order of the details page", async () => {
  extension.shopify.data.selected = [{ id: ORDER_ID }];
  app.on("POST", "/api/preview", json(200, onePreview()));
  await render();

  await vi.waitFor(() => expect(primaryAction().textContent).toBe("Review: 1 order for €0.95"));
  expect(app.requestsTo("POST", "/api/preview").map((r) => r.body)).toEqual([
    { orderIds: [ORDER_ID], locale: "en" },
  ]);
  expect(pageText()).toContain("1 order can be franked (1 selected).");
});

test("franks the order and closes when the merchant is done", async () => {
  const close = vi.fn();
  extension.shopify.close = close;
  extension.shopify.data.selected = [{ id: ORDER_ID }];
  const done = batchAnswer("DONE", 1);
  const [first] = done.orders;
  if (first === undefined) throw new Error("fixture");
  app
    .on("POST", "/api/preview", json(200, onePreview()))
    .on("POST", "/api/batches", json(202, { batchId: "batch-7", statusUrl: "/api/batches/batch-7" }))
    .on(
      "GET",
      "/api/batches/batch-7",
      json(200, {
        ...done,
        id: "batch-7",
        counts: { ...done.counts, orders: 1 },
        orders: [{ ...first, orderId: ORDER_ID }],
        labelUrl: signed("/labels/batch-7"),
        manifestUrl: null,
      }),
    );
  await render();
  await vi.waitFor(() => expect(pageText()).toContain("#1001"));

  fireEvent.click(primaryAction());
  await vi.waitFor(() =>
    expect(document.body.querySelector('s-section[heading="Buy these stamps?"]')).not.toBeNull(),
  );
  expect(app.requestsTo("POST", "/api/batches")).toHaveLength(0);
  fireEvent.click(primaryAction());
  await vi.waitFor(() => expect(byText("s-badge", "Completed")).toBeTruthy());
  expect(app.requestsTo("POST", "/api/batches").map((r) => r.body)).toEqual([
    // With the total the merchant confirmed (the preview's one Standardbrief): the app buys nothing if it changed.
    { orderIds: [ORDER_ID], startPosition: 1, expectedTotalCents: 95 },
  ]);
  expect(byText("s-link", "Open the label (PDF)").getAttribute("href")).toBe(signed("/labels/batch-7"));
  expect(pageText()).not.toContain("Einlieferungsliste");

  fireEvent.click(primaryAction());
  expect(close).toHaveBeenCalledOnce();
});

test("cancel closes the action without buying anything", async () => {
  const close = vi.fn();
  extension.shopify.close = close;
  app.on("POST", "/api/preview", json(200, onePreview()));
  await render();
  await vi.waitFor(() => expect(pageText()).toContain("#1001"));

  fireEvent.click(byText("s-button", "Cancel"));
  expect(close).toHaveBeenCalledOnce();
  expect(app.requestsTo("POST", "/api/batches")).toHaveLength(0);
});
