import { describe, expect, it } from "vitest";
import {
  bytesOf,
  login,
  MERCHANT,
  newCart,
  pngPosition,
  pngRequest,
  RECEIVER,
  SENDER,
  setupSimulator,
} from "./testing/harness";
import { inspectPdf, inspectPng, MM, unzip } from "./testing/inspect";
import { checkoutSchema, expectImError, parsed, previewSchema } from "./testing/schemas";

describe("POST /app/shoppingcart/png (checkout)", () => {
  it("answers a ZIP with one PNG per stamp, in position order, named 0.png, 1.png, ...", async () => {
    const { api, sim } = setupSimulator();
    const token = await login(api);
    const shopOrderId = await newCart(api, token);
    const positions = [
      pngPosition(1),
      pngPosition(1002, { voucherLayout: "ADDRESS_ZONE", address: { sender: SENDER, receiver: RECEIVER } }),
      pngPosition(10001),
    ];
    const response = await api.call("POST", "/app/shoppingcart/png", {
      token,
      json: pngRequest(shopOrderId, 95 + 330 + 125, positions),
    });
    const body = await parsed(checkoutSchema, response);
    expect(body.walletBallance).toBe(10_000 - 550);

    const download = await api.get(body.link);
    expect(download.headers.get("content-type")).toBe("application/zip");
    const files = unzip(await bytesOf(download));
    expect(Object.keys(files)).toEqual(["0.png", "1.png", "2.png"]);
    const stamps = Object.values(files).map((png) => inspectPng(png));
    expect(stamps.map((s) => s.text.Voucher)).toEqual(body.shoppingCart.voucherList.map((v) => v.voucherId));
    expect(stamps.map((s) => s.text.Price)).toEqual(["95", "330", "125"]);
    expect(stamps[1]?.text.TrackId).toBe(body.shoppingCart.voucherList[1]?.trackId);
    expect(stamps.every((s) => s.text.Muster === "false")).toBe(true);
    expect(stamps[0]?.width).toBeGreaterThan(0);
    expect(sim.account(MERCHANT.username).vouchers).toHaveLength(3);
  });

  it("zips a single stamp too, and prints at 203 dpi on request", async () => {
    const { api } = setupSimulator();
    const token = await login(api);
    const json = pngRequest(undefined, 95, [pngPosition(1)], { dpi: "DPI203" });
    const body = await parsed(
      checkoutSchema,
      await api.call("POST", "/app/shoppingcart/png?directCheckout=true", { token, json }),
    );
    const files = unzip(await bytesOf(await api.get(body.link)));
    expect(Object.keys(files)).toEqual(["0.png"]);
    expect(inspectPng(files["0.png"] ?? new Uint8Array()).width).toBe(Math.round((45 * 203) / 25.4));
  });
});

describe("?validate=true (preview)", () => {
  it("answers a PNG MUSTER sample: no cart, no voucher, no charge", async () => {
    const { api, sim } = setupSimulator();
    const token = await login(api);
    const json = {
      type: "AppShoppingCartPreviewPNGRequest",
      productCode: 10001,
      voucherLayout: "FRANKING_ZONE",
    };
    const body = await parsed(
      previewSchema,
      await api.call("POST", "/app/shoppingcart/png?validate=true", { token, json }),
    );
    const image = await api.get(body.link);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(inspectPng(await bytesOf(image)).text).toMatchObject({
      Muster: "true",
      Voucher: "",
      Price: "125",
    });
    expect(sim.account(MERCHANT.username)).toMatchObject({ balanceCents: 10_000, ledger: [], vouchers: [] });
  });

  it("answers a PDF MUSTER sample on the page format's first cell", async () => {
    const { api, sim } = setupSimulator();
    const token = await login(api);
    const json = {
      type: "AppShoppingCartPreviewPDFRequest",
      productCode: 1,
      voucherLayout: "ADDRESS_ZONE",
      pageFormatId: 1,
    };
    const body = await parsed(
      previewSchema,
      await api.call("POST", "/app/shoppingcart/pdf?validate=true", { token, json }),
    );
    const [page] = await inspectPdf(await bytesOf(await api.get(body.link)));
    expect(page?.stamps).toHaveLength(1);
    expect(page?.stamps[0]?.box.x).toBeCloseTo(15 * MM, 3);
    expect(page?.stamps[0]?.texts).toEqual(expect.arrayContaining(["MUSTER", "Standardbrief"]));
    expect(sim.account(MERCHANT.username).balanceCents).toBe(10_000);
  });

  it("previews without a page format on a single stamp-sized page", async () => {
    const { api } = setupSimulator();
    const token = await login(api);
    const json = {
      type: "AppShoppingCartPreviewPDFRequest",
      productCode: 21,
      voucherLayout: "FRANKING_ZONE",
    };
    const body = await parsed(
      previewSchema,
      await api.call("POST", "/app/shoppingcart/pdf?validate=true", { token, json }),
    );
    const pages = await inspectPdf(await bytesOf(await api.get(body.link)));
    expect(pages).toHaveLength(1);
    expect(pages[0]?.width).toBeCloseTo(90 * MM, 3);
  });

  it("checks the product, the motif and the page format of a preview", async () => {
    const { api } = setupSimulator();
    const token = await login(api);
    const preview = (json: Record<string, unknown>) =>
      api.call("POST", "/app/shoppingcart/pdf?validate=true", {
        token,
        json: { type: "AppShoppingCartPreviewPDFRequest", voucherLayout: "FRANKING_ZONE", ...json },
      });
    await expectImError(await preview({ productCode: 9999 }), 400, "invalidProductcode");
    await expectImError(await preview({ productCode: 1, imageID: 4711 }), 400, "invalidMotive");
    await expectImError(await preview({ productCode: 1, pageFormatId: 9999 }), 400, "invalidPageFormat");
    await expectImError(
      await preview({ productCode: 1, voucherLayout: "ADDRESS_ZONE", pageFormatId: 31 }),
      400,
      "invalidPageFormat",
    );
    await expectImError(
      await preview({ voucherLayout: undefined, productCode: 1 }),
      400,
      "Bad Request",
      /voucherLayout/,
    );
    expect((await preview({ productCode: 1, imageID: 101 })).status).toBe(200);
  });
});
