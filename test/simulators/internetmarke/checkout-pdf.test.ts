import { afterEach, describe, expect, it } from "vitest";
import type { Api } from "./testing/harness";
import {
  bytesOf,
  login,
  MERCHANT,
  OTHER,
  newCart,
  overHttp,
  pdfPosition,
  pdfRequest,
  RECEIVER,
  SENDER,
  setupSimulator,
} from "./testing/harness";
import { inspectPdf, MM, pdfText } from "./testing/inspect";
import { checkoutSchema, expectImError, parsed } from "./testing/schemas";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function httpSetup(merchant: { developer?: boolean; balanceCents?: number } = {}) {
  const setup = setupSimulator({}, merchant);
  const http = await overHttp(setup.sim);
  close = http.close;
  return { ...setup, api: http as Api, token: await login(http) };
}

const closeTo = (mm: number) => expect.closeTo(mm * MM, 3);

describe("POST /app/shoppingcart", () => {
  it("opens carts with fresh numeric ids of at most 18 characters", async () => {
    const { api, token } = await httpSetup();
    const first = await newCart(api, token);
    const second = await newCart(api, token);
    expect(first).toMatch(/^\d{1,18}$/);
    expect(second).not.toBe(first);
  });
});

describe("POST /app/shoppingcart/pdf (checkout)", () => {
  it("buys, debits the wallet, writes the ledger and answers the live body", async () => {
    const { api, token, sim, clock } = await httpSetup();
    const shopOrderId = await newCart(api, token);
    const positions = [pdfPosition(1, 1, 1), pdfPosition(1007, 2, 1)];
    const response = await api.call("POST", "/app/shoppingcart/pdf", {
      token,
      json: pdfRequest(shopOrderId, 95 + 360, positions),
    });
    expect(response.status).toBe(200);
    const body = await parsed(checkoutSchema, response);
    expect(body).toMatchObject({
      manifestLink: null,
      walletBallance: 10_000 - 455,
      shoppingCart: { shopOrderId },
    });
    const [plain, registered] = body.shoppingCart.voucherList;
    expect(plain).toEqual({ voucherId: "AF188FFFFF0000000001", trackId: null });
    expect(registered?.voucherId).toBe("AF188FFFFF0000000002");
    expect(registered?.trackId).toMatch(/^RR\d{9}DE$/);

    const account = sim.account(MERCHANT.username);
    expect(account.balanceCents).toBe(9545);
    expect(account.ledger).toEqual([{ kind: "purchase", cents: -455, ref: shopOrderId, at: clock.now() }]);
    expect(
      account.vouchers.map((v) => [v.voucherId, v.productCode, v.priceCents, v.shopOrderId, v.refunded]),
    ).toEqual([
      ["AF188FFFFF0000000001", 1, 95, shopOrderId, false],
      ["AF188FFFFF0000000002", 1007, 360, shopOrderId, false],
    ]);
  });

  it("renders a real PDF with one page per used page and each stamp box in its grid cell", async () => {
    const { api, token } = await httpSetup();
    const shopOrderId = await newCart(api, token);
    // Page format 1: A4 (210 x 297 mm), 2 x 5 cells of 90 x 47 mm, margins top 31, left 15.
    const positions = [pdfPosition(1, 1, 1, 1), pdfPosition(11, 2, 5, 1), pdfPosition(21, 2, 3, 3)];
    const body = await parsed(
      checkoutSchema,
      await api.call("POST", "/app/shoppingcart/pdf", {
        token,
        json: pdfRequest(shopOrderId, 95 + 110 + 180, positions),
      }),
    );
    const download = await api.get(body.link);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    const pages = await inspectPdf(await bytesOf(download));

    expect(pages).toHaveLength(3);
    expect(pages[0]).toMatchObject({ width: closeTo(210), height: closeTo(297) });
    expect(pages.map((p) => p.stamps.length)).toEqual([2, 0, 1]);
    expect(pages[0]?.stamps[0]?.box).toEqual({
      x: closeTo(15),
      y: closeTo(297 - 31 - 47),
      width: closeTo(90),
      height: closeTo(47),
    });
    expect(pages[0]?.stamps[1]?.box).toEqual({
      x: closeTo(105),
      y: closeTo(31),
      width: closeTo(90),
      height: closeTo(47),
    });
    expect(pages[2]?.stamps[0]?.box).toEqual({
      x: closeTo(105),
      y: closeTo(297 - 31 - 3 * 47),
      width: closeTo(90),
      height: closeTo(47),
    });

    const texts = pages[0]?.stamps[0]?.texts ?? [];
    expect(texts).toEqual(expect.arrayContaining(["Standardbrief", "IM 0,95", "AF188FFFFF0000000001"]));
    expect(texts).not.toContain("MUSTER");
  });

  it("honours label spacing: page format 20 has a 7 mm gap between rows", async () => {
    const { api, token } = await httpSetup();
    const shopOrderId = await newCart(api, token);
    // 210 x 297 mm, 2 x 5, margins top 11 bottom 6 left 3 right 3, spacing y 7: cells 102 x 50.4 mm.
    const json = pdfRequest(shopOrderId, 95, [pdfPosition(1, 2, 2)], { pageFormatId: 20 });
    const body = await parsed(
      checkoutSchema,
      await api.call("POST", "/app/shoppingcart/pdf", { token, json }),
    );
    const [page] = await inspectPdf(await bytesOf(await api.get(body.link)));
    const top = 11 + 50.4 + 7;
    expect(page?.stamps[0]?.box).toEqual({
      x: closeTo(3 + 102),
      y: closeTo(297 - top - 50.4),
      width: closeTo(102),
      height: closeTo(50.4),
    });
  });

  /** The texts of a one-stamp label with the address zone for this receiver. */
  async function addressStampTexts(receiver: typeof RECEIVER) {
    const { api, token } = await httpSetup();
    const shopOrderId = await newCart(api, token);
    const position = pdfPosition(1, 1, 1, 1, {
      voucherLayout: "ADDRESS_ZONE",
      address: { sender: SENDER, receiver },
    });
    const body = await parsed(
      checkoutSchema,
      await api.call("POST", "/app/shoppingcart/pdf", {
        token,
        json: pdfRequest(shopOrderId, 95, [position]),
      }),
    );
    const [page] = await inspectPdf(await bytesOf(await api.get(body.link)));
    return page?.stamps[0]?.texts;
  }

  it("prints the bound addresses in the address zone", async () => {
    expect(await addressStampTexts(RECEIVER)).toEqual(
      expect.arrayContaining([
        "Erika Mustermann, Heidestr. 17, 51147 Köln",
        "Bernd Müller",
        "Nußhäherstraße 10",
        "12345 München",
      ]),
    );
  });

  it("prints what the standard fonts cannot show as ?, and the rest of the line as it is", async () => {
    expect(await addressStampTexts({ ...RECEIVER, name: "Ivan Петров" })).toEqual(
      expect.arrayContaining(["Ivan ??????", "Nußhäherstraße 10"]),
    );
  });

  it("overprints MUSTER for developer accounts", async () => {
    const { api, token } = await httpSetup({ developer: true });
    const shopOrderId = await newCart(api, token);
    const body = await parsed(
      checkoutSchema,
      await api.call("POST", "/app/shoppingcart/pdf", {
        token,
        json: pdfRequest(shopOrderId, 95, [pdfPosition(1)]),
      }),
    );
    const [page] = await inspectPdf(await bytesOf(await api.get(body.link)));
    expect(page?.stamps[0]?.texts).toContain("MUSTER");
  });

  it("links a manifest PDF when createManifest is set", async () => {
    const { api, token } = await httpSetup();
    const shopOrderId = await newCart(api, token);
    const json = pdfRequest(shopOrderId, 95, [pdfPosition(1)], { createManifest: true });
    const body = await parsed(
      checkoutSchema,
      await api.call("POST", "/app/shoppingcart/pdf", { token, json }),
    );
    expect(body.manifestLink).not.toBeNull();
    const manifest = await api.get(body.manifestLink ?? "");
    expect(manifest.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(await bytesOf(manifest));
    expect(text).toContain(shopOrderId);
    expect(text).toContain("AF188FFFFF0000000001");
  });

  it("checks out directly without a cart when directCheckout=true", async () => {
    const { api, token } = await httpSetup();
    const json = pdfRequest(undefined, 95, [pdfPosition(1)]);
    const body = await parsed(
      checkoutSchema,
      await api.call("POST", "/app/shoppingcart/pdf?directCheckout=true", { token, json }),
    );
    expect(body.shoppingCart.shopOrderId).toMatch(/^\d{1,18}$/);
    const again = await api.call("GET", `/app/shoppingcart/${body.shoppingCart.shopOrderId}`, { token });
    expect(again.status).toBe(200);
  });
});

describe("GET /app/shoppingcart/{shopOrderId}", () => {
  it("answers the same body with a fresh link, walletBallance null and no charge", async () => {
    const { api, token, sim } = await httpSetup();
    const shopOrderId = await newCart(api, token);
    const bought = await parsed(
      checkoutSchema,
      await api.call("POST", "/app/shoppingcart/pdf", {
        token,
        json: pdfRequest(shopOrderId, 95, [pdfPosition(1)]),
      }),
    );
    const again = await parsed(
      checkoutSchema,
      await api.call("GET", `/app/shoppingcart/${shopOrderId}`, { token }),
    );
    expect(again.shoppingCart).toEqual(bought.shoppingCart);
    expect(again.walletBallance).toBeNull();
    expect(again.link).not.toBe(bought.link);
    expect(await bytesOf(await api.get(again.link))).toEqual(await bytesOf(await api.get(bought.link)));
    expect(sim.account(MERCHANT.username).balanceCents).toBe(10_000 - 95);
  });

  it("answers 404 Order not found for carts never checked out, unknown and foreign ids", async () => {
    const { api, token } = await httpSetup();
    const open = await newCart(api, token);
    await expectImError(
      await api.call("GET", `/app/shoppingcart/${open}`, { token }),
      404,
      "Not Found",
      /Order not found/,
    );
    await expectImError(
      await api.call("GET", "/app/shoppingcart/999999999", { token }),
      404,
      "Not Found",
      /Order not found/,
    );

    const otherToken = await login(api, OTHER);
    const json = pdfRequest(undefined, 95, [pdfPosition(1)]);
    const foreign = await parsed(
      checkoutSchema,
      await api.call("POST", "/app/shoppingcart/pdf?directCheckout=true", { token: otherToken, json }),
    );
    const response = await api.call("GET", `/app/shoppingcart/${foreign.shoppingCart.shopOrderId}`, {
      token,
    });
    await expectImError(response, 404, "Not Found", /Order not found/);
  });
});
