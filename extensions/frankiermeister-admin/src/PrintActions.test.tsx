import { fireEvent } from "@testing-library/preact";
import { describe, expect, test, vi } from "vitest";
import { byText, pageText } from "./testing/dom";
import { json } from "./testing/fake-app";
import {
  frankedOrder,
  frankingAnswer,
  frankingsAnswer,
  notFranked,
  orderLabelsUrl,
} from "./testing/fixtures";
import { setUpTarget } from "./testing/harness";

const printSrc = () => document.body.querySelector("s-admin-print-action")?.getAttribute("src") ?? null;

describe("order details print action", () => {
  const { extension, app, render } = setUpTarget("admin.order-details.print-action.render");

  test("prints the order's labels from the signed link the app gives", async () => {
    extension.shopify.data.selected = [{ id: "gid://shopify/Order/1" }];
    app.on("GET", "/api/orders/franking", json(200, frankingAnswer()));
    await render();

    await vi.waitFor(() => expect(pageText()).toContain("Prints 1 label"));
    expect(printSrc()).toBe(orderLabelsUrl(["gid://shopify/Order/1"]));
    expect(printSrc()).toMatch(
      /^https:\/\/frankiermeister\.example\/labels\/orders\.pdf\?ids=1&shop=.+&exp=\d+&sig=/,
    );
  });

  test("an order without a printable label has nothing to print", async () => {
    extension.shopify.data.selected = [{ id: "gid://shopify/Order/1" }];
    app.on("GET", "/api/orders/franking", json(200, frankingsAnswer([notFranked()])));
    await render();

    await vi.waitFor(() =>
      expect(byText("s-banner", "").getAttribute("heading")).toBe(
        "None of the selected orders has a label to print. Frank them first.",
      ),
    );
    expect(printSrc()).toBeNull();
  });
});

describe("order index selection print action", () => {
  const { extension, app, render } = setUpTarget("admin.order-index.selection-print-action.render");

  const ids = [
    "gid://shopify/Order/1",
    "gid://shopify/Order/2",
    "gid://shopify/Order/3",
    "gid://shopify/Order/4",
  ];
  const [one = "", two = "", three = "", four = ""] = ids;

  test("prints the labels of the selected orders that have one, as the app signed them", async () => {
    extension.shopify.data.selected = ids.map((id) => ({ id }));
    app.on(
      "GET",
      "/api/orders/franking",
      json(
        200,
        frankingsAnswer([
          frankedOrder({ orderId: one }),
          notFranked(two),
          frankedOrder({ orderId: three, labelUrl: null }),
          frankedOrder({ orderId: four }),
        ]),
      ),
    );
    await render();

    await vi.waitFor(() => expect(pageText()).toContain("Prints 2 labels (4 orders selected)."));
    expect(app.requests[0]?.url).toBe(
      "/api/orders/franking?ids=gid%3A%2F%2Fshopify%2FOrder%2F1,gid%3A%2F%2Fshopify%2FOrder%2F2,gid%3A%2F%2Fshopify%2FOrder%2F3,gid%3A%2F%2Fshopify%2FOrder%2F4",
    );
    expect(printSrc()).toBe(orderLabelsUrl([one, four]));
  });

  test("when the franking check answers the wrong shape, it says so and offers nothing to print", async () => {
    extension.shopify.data.selected = ids.slice(0, 2).map((id) => ({ id }));
    app.on(
      "GET",
      "/api/orders/franking",
      json(200, { orders: [{ ...frankedOrder({ orderId: one }), status: "SHIPPED" }], labelsUrl: null }),
    );
    await render();

    await vi.waitFor(() => byText("s-banner", "orders[0].status should be one of NOT_FRANKED"));
    expect(pageText()).toContain("Without the app's answer there is nothing to print. Try again.");
    expect(printSrc()).toBeNull();
  });

  test("Try again asks the app again and then prints", async () => {
    extension.shopify.data.selected = [{ id: one }];
    app.on(
      "GET",
      "/api/orders/franking",
      json(401, ""),
      json(200, frankingsAnswer([frankedOrder({ orderId: one })])),
    );
    await render();

    await vi.waitFor(() => byText("s-banner", "did not accept your session"));
    fireEvent.click(byText("s-button", "Try again"));
    await vi.waitFor(() => expect(printSrc()).toBe(orderLabelsUrl([one])));
  });
});
