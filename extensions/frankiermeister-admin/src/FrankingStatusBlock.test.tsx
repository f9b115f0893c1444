import { fireEvent } from "@testing-library/preact";
import { expect, test, vi } from "vitest";
import { FRANK_ORDER_ACTION } from "./FrankingStatusBlock";
import { byText, pageText } from "./testing/dom";
import { json, text } from "./testing/fake-app";
import { frankingAnswer } from "./testing/fixtures";
import { readExtensionConfig, setUpTarget } from "./testing/harness";

const { extension, app, render } = setUpTarget("admin.order-details.block.render");

const block = () => {
  const element = document.body.querySelector("s-admin-block");
  if (element === null) throw new Error(`no s-admin-block in ${document.body.innerHTML}`);
  return element;
};

test("asks the app for the franking of the order on the page", async () => {
  app.on("GET", "/api/orders/franking", json(200, frankingAnswer()));
  await render();

  await vi.waitFor(() => expect(pageText()).toContain("Franked"));
  expect(app.requests.map((r) => r.url)).toEqual([
    "/api/orders/franking?ids=gid%3A%2F%2Fshopify%2FOrder%2F1",
  ]);
});

test("shows status, product, voucher, tracking number and the label link", async () => {
  app.on("GET", "/api/orders/franking", json(200, frankingAnswer()));
  await render();

  await vi.waitFor(() => expect(byText("s-badge", "Franked").getAttribute("tone")).toBe("success"));
  expect(block().getAttribute("heading")).toBe("Deutsche Post postage");
  expect(block().getAttribute("collapsedsummary")).toBe("Franked");
  expect(pageText()).toContain("ProductEinschreiben Einwurf (Standardbrief)");
  expect(pageText()).toContain("Stamp (voucher)A0011223344556677");
  expect(pageText()).toContain("Tracking numberRR123456785DE");
  expect(byText("s-link", "Print label (PDF)").getAttribute("href")).toBe(
    "/labels/orders.pdf?ids=gid%3A%2F%2Fshopify%2FOrder%2F1",
  );
  expect(document.body.querySelector("s-button")).toBeNull();
});

test("shows the Retoure (refund) state", async () => {
  app.on("GET", "/api/orders/franking", json(200, frankingAnswer({ refundState: "REFUNDED" })));
  await render();

  await vi.waitFor(() =>
    expect(byText("s-badge", "Refunded (Retoure)").getAttribute("tone")).toBe("success"),
  );
});

test("an order not franked yet offers to open the Frank order action", async () => {
  const navigate = vi.fn();
  extension.shopify.navigation.navigate = navigate;
  app.on(
    "GET",
    "/api/orders/franking",
    json(
      200,
      frankingAnswer({
        status: "NOT_FRANKED",
        productName: null,
        voucherIds: [],
        trackIds: [],
        batchId: null,
        labelUrl: null,
        refundState: null,
      }),
    ),
  );
  await render();

  await vi.waitFor(() => expect(byText("s-badge", "Not franked")).toBeTruthy());
  expect(pageText()).not.toContain("Tracking number");
  fireEvent.click(byText("s-button", "Frank order"));
  expect(navigate).toHaveBeenCalledWith(FRANK_ORDER_ACTION);

  const handles = readExtensionConfig().extensions.map((extension) => extension.handle);
  expect(handles).toContain(FRANK_ORDER_ACTION.replace("extension://", ""));
});

test("an answer of the wrong shape shows an error, not a crash", async () => {
  app.on(
    "GET",
    "/api/orders/franking",
    json(200, frankingAnswer({ trackIds: "RR123456785DE" as unknown as string[] })),
  );
  await render();

  await vi.waitFor(() => byText("s-banner", "orders[0].trackIds should be a list"));
  expect(byText("s-banner", "trackIds").getAttribute("heading")).toBe(
    "Frankiermeister answered something unexpected",
  );
});

test("an answer without this order is an error", async () => {
  app.on("GET", "/api/orders/franking", json(200, { orders: [] }));
  await render();

  await vi.waitFor(() => byText("s-banner", "the answer has no entry for gid://shopify/Order/1"));
});

test("an HTML error page instead of JSON is reported with its status, and Try again reloads", async () => {
  app.on("GET", "/api/orders/franking", text(502, "<html>Bad gateway</html>"), json(200, frankingAnswer()));
  await render();

  await vi.waitFor(() => byText("s-banner", "HTTP 502 without an {error, message} body"));
  fireEvent.click(byText("s-button", "Try again"));
  await vi.waitFor(() => expect(byText("s-badge", "Franked")).toBeTruthy());
});

test("uses the order id the admin gives the block", async () => {
  extension.shopify.data.selected = [{ id: "gid://shopify/Order/42" }];
  app.on("GET", "/api/orders/franking", json(200, frankingAnswer({ orderId: "gid://shopify/Order/42" })));
  await render();

  await vi.waitFor(() => expect(byText("s-badge", "Franked")).toBeTruthy());
  expect(app.requests[0]?.url).toBe("/api/orders/franking?ids=gid%3A%2F%2Fshopify%2FOrder%2F42");
});
