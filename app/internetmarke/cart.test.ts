import { describe, expect, it } from "vitest";
import type { CheckoutPdfRequest, PdfPosition } from "./cart";
import {
  InsufficientBalanceError,
  InvalidTotalError,
  TooManyPositionsError,
  ValidationError,
} from "./errors";
import { credentials, liveError, reply, testClient, tokenReply } from "../../test/support/internetmarke-client";

const binding = {
  sender: {
    name: "Muster GmbH",
    addressLine1: "Hauptstr. 1",
    postalCode: "53113",
    city: "Bonn",
    country: "DEU",
  },
  receiver: {
    name: "Erika Mustermann",
    addressLine1: "Heidestr. 17",
    postalCode: "51147",
    city: "Köln",
    country: "DEU",
  },
};
const cartOk = reply(200, {
  type: "CheckoutShoppingCartAppResponse",
  link: "https://x.test/doc.pdf",
  manifestLink: "",
  shoppingCart: { shopOrderId: "1001", voucherList: [{ voucherId: "A0000000010000000001", trackId: null }] },
  walletBallance: 9905,
});
const position: PdfPosition = {
  productCode: 1,
  voucherLayout: "ADDRESS_ZONE",
  imageId: 42,
  address: binding,
  position: { labelX: 2, labelY: 1, page: 1 },
};
const pdf: CheckoutPdfRequest = {
  shopOrderId: "1001",
  totalCents: 95,
  pageFormatId: 1,
  positions: [position],
};
const json = (body: string | undefined): unknown => JSON.parse(body ?? "null");

describe("cart", () => {
  it("initCart returns the shopOrderId", async () => {
    const t = testClient({
      "POST /user": tokenReply(),
      "POST /app/shoppingcart": reply(200, { shopOrderId: 98276337 }),
    });
    await expect(t.client.portokasse(credentials).initCart()).resolves.toBe("98276337");
    expect(t.requests[1]?.body).toBeUndefined();
  });

  it("checkoutPdf sends the PDF request and returns vouchers, link and balance", async () => {
    const t = testClient({ "POST /user": tokenReply(), "POST /app/shoppingcart/pdf": cartOk });
    const p = t.client.portokasse(credentials);
    const cart = await p.checkoutPdf({ ...pdf, createManifest: false });
    expect(cart).toEqual({
      type: "CheckoutShoppingCartAppResponse",
      link: "https://x.test/doc.pdf",
      manifestLink: null,
      shopOrderId: "1001",
      vouchers: [{ voucherId: "A0000000010000000001", trackId: null }],
      walletBalanceCents: 9905,
    });
    const req = t.requests[1];
    expect(req?.query.toString()).toBe("");
    expect(req?.headers["content-type"]).toBe("application/json");
    expect(json(req?.body)).toEqual({
      type: "AppShoppingCartPDFRequest",
      shopOrderId: "1001",
      total: 95,
      pageFormatId: 1,
      createManifest: false,
      positions: [
        {
          productCode: 1,
          imageID: 42,
          voucherLayout: "ADDRESS_ZONE",
          positionType: "AppShoppingCartPDFPosition",
          position: { labelX: 2, labelY: 1, page: 1 },
          address: binding,
        },
      ],
    });
    expect(p.lastKnownBalance()).toEqual({ cents: 9905, at: t.clock.now });
  });

  it("checkoutPng sends PNG positions without a position", async () => {
    const t = testClient({ "POST /user": tokenReply(), "POST /app/shoppingcart/png": cartOk });
    await t.client.portokasse(credentials).checkoutPng({
      shopOrderId: "1002",
      totalCents: 190,
      dpi: "DPI300",
      optimizePng: true,
      positions: [
        { productCode: 1, voucherLayout: "FRANKING_ZONE" },
        { productCode: 1, voucherLayout: "FRANKING_ZONE" },
      ],
    });
    expect(json(t.requests[1]?.body)).toEqual({
      type: "AppShoppingCartPNGRequest",
      shopOrderId: "1002",
      total: 190,
      dpi: "DPI300",
      optimizePNG: true,
      positions: [
        { productCode: 1, voucherLayout: "FRANKING_ZONE", positionType: "AppShoppingCartPosition" },
        { productCode: 1, voucherLayout: "FRANKING_ZONE", positionType: "AppShoppingCartPosition" },
      ],
    });
  });

  it("previews with ?validate=true and the preview request types", async () => {
    const t = testClient({
      "POST /user": tokenReply(),
      "POST /app/shoppingcart/pdf": reply(200, { link: "https://x.test/muster.pdf" }),
      "POST /app/shoppingcart/png": reply(200, {
        type: "x",
        link: "https://x.test/muster.png",
        manifestLink: null,
      }),
    });
    const p = t.client.portokasse(credentials);
    await expect(
      p.previewPdf({ productCode: 1, voucherLayout: "ADDRESS_ZONE", pageFormatId: 1, imageId: 3 }),
    ).resolves.toEqual({
      link: "https://x.test/muster.pdf",
    });
    await expect(p.previewPng({ productCode: 11, voucherLayout: "FRANKING_ZONE" })).resolves.toEqual({
      link: "https://x.test/muster.png",
    });
    expect(t.requests[1]?.query.get("validate")).toBe("true");
    expect(json(t.requests[1]?.body)).toEqual({
      type: "AppShoppingCartPreviewPDFRequest",
      productCode: 1,
      imageID: 3,
      voucherLayout: "ADDRESS_ZONE",
      pageFormatId: 1,
    });
    expect(t.requests[2]?.query.get("validate")).toBe("true");
    expect(json(t.requests[2]?.body)).toEqual({
      type: "AppShoppingCartPreviewPNGRequest",
      productCode: 11,
      voucherLayout: "FRANKING_ZONE",
    });
  });

  it("retrieveCart tells bought from not bought", async () => {
    const t = testClient({
      "POST /user": tokenReply(),
      "GET /app/shoppingcart/1001": reply(200, {
        ...{ type: "t", link: "https://x.test/again.pdf" },
        shoppingCart: { shopOrderId: "1001", voucherList: [{ voucherId: "V1" }] },
        walletBallance: null,
      }),
      "GET /app/shoppingcart/1002": liveError(404, "Not Found", "Order not found: 1002"),
    });
    const p = t.client.portokasse(credentials);
    await expect(p.retrieveCart("1001")).resolves.toMatchObject({
      bought: true,
      cart: {
        link: "https://x.test/again.pdf",
        vouchers: [{ voucherId: "V1", trackId: null }],
        walletBalanceCents: null,
      },
    });
    await expect(p.retrieveCart("1002")).resolves.toEqual({ bought: false, shopOrderId: "1002" });
    expect(t.sleeps).toEqual([]);
  });

  it("maps business errors of a checkout", async () => {
    const t = testClient({
      "POST /user": tokenReply(),
      "POST /app/shoppingcart/pdf": [
        liveError(400, "walletBalanceNotEnough", "Balance too low"),
        liveError(400, "invalidTotalAmount", "PPL-total: 95, Cart: 90"),
      ],
    });
    const p = t.client.portokasse(credentials);
    await expect(p.checkoutPdf(pdf)).rejects.toBeInstanceOf(InsufficientBalanceError);
    await expect(p.checkoutPdf(pdf)).rejects.toMatchObject({
      constructor: InvalidTotalError,
      serverTotalCents: 95,
      sentTotalCents: 90,
      outcomeUnknown: false,
    });
  });

  it.each<[string, Partial<CheckoutPdfRequest>, string]>([
    ["empty shopOrderId", { shopOrderId: "" }, "shopOrderId"],
    ["shopOrderId longer than 18", { shopOrderId: "1".repeat(19) }, "shopOrderId"],
    ["shopOrderId with &", { shopOrderId: "1&2" }, "shopOrderId"],
    ["fractional total", { totalCents: 0.95 }, "totalCents"],
    ["no positions", { positions: [] }, "positions"],
    [
      "0-based position",
      { positions: [{ ...position, position: { labelX: 0, labelY: 1, page: 1 } }] },
      "positions.0.position.labelX",
    ],
    ["bad product code", { positions: [{ ...position, productCode: 0 }] }, "positions.0.productCode"],
  ])("checks locally before buying: %s", async (_name, change, path) => {
    const t = testClient({ "POST /user": tokenReply(), "POST /app/shoppingcart/pdf": cartOk });
    const error = await t.client
      .portokasse(credentials)
      .checkoutPdf({ ...pdf, ...change })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error instanceof ValidationError && error.fields.map((f) => f.path)).toContain(path);
    expect(t.requests).toHaveLength(0);
  });

  it("refuses more positions than the configured cart size", async () => {
    const t = testClient(
      { "POST /user": tokenReply(), "POST /app/shoppingcart/pdf": cartOk },
      { maxPositionsPerCart: 1 },
    );
    const two = { ...pdf, positions: [position, position] };
    await expect(t.client.portokasse(credentials).checkoutPdf(two)).rejects.toBeInstanceOf(
      TooManyPositionsError,
    );
    expect(t.requests).toHaveLength(0);
  });
});
