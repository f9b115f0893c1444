import { describe, expect, it } from "vitest";
import { bindAddresses } from "./address";
import { NotFoundError } from "./errors";
import { buildPositions, gridOf } from "./positions";
import { APP, MERCHANT, SERIAL, useSimulator } from "../../test/support/internetmarke-sim";

const env = useSimulator();

const sender = {
  name: "Muster Versand GmbH",
  address1: "Hauptstr. 5",
  zip: "53113",
  city: "Bonn",
  countryCode: "DE",
};
const receiver = {
  firstName: "Erika",
  lastName: "Mustermann",
  address1: "Heidestr. 17",
  zip: "51147",
  city: "Köln",
  countryCode: "DE",
};

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

async function download(url: string) {
  const res = await fetch(url);
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
}

describe("reads against the simulator (real HTTP)", () => {
  it("health, products, profile, catalog", async () => {
    const { client, p, price, catalog, a4 } = await setup();
    await expect(client.health()).resolves.toMatchObject({ name: "pp-post-internetmarke", env: "simulator" });
    expect(price(1)).toBe(95);
    expect(price(1007)).toBe(360);
    await expect(p.profile()).resolves.toMatchObject({ mail: MERCHANT.username, country: "DEU" });
    expect(catalog.pageFormats.length).toBeGreaterThan(100);
    expect(gridOf(a4)).toEqual({ labelX: 2, labelY: 5 });
    expect(catalog.publicMotifs.flatMap((c) => c.motifs).map((m) => m.imageId)).toContain(101);
    expect(catalog.privateMotifs).toEqual([]);
    expect(catalog.contractProducts).toEqual([]);
  });

  it("a wrong base path: the gateway's 404 is a NotFoundError", async () => {
    const error = await env
      .client({ baseUrl: `${env.origin()}/post/de/shipping/im/v0` })
      .client.health()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, title: "Not Found" });
  });

  it("contract products for an account that has them", async () => {
    env.sim.reset();
    env.sim.addApp(APP);
    env.addMerchant({ contractProducts: [1, 21] });
    const catalog = await env.client().client.portokasse(MERCHANT).catalog(["PAGE_FORMATS"]);
    expect(catalog.contractProducts).toEqual([
      { productCode: 1, priceCents: 95 },
      { productCode: 21, priceCents: 180 },
    ]);
  });
});

describe("buying against the simulator (real HTTP)", () => {
  it("PDF checkout with address binding, positions from the page format, total from the price list", async () => {
    const { p, price, a4 } = await setup();
    const binding = bindAddresses({ sender, receiver });
    if (!binding.ok) throw new Error("binding");
    const codes = [1, 1, 1007];
    const positions = buildPositions(gridOf(a4), codes.length, { labelX: 2, labelY: 5 });
    const shopOrderId = await p.initCart();
    expect(shopOrderId).toMatch(/^\d{1,18}$/);
    const cart = await p.checkoutPdf({
      shopOrderId,
      pageFormatId: a4.id,
      totalCents: codes.reduce((sum, c) => sum + price(c), 0),
      positions: codes.map((productCode, i) => ({
        productCode,
        voucherLayout: "ADDRESS_ZONE" as const,
        address: binding.binding,
        position: positions[i] ?? { labelX: 1, labelY: 1, page: 1 },
      })),
    });
    expect(cart.shopOrderId).toBe(shopOrderId);
    expect(cart.vouchers).toHaveLength(3);
    for (const v of cart.vouchers) expect(v.voucherId).toMatch(new RegExp(`^${SERIAL}.{10}$`));
    expect(cart.vouchers.map((v) => v.trackId === null)).toEqual([true, true, false]);
    expect(cart.manifestLink).toBeNull();
    expect(cart.walletBalanceCents).toBe(10_000 - 95 - 95 - 360);
    expect(p.lastKnownBalance()?.cents).toBe(10_000 - 550);
    const doc = await download(cart.link);
    expect(doc.status).toBe(200);
    expect(new TextDecoder().decode(doc.bytes.slice(0, 5))).toBe("%PDF-");
    expect(env.sim.account(MERCHANT.username).ledger).toEqual([
      expect.objectContaining({ kind: "purchase", cents: -550, ref: shopOrderId }),
    ]);
  });

  it("PNG checkout (a ZIP) with a motif and a manifest", async () => {
    const { p, price } = await setup();
    const shopOrderId = await p.initCart();
    const cart = await p.checkoutPng({
      shopOrderId,
      totalCents: price(11),
      createManifest: true,
      positions: [{ productCode: 11, voucherLayout: "FRANKING_ZONE", imageId: 101 }],
    });
    expect(cart.vouchers).toHaveLength(1);
    expect(cart.manifestLink).not.toBeNull();
    const zip = await download(cart.link);
    expect(zip.type).toBe("application/zip");
    expect([...zip.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it("free previews do not buy", async () => {
    const { p } = await setup();
    const pdf = await p.previewPdf({ productCode: 1, voucherLayout: "ADDRESS_ZONE", pageFormatId: 1 });
    const png = await p.previewPng({ productCode: 21, voucherLayout: "FRANKING_ZONE", imageId: 102 });
    expect((await download(pdf.link)).status).toBe(200);
    expect((await download(png.link)).type).toBe("image/png");
    expect(env.sim.account(MERCHANT.username).ledger).toEqual([]);
  });

  it("retrieveCart: a bought cart again (fresh link, no charge); an unknown or unbought one is not bought", async () => {
    const { p, price } = await setup();
    const shopOrderId = await p.initCart();
    const bought = await p.checkoutPng({
      shopOrderId,
      totalCents: price(1),
      positions: [{ productCode: 1, voucherLayout: "FRANKING_ZONE" }],
    });
    const again = await p.retrieveCart(shopOrderId);
    expect(again.bought && again.cart.vouchers).toEqual(bought.vouchers);
    expect(again.bought && again.cart.walletBalanceCents).toBeNull();
    expect(again.bought && again.cart.link).not.toBe(bought.link);
    expect(env.sim.account(MERCHANT.username).ledger).toHaveLength(1);
    await expect(p.retrieveCart(await p.initCart())).resolves.toMatchObject({ bought: false });
    await expect(p.retrieveCart("999999999")).resolves.toMatchObject({ bought: false });
  });

  it("wallet top-up", async () => {
    const { p } = await setup();
    await expect(p.topUp(2_500)).resolves.toMatchObject({ walletBalanceCents: 12_500 });
    expect(env.sim.account(MERCHANT.username).ledger).toEqual([
      expect.objectContaining({ kind: "topup", cents: 2_500 }),
    ]);
  });
});
