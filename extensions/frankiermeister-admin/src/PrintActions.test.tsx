import { describe, expect, test, vi } from "vitest";
import { byText, pageText } from "./testing/dom";
import { json } from "./testing/fake-app";
import { frankingAnswer } from "./testing/fixtures";
import { setUpTarget } from "./testing/harness";

const printSrc = () => document.body.querySelector("s-admin-print-action")?.getAttribute("src") ?? null;

const franked = (orderId: string) => frankingAnswer({ orderId }).orders[0];

describe("order details print action", () => {
  const { extension, app, render } = setUpTarget("admin.order-details.print-action.render");

  test("prints the order's label PDF from the app", async () => {
    extension.shopify.data.selected = [{ id: "gid://shopify/Order/1" }];
    app.on("GET", "/api/orders/franking", json(200, frankingAnswer()));
    await render();

    await vi.waitFor(() => expect(pageText()).toContain("Prints 1 label"));
    expect(printSrc()).toBe("/labels/orders.pdf?ids=gid%3A%2F%2Fshopify%2FOrder%2F1");
  });

  test("an order without a label has nothing to print", async () => {
    extension.shopify.data.selected = [{ id: "gid://shopify/Order/1" }];
    app.on(
      "GET",
      "/api/orders/franking",
      json(200, frankingAnswer({ status: "NOT_FRANKED", voucherIds: [], trackIds: [], labelUrl: null })),
    );
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

  test("prints the labels of the selected orders that have one, in selection order", async () => {
    extension.shopify.data.selected = ids.map((id) => ({ id }));
    app.on(
      "GET",
      "/api/orders/franking",
      json(200, {
        orders: [
          franked(ids[3] ?? ""),
          { ...franked(ids[1] ?? ""), status: "NOT_FRANKED" },
          franked(ids[0] ?? ""),
          { ...franked(ids[2] ?? ""), refundState: "REFUNDED" },
        ],
      }),
    );
    await render();

    await vi.waitFor(() => expect(pageText()).toContain("Prints 2 labels (4 orders selected)."));
    expect(app.requests[0]?.url).toBe(
      "/api/orders/franking?ids=gid%3A%2F%2Fshopify%2FOrder%2F1,gid%3A%2F%2Fshopify%2FOrder%2F2,gid%3A%2F%2Fshopify%2FOrder%2F3,gid%3A%2F%2Fshopify%2FOrder%2F4",
    );
    expect(printSrc()).toBe(
      "/labels/orders.pdf?ids=gid%3A%2F%2Fshopify%2FOrder%2F1,gid%3A%2F%2Fshopify%2FOrder%2F4",
    );
  });

  test("when the franking check answers the wrong shape, it says so and still offers all selected orders", async () => {
    extension.shopify.data.selected = ids.slice(0, 2).map((id) => ({ id }));
    app.on(
      "GET",
      "/api/orders/franking",
      json(200, { orders: [{ ...franked(ids[0] ?? ""), status: "SHIPPED" }] }),
    );
    await render();

    await vi.waitFor(() => byText("s-banner", "orders[0].status should be one of NOT_FRANKED"));
    expect(pageText()).toContain("those of the 2 selected orders that have one");
    expect(printSrc()).toBe(
      "/labels/orders.pdf?ids=gid%3A%2F%2Fshopify%2FOrder%2F1,gid%3A%2F%2Fshopify%2FOrder%2F2",
    );
  });
});
