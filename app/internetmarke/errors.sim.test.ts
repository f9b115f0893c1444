import { describe, expect, it } from "vitest";
import type { PageFormat } from "./catalog";
import {
  InsufficientBalanceError,
  InvalidProductError,
  InvalidShopOrderIdError,
  InvalidTotalError,
  TooManyPositionsError,
  ValidationError,
} from "./errors";
import { APP, countRequests, MERCHANT, useSimulator } from "../../test/support/internetmarke-sim";

const env = useSimulator({ maxPositionsPerCart: 20 });

async function setup() {
  const { client } = env.client();
  const p = client.portokasse(MERCHANT);
  const [{ products }, catalog] = await Promise.all([
    client.products(),
    p.catalog(["PAGE_FORMATS", "PUBLIC"]),
  ]);
  const price = (code: number) => products.find((x) => x.productCode === code)?.priceCents ?? Number.NaN;
  const a4 = catalog.pageFormats.find((f) => f.id === 1);
  if (a4 === undefined) throw new Error("page format 1 missing");
  return { client, p, price, catalog, a4 };
}

interface PdfChange {
  pageFormatId?: number;
  /** Use a page format that cannot print addresses. */
  formatWithoutAddress?: boolean;
  addressZone?: boolean;
  imageId?: number;
  labelX?: number;
}

describe("every business error title over real HTTP", () => {
  const franking = (productCode = 1) => ({ productCode, voucherLayout: "FRANKING_ZONE" as const });

  it("walletBalanceNotEnough", async () => {
    env.sim.reset();
    env.sim.addApp(APP);
    env.addMerchant({ balanceCents: 50 });
    const p = env.client().client.portokasse(MERCHANT);
    const error = await p
      .checkoutPng({ shopOrderId: await p.initCart(), totalCents: 95, positions: [franking()] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientBalanceError);
    expect(error).toMatchObject({ title: "walletBalanceNotEnough", outcomeUnknown: false });
  });

  it("invalidTotalAmount exposes the server's total", async () => {
    const { p } = await setup();
    const error = await p
      .checkoutPng({ shopOrderId: await p.initCart(), totalCents: 90, positions: [franking(), franking(21)] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTotalError);
    expect(error).toMatchObject({ serverTotalCents: 275, sentTotalCents: 90 });
  });

  it("invalidProductcode", async () => {
    const { p } = await setup();
    await expect(
      p.checkoutPng({ shopOrderId: await p.initCart(), totalCents: 95, positions: [franking(9999)] }),
    ).rejects.toBeInstanceOf(InvalidProductError);
    await expect(p.previewPng({ productCode: 9999, voucherLayout: "FRANKING_ZONE" })).rejects.toBeInstanceOf(
      InvalidProductError,
    );
  });

  it("invalidShopOrderID: reused, unknown", async () => {
    const { p } = await setup();
    const shopOrderId = await p.initCart();
    await p.checkoutPng({ shopOrderId, totalCents: 95, positions: [franking()] });
    await expect(
      p.checkoutPng({ shopOrderId, totalCents: 95, positions: [franking()] }),
    ).rejects.toMatchObject({
      constructor: InvalidShopOrderIdError,
      title: "invalidShopOrderID",
    });
    await expect(
      p.checkoutPng({ shopOrderId: "424242", totalCents: 95, positions: [franking()] }),
    ).rejects.toBeInstanceOf(InvalidShopOrderIdError);
    expect(env.sim.account(MERCHANT.username).ledger).toHaveLength(1);
  });

  it("unknownShopOrderId on a Retoure", async () => {
    const { p } = await setup();
    await expect(p.requestRetoure({ shopOrderId: "424242" })).rejects.toMatchObject({
      constructor: InvalidShopOrderIdError,
      title: "unknownShopOrderId",
    });
  });

  it("invalidOrderPositionCount", async () => {
    const { p } = await setup();
    const positions = Array.from({ length: 21 }, () => franking());
    const error = await p
      .checkoutPng({ shopOrderId: await p.initCart(), totalCents: 21 * 95, positions })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyPositionsError);
    expect(error).toMatchObject({ title: "invalidOrderPositionCount", status: 400 });
  });

  it("quotaExceeded and forbiddenPaymentMethod on top-up", async () => {
    env.sim.reset();
    env.sim.addApp(APP);
    env.addMerchant({ topUpQuotaCents: 1_000 });
    env.addMerchant({ username: "no-sepa@shop.example", sepaMandate: false });
    const { client } = env.client();
    await expect(client.portokasse(MERCHANT).topUp(1_001)).rejects.toMatchObject({
      code: "top_up_refused",
      title: "quotaExceeded",
    });
    await expect(
      client.portokasse({ ...MERCHANT, username: "no-sepa@shop.example" }).topUp(1_000),
    ).rejects.toMatchObject({
      code: "top_up_refused",
      title: "forbiddenPaymentMethod",
    });
  });

  it.each<[string, PdfChange, string, string[]]>([
    ["invalidPageFormat (unknown format)", { pageFormatId: 9999 }, "invalidPageFormat", []],
    [
      "invalidPageFormat (address zone on a format without addresses)",
      { formatWithoutAddress: true, addressZone: true },
      "invalidPageFormat",
      [],
    ],
    ["invalidMotive", { imageId: 999 }, "invalidMotive", []],
    ["Bad Request (label outside the grid)", { labelX: 3 }, "Bad Request", ["positions.0.position"]],
  ])("%s -> ValidationError", async (_name, change, title, paths) => {
    const { p, catalog } = await setup();
    const noAddress = catalog.pageFormats.find((f: PageFormat) => !f.isAddressPossible);
    const pageFormatId =
      change.formatWithoutAddress === true ? (noAddress?.id ?? 1) : (change.pageFormatId ?? 1);
    const error = await p
      .checkoutPdf({
        shopOrderId: await p.initCart(),
        pageFormatId,
        totalCents: 95,
        positions: [
          {
            productCode: 1,
            voucherLayout: change.addressZone === true ? "ADDRESS_ZONE" : "FRANKING_ZONE",
            ...(change.imageId === undefined ? {} : { imageId: change.imageId }),
            position: { labelX: change.labelX ?? 1, labelY: 1, page: 1 },
          },
        ],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ title, status: 400 });
    expect(error instanceof ValidationError && error.fields.map((f) => f.path)).toEqual(paths);
  });

  it("Bad Request with field paths for an address the client was told to send as is", async () => {
    const { p } = await setup();
    const address = { name: "A", addressLine1: "B 1", postalCode: "123", city: "C", country: "DEU" };
    const error = await p
      .checkoutPng({
        shopOrderId: await p.initCart(),
        totalCents: 95,
        positions: [
          { productCode: 1, voucherLayout: "ADDRESS_ZONE", address: { sender: address, receiver: address } },
        ],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error instanceof ValidationError && error.fields.map((f) => f.path)).toEqual([
      "positions.0.address.sender.postalCode",
      "positions.0.address.receiver.postalCode",
    ]);
  });

  it("a checkout is sent once per call", async () => {
    const { p } = await setup();
    await p.checkoutPng({ shopOrderId: await p.initCart(), totalCents: 95, positions: [franking()] });
    expect(countRequests(env.sim, "POST", "/app/shoppingcart/png")).toBe(1);
  });
});
