/**
 * Test support: real carts bought from the INTERNETMARKE simulator over real HTTP (port 0), downloaded the
 * way the franking pipeline downloads them. Call `useSimCarts()` at the top level of a test file.
 */
import { MERCHANT, useSimulator } from "./internetmarke-sim";
import { buildPositions, gridOf, type LabelPosition, type Voucher } from "~/internetmarke";

export interface BoughtPdfCart {
  shopOrderId: string;
  pdf: Uint8Array;
  manifest: Uint8Array | null;
  vouchers: Voucher[];
  positions: LabelPosition[];
}

export interface BoughtPngCart {
  shopOrderId: string;
  zip: Uint8Array;
  vouchers: Voucher[];
}

async function download(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`download ${url}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export function useSimCarts() {
  const env = useSimulator();

  async function session() {
    const { client } = env.client();
    const kasse = client.portokasse(MERCHANT);
    const [{ products }, catalog] = await Promise.all([client.products(), kasse.catalog(["PAGE_FORMATS"])]);
    const price = (code: number) => products.find((p) => p.productCode === code)?.priceCents ?? Number.NaN;
    return { kasse, catalog, price };
  }

  return {
    env,
    async pageFormats() {
      return (await session()).catalog.pageFormats;
    },
    async buyPdf(input: {
      pageFormatId: number;
      productCodes: number[];
      start?: Partial<LabelPosition>;
      createManifest?: boolean;
    }): Promise<BoughtPdfCart> {
      const { kasse, catalog, price } = await session();
      const format = catalog.pageFormats.find((f) => f.id === input.pageFormatId);
      if (format === undefined) throw new Error(`page format ${input.pageFormatId} missing`);
      const positions = buildPositions(gridOf(format), input.productCodes.length, input.start);
      const shopOrderId = await kasse.initCart();
      const cart = await kasse.checkoutPdf({
        shopOrderId,
        pageFormatId: format.id,
        totalCents: input.productCodes.reduce((sum, code) => sum + price(code), 0),
        createManifest: input.createManifest ?? false,
        positions: input.productCodes.map((productCode, i) => ({
          productCode,
          voucherLayout: "FRANKING_ZONE",
          position: positions[i] ?? { labelX: 1, labelY: 1, page: 1 },
        })),
      });
      return {
        shopOrderId,
        pdf: await download(cart.link),
        manifest: cart.manifestLink === null ? null : await download(cart.manifestLink),
        vouchers: cart.vouchers,
        positions,
      };
    },
    async buyPng(input: { productCodes: number[] }): Promise<BoughtPngCart> {
      const { kasse, price } = await session();
      const shopOrderId = await kasse.initCart();
      const cart = await kasse.checkoutPng({
        shopOrderId,
        totalCents: input.productCodes.reduce((sum, code) => sum + price(code), 0),
        dpi: "DPI203",
        positions: input.productCodes.map((productCode) => ({ productCode, voucherLayout: "FRANKING_ZONE" })),
      });
      return { shopOrderId, zip: await download(cart.link), vouchers: cart.vouchers };
    },
  };
}
