import { fireEvent } from "@testing-library/preact";
import { expect, test, vi } from "vitest";
import { FRANK_ORDER_ACTION } from "./FrankingStatusBlock";
import { byText, pageText } from "./testing/dom";
import { json, text } from "./testing/fake-app";
import {
  frankingAnswer,
  frankingsAnswer,
  notFranked,
  orderLabelsUrl,
  refundsAnswer,
} from "./testing/fixtures";
import { installLocale } from "./testing/locale";
import { readExtensionConfig, setUpTarget } from "./testing/harness";

const { extension, app, render } = setUpTarget("admin.order-details.block.render");

const block = () => {
  const element = document.body.querySelector("s-admin-block");
  if (element === null) throw new Error(`no s-admin-block in ${document.body.innerHTML}`);
  return element;
};

const noRefunds = json(200, refundsAnswer());

test("asks the app for the franking of the order on the page, then for its Retoure state", async () => {
  app.on("GET", "/api/orders/franking", json(200, frankingAnswer())).on("GET", "/api/refunds", noRefunds);
  await render();

  await vi.waitFor(() => expect(pageText()).toContain("Franked"));
  await vi.waitFor(() => expect(app.requests).toHaveLength(2));
  expect(app.requests.map((r) => r.url)).toEqual([
    "/api/orders/franking?ids=gid%3A%2F%2Fshopify%2FOrder%2F1",
    "/api/refunds?orderId=gid%3A%2F%2Fshopify%2FOrder%2F1",
  ]);
});

test("shows status, product, voucher, tracking number and the signed label link", async () => {
  app.on("GET", "/api/orders/franking", json(200, frankingAnswer())).on("GET", "/api/refunds", noRefunds);
  await render();

  await vi.waitFor(() => expect(byText("s-badge", "Franked").getAttribute("tone")).toBe("success"));
  expect(block().getAttribute("heading")).toBe("Deutsche Post postage");
  expect(block().getAttribute("collapsedsummary")).toBe("Franked");
  expect(pageText()).toContain("ProductEinschreiben Einwurf (Standardbrief)");
  expect(pageText()).toContain("Stamp (voucher)A0011223344556677");
  expect(pageText()).toContain("Tracking numberRR123456785DE");
  const link = byText("s-link", "Print label (PDF)");
  expect(link.getAttribute("href")).toBe(orderLabelsUrl(["gid://shopify/Order/1"]));
  expect(link.getAttribute("target")).toBe("_blank");
  expect(pageText()).not.toContain("Frank order");
});

test("undoes the franking after a confirmation and says what happened, in the admin's language", async () => {
  installLocale(extension.shopify, "de");
  app
    .on("GET", "/api/orders/franking", json(200, frankingAnswer()))
    .on("GET", "/api/refunds", noRefunds)
    .on(
      "POST",
      "/api/undo",
      json(200, {
        outcomes: [
          {
            orderId: "gid://shopify/Order/1",
            orderName: "#1001",
            result: "undone",
            reason: null,
            message: "#1001: storniert, die Erstattung ist beantragt.",
          },
        ],
      }),
    );
  await render();

  await vi.waitFor(() => expect(byText("s-button", "Frankierung stornieren")).toBeTruthy());
  fireEvent.click(byText("s-button", "Frankierung stornieren"));
  expect(app.requestsTo("POST", "/api/undo")).toHaveLength(0);
  expect(pageText()).toContain("Geben Sie den Brief nicht auf.");
  fireEvent.click(byText("s-button", "Ja, Frankierung stornieren"));
  await vi.waitFor(() =>
    expect(byText("s-banner", "#1001: storniert, die Erstattung ist beantragt.").getAttribute("tone")).toBe(
      "success",
    ),
  );
  expect(app.requestsTo("POST", "/api/undo").map((r) => r.body)).toEqual([
    { orderIds: ["gid://shopify/Order/1"], locale: "de" },
  ]);
});

test("shows the Retoure (refund) state of the order's stamp", async () => {
  app
    .on("GET", "/api/orders/franking", json(200, frankingAnswer({ labelUrl: null })))
    .on("GET", "/api/refunds", json(200, refundsAnswer({ state: "REFUNDED" })));
  await render();

  await vi.waitFor(() =>
    expect(byText("s-badge", "Refunded (Retoure)").getAttribute("tone")).toBe("success"),
  );
  expect(pageText()).not.toContain("Print label");
});

test("a refused Retoure says why, in German too", async () => {
  installLocale(extension.shopify, "de");
  app
    .on("GET", "/api/orders/franking", json(200, frankingAnswer()))
    .on("GET", "/api/refunds", json(200, refundsAnswer({ state: "NOT_REFUNDED", reason: "window_expired" })));
  await render();

  await vi.waitFor(() =>
    expect(byText("s-badge", "Nicht erstattet").textContent).toBe("Nicht erstattet: älter als 14 Tage"),
  );
  expect(byText("s-badge", "Frankiert")).toBeTruthy();
});

test("a Retoure state that cannot be loaded does not hide the franking", async () => {
  app
    .on("GET", "/api/orders/franking", json(200, frankingAnswer()))
    .on("GET", "/api/refunds", text(500, "Internal Server Error"));
  await render();

  await vi.waitFor(() => expect(pageText()).toContain("The Retoure state could not be loaded."));
  expect(byText("s-badge", "Franked")).toBeTruthy();
  expect(byText("s-link", "Print label (PDF)")).toBeTruthy();
});

test("an order not franked yet offers to open the Frank order action, and asks for no Retoure", async () => {
  const navigate = vi.fn();
  extension.shopify.navigation.navigate = navigate;
  app.on("GET", "/api/orders/franking", json(200, frankingsAnswer([notFranked()])));
  await render();

  await vi.waitFor(() => expect(byText("s-badge", "Not franked")).toBeTruthy());
  expect(pageText()).not.toContain("Tracking number");
  fireEvent.click(byText("s-button", "Frank order"));
  expect(navigate).toHaveBeenCalledWith(FRANK_ORDER_ACTION);
  expect(app.requestsTo("GET", "/api/refunds")).toHaveLength(0);

  const handles = readExtensionConfig().extensions.map((extension) => extension.handle);
  expect(handles).toContain(FRANK_ORDER_ACTION.replace("extension://", ""));
});

test("an order left out of its batch says why and can be franked again", async () => {
  app.on(
    "GET",
    "/api/orders/franking",
    json(
      200,
      frankingsAnswer([
        {
          ...notFranked(),
          status: "SKIPPED",
          orderName: "#1001",
          batchId: "batch-1",
          error: "nothing-to-ship",
        },
      ]),
    ),
  );
  await render();

  await vi.waitFor(() =>
    expect(byText("s-badge", "Left out of its batch").getAttribute("tone")).toBe("warning"),
  );
  expect(pageText()).toContain("WhyNothing in the order needs shipping.");
  expect(byText("s-button", "Frank order")).toBeTruthy();
});

test("a stamp bought but not yet written to Shopify is shown as such", async () => {
  app
    .on("GET", "/api/orders/franking", json(200, frankingAnswer({ status: "BOUGHT" })))
    .on("GET", "/api/refunds", noRefunds);
  await render();

  await vi.waitFor(() => expect(byText("s-badge", "Stamp bought").getAttribute("tone")).toBe("info"));
  expect(pageText()).not.toContain("Frank order");
});

test("undoes the franking after a confirmation and says what happened, in the admin's language", async () => {
  installLocale(extension.shopify, "de");
  app
    .on("GET", "/api/orders/franking", json(200, frankingAnswer()))
    .on("GET", "/api/refunds", noRefunds)
    .on(
      "POST",
      "/api/undo",
      json(200, {
        outcomes: [
          {
            orderId: "gid://shopify/Order/1",
            orderName: "#1001",
            result: "undone",
            reason: null,
            message: "#1001: storniert, die Erstattung ist beantragt.",
          },
        ],
      }),
    );
  await render();

  await vi.waitFor(() => expect(byText("s-button", "Frankierung stornieren")).toBeTruthy());
  fireEvent.click(byText("s-button", "Frankierung stornieren"));
  expect(app.requestsTo("POST", "/api/undo")).toHaveLength(0);
  expect(pageText()).toContain("Geben Sie den Brief nicht auf.");
  fireEvent.click(byText("s-button", "Ja, Frankierung stornieren"));
  await vi.waitFor(() =>
    expect(byText("s-banner", "#1001: storniert, die Erstattung ist beantragt.").getAttribute("tone")).toBe(
      "success",
    ),
  );
  expect(app.requestsTo("POST", "/api/undo").map((r) => r.body)).toEqual([
    { orderIds: ["gid://shopify/Order/1"], locale: "de" },
  ]);
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
  app.on("GET", "/api/orders/franking", json(200, { orders: [], labelsUrl: null }));
  await render();

  await vi.waitFor(() => byText("s-banner", "the answer has no entry for gid://shopify/Order/1"));
});

test("an HTML error page instead of JSON is reported with its status, and Try again reloads", async () => {
  app
    .on("GET", "/api/orders/franking", text(502, "<html>Bad gateway</html>"), json(200, frankingAnswer()))
    .on("GET", "/api/refunds", noRefunds);
  await render();

  await vi.waitFor(() => byText("s-banner", "HTTP 502 without an {error} body"));
  fireEvent.click(byText("s-button", "Try again"));
  await vi.waitFor(() => expect(byText("s-badge", "Franked")).toBeTruthy());
});

test("uses the order id the admin gives the block", async () => {
  extension.shopify.data.selected = [{ id: "gid://shopify/Order/42" }];
  app
    .on("GET", "/api/orders/franking", json(200, frankingAnswer({ orderId: "gid://shopify/Order/42" })))
    .on("GET", "/api/refunds", noRefunds);
  await render();

  await vi.waitFor(() => expect(byText("s-badge", "Franked")).toBeTruthy());
  expect(app.requests[0]?.url).toBe("/api/orders/franking?ids=gid%3A%2F%2Fshopify%2FOrder%2F42");
});
