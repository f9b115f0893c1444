// Committing a checkout (money, vouchers, cart) and rendering its documents.
import { book } from "./accounts";
import type { AddressBinding, VoucherLayout } from "./checkout-schemas";
import type { SimContext } from "./context";
import type { PageFormat, Product } from "./data";
import { isRegisteredMail } from "./data";
import type { GridPosition } from "./documents/layout";
import { renderManifest, renderStampSheet } from "./documents/pdf";
import { renderStampPng, zipStamps } from "./documents/png";
import type { StampContent } from "./documents/stamp";
import { pdfDocument, publishDocument } from "./downloads";
import { json } from "./errors";
import type { Account, Cart, Order, StoredDocument, VoucherRecord } from "./state";
import { mintShopOrderId, mintTrackId, mintVoucherId } from "./state";

export interface OrderPosition {
  productCode: number;
  voucherLayout: VoucherLayout;
  address?: AddressBinding | null;
  position?: GridPosition;
}

export type Rendering = { kind: "pdf"; pageFormat: PageFormat } | { kind: "png"; dpi: "DPI300" | "DPI203" };

export function openCart(ctx: SimContext, account: Account): Cart {
  const cart: Cart = { shopOrderId: mintShopOrderId(ctx.state), username: account.username, order: null };
  ctx.state.carts.set(cart.shopOrderId, cart);
  return cart;
}

function stampOf(
  voucher: VoucherRecord,
  product: Product,
  position: OrderPosition,
  account: Account,
): StampContent {
  return {
    productName: product.name,
    priceCents: voucher.priceCents,
    voucherId: voucher.voucherId,
    trackId: voucher.trackId,
    address: position.address ?? null,
    layout: position.voucherLayout,
    muster: account.developer,
    date: voucher.boughtAt,
  };
}

async function renderOrder(
  stamps: Array<{ stamp: StampContent; position?: GridPosition }>,
  rendering: Rendering,
  shopOrderId: string,
  now: Date,
): Promise<StoredDocument> {
  if (rendering.kind === "png") {
    const zip = zipStamps(stamps.map((s) => renderStampPng(s.stamp, rendering.dpi)));
    return { bytes: zip, contentType: "application/zip", fileName: `${shopOrderId}.zip` };
  }
  const placed = stamps.map((s) => ({
    stamp: s.stamp,
    position: s.position ?? { labelX: 1, labelY: 1, page: 1 },
  }));
  const bytes = await renderStampSheet(rendering.pageFormat, placed, {
    title: `INTERNETMARKE ${shopOrderId}`,
    now,
  });
  return pdfDocument(bytes, `${shopOrderId}.pdf`);
}

/** Keeps a stored promise from ever counting as an unhandled rejection; awaiting it still throws. */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * Moves the money and mints the vouchers synchronously (no await between the checks and this),
 * then renders the documents in the background of the returned order.
 */
export function commitOrder(
  ctx: SimContext,
  account: Account,
  cart: Cart | null,
  positions: OrderPosition[],
  products: Product[],
  total: number,
  options: { rendering: Rendering; createManifest: boolean },
): { order: Order; balanceAfter: number } {
  const now = ctx.config.now();
  const target = cart ?? openCart(ctx, account);
  const vouchers = positions.map((_, i) => {
    const product = products[i];
    if (!product) throw new Error("positions and products out of step");
    const voucher: VoucherRecord = {
      voucherId: mintVoucherId(account),
      trackId: isRegisteredMail(product) ? mintTrackId(ctx.state) : null,
      productCode: product.productCode,
      priceCents: product.priceCents,
      shopOrderId: target.shopOrderId,
      boughtAt: now,
      refunded: false,
      retoureId: null,
    };
    account.vouchers.push(voucher);
    return voucher;
  });
  book(account, "purchase", -total, target.shopOrderId, now);

  const stamps = vouchers.map((v, i) => {
    const position = positions[i] ?? positions[0];
    const product = products[i] ?? products[0];
    if (!position || !product) throw new Error("positions and products out of step");
    return { stamp: stampOf(v, product, position, account), position: position.position };
  });
  const manifestLines = vouchers.map((v, i) => ({ ...v, productName: products[i]?.name ?? "" }));
  const order: Order = {
    shopOrderId: target.shopOrderId,
    username: account.username,
    vouchers,
    document: settled(renderOrder(stamps, options.rendering, target.shopOrderId, now)),
    manifest: options.createManifest
      ? settled(
          renderManifest(
            { shopOrderId: target.shopOrderId, serialNumber: account.serialNumber, now },
            manifestLines,
          ).then((bytes) => pdfDocument(bytes, `${target.shopOrderId}-manifest.pdf`)),
        )
      : null,
  };
  target.order = order;
  return { order, balanceAfter: account.balanceCents };
}

/** The live checkout / retrieve body; links are minted fresh on every call. */
export async function orderResponse(
  ctx: SimContext,
  order: Order,
  walletBallance: number | null,
): Promise<Response> {
  const link = publishDocument(ctx, await order.document);
  const manifestLink = order.manifest ? publishDocument(ctx, await order.manifest) : null;
  return json({
    type: "CheckoutShoppingCartAppResponse",
    link,
    manifestLink,
    shoppingCart: {
      shopOrderId: order.shopOrderId,
      voucherList: order.vouchers.map((v) => ({ voucherId: v.voucherId, trackId: v.trackId })),
    },
    walletBallance,
  });
}
