import { fireEvent } from "@testing-library/preact";
import { expect, test, vi } from "vitest";
import { byText, pageText, primaryAction } from "./testing/dom";
import { json } from "./testing/fake-app";
import { batchAnswer, previewAnswer } from "./testing/fixtures";
import { setUpTarget } from "./testing/harness";

const { extension, app, render } = setUpTarget("admin.order-details.action.render");

const ORDER_ID = "gid://shopify/Order/1";

const onePreview = () => {
  const preview = previewAnswer();
  const [first] = preview.orders;
  if (first === undefined) throw new Error("fixture");
  return {
    ...preview,
    orders: [{ ...first, orderId: ORDER_ID }],
    totalsByProduct: [
      { productCode: "STANDARDBRIEF", productName: "Standardbrief", count: 1, totalCents: 95 },
    ],
    totalCents: 95,
  };
};

test("previews the order of the details page", async () => {
  extension.shopify.data.selected = [{ id: ORDER_ID }];
  app.on("POST", "/api/preview", json(200, onePreview()));
  await render();

  await vi.waitFor(() => expect(primaryAction().textContent).toBe("Buy postage for 1 order (€0.95)"));
  expect(app.requestsTo("POST", "/api/preview").map((r) => r.body)).toEqual([{ orderIds: [ORDER_ID] }]);
  expect(pageText()).toContain("1 order can be franked (1 selected).");
});

test("franks the order and closes when the merchant is done", async () => {
  const close = vi.fn();
  extension.shopify.close = close;
  extension.shopify.data.selected = [{ id: ORDER_ID }];
  const done = batchAnswer("COMPLETED", 1);
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
      }),
    );
  await render();
  await vi.waitFor(() => expect(pageText()).toContain("#1001"));

  fireEvent.click(primaryAction());
  await vi.waitFor(() => expect(byText("s-badge", "Completed")).toBeTruthy());
  expect(app.requestsTo("POST", "/api/batches").map((r) => r.body)).toEqual([
    { orderIds: [ORDER_ID], startPosition: 1 },
  ]);
  expect(byText("s-link", "Open the label (PDF)").getAttribute("href")).toBe(
    "/labels/orders.pdf?ids=gid%3A%2F%2Fshopify%2FOrder%2F1",
  );

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
