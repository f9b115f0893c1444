// POST /app/shoppingcart, POST /app/shoppingcart/{pdf,png} (checkout and ?validate=true preview)
// and GET /app/shoppingcart/{shopOrderId}.
import { pdfCheckoutSchema, pdfPreviewSchema, pngCheckoutSchema, pngPreviewSchema } from "./checkout-schemas";
import type { DocumentFormat } from "./checkout-validation";
import {
  checkBalance,
  checkGrid,
  checkLayouts,
  checkPositionCount,
  checkTotal,
  checkTypeIds,
  parseBody,
  readCheckoutFlags,
  readJsonBody,
  requirePageFormat,
  requireProducts,
  resolveCart,
} from "./checkout-validation";
import type { SimContext } from "./context";
import type { Product } from "./data";
import { renderSingleStamp, renderStampSheet } from "./documents/pdf";
import { renderStampPng } from "./documents/png";
import type { StampContent } from "./documents/stamp";
import { pdfDocument, publishDocument } from "./downloads";
import { fail, json } from "./errors";
import { commitOrder, openCart, orderResponse } from "./orders";
import type { Account } from "./state";

export function handleInitCart(ctx: SimContext, account: Account): Response {
  return json({ shopOrderId: openCart(ctx, account).shopOrderId });
}

/** Checks in the documented order: flags, JSON, type ids, fields, layout, count, cart, products, total, balance. */
export async function handleCheckout(
  ctx: SimContext,
  account: Account,
  format: DocumentFormat,
): Promise<Response> {
  const { validate, directCheckout } = readCheckoutFlags(ctx.url);
  const body = await readJsonBody(ctx);
  checkTypeIds(body, format, validate);
  if (validate) return format === "pdf" ? previewPdf(ctx, body) : previewPng(ctx, body);

  const max = ctx.config.maxPositionsPerCart;
  if (format === "pdf") {
    const request = parseBody(pdfCheckoutSchema, body);
    const pageFormat = requirePageFormat(request.pageFormatId);
    checkLayouts(request.positions, pageFormat);
    checkGrid(request.positions, pageFormat);
    checkPositionCount(request.positions.length, max);
    const cart = resolveCart(ctx, account, request.shopOrderId, directCheckout);
    const products = requireProducts(ctx, request.positions);
    const total = checkTotal(products, request.total);
    checkBalance(account, total);
    const { order, balanceAfter } = commitOrder(ctx, account, cart, request.positions, products, total, {
      rendering: { kind: "pdf", pageFormat },
      createManifest: request.createManifest === true,
    });
    return orderResponse(ctx, order, balanceAfter);
  }

  const request = parseBody(pngCheckoutSchema, body);
  checkLayouts(request.positions, null);
  checkPositionCount(request.positions.length, max);
  const cart = resolveCart(ctx, account, request.shopOrderId, directCheckout);
  const products = requireProducts(ctx, request.positions);
  const total = checkTotal(products, request.total);
  checkBalance(account, total);
  const { order, balanceAfter } = commitOrder(ctx, account, cart, request.positions, products, total, {
    rendering: { kind: "png", dpi: request.dpi ?? "DPI300" },
    createManifest: request.createManifest === true,
  });
  return orderResponse(ctx, order, balanceAfter);
}

function previewStamp(product: Product, layout: StampContent["layout"], now: Date): StampContent {
  return {
    productName: product.name,
    priceCents: product.priceCents,
    voucherId: null,
    trackId: null,
    address: null,
    layout,
    muster: true,
    date: now,
  };
}

function firstProduct(products: Product[]): Product {
  const product = products[0];
  if (!product) throw new Error("preview without a product");
  return product;
}

/** A free MUSTER sample: no cart, no voucher, no charge. */
async function previewPdf(ctx: SimContext, body: unknown): Promise<Response> {
  const request = parseBody(pdfPreviewSchema, body);
  const pageFormat = request.pageFormatId ? requirePageFormat(request.pageFormatId) : null;
  checkLayouts([request], pageFormat);
  const product = firstProduct(requireProducts(ctx, [request]));
  const now = ctx.config.now();
  const stamp = previewStamp(product, request.voucherLayout, now);
  const bytes = pageFormat
    ? await renderStampSheet(pageFormat, [{ stamp, position: { labelX: 1, labelY: 1, page: 1 } }], {
        title: "INTERNETMARKE Vorschau",
        now,
      })
    : await renderSingleStamp(stamp, now);
  const link = publishDocument(ctx, pdfDocument(bytes, "preview.pdf"));
  return json({ type: "CheckoutShoppingCartAppResponse", link });
}

async function previewPng(ctx: SimContext, body: unknown): Promise<Response> {
  const request = parseBody(pngPreviewSchema, body);
  const product = firstProduct(requireProducts(ctx, [request]));
  const png = renderStampPng(
    previewStamp(product, request.voucherLayout, ctx.config.now()),
    request.dpi ?? "DPI300",
  );
  const link = publishDocument(ctx, { bytes: png, contentType: "image/png", fileName: "preview.png" });
  return json({ type: "CheckoutShoppingCartAppResponse", link });
}

/** Same body as the checkout, fresh links, no charge; walletBallance is null. */
export async function handleRetrieveCart(
  ctx: SimContext,
  account: Account,
  shopOrderId: string,
): Promise<Response> {
  const cart = ctx.state.carts.get(shopOrderId);
  if (!cart || cart.username !== account.username || !cart.order) {
    fail(404, "Not Found", `Order not found: ${shopOrderId}`);
  }
  return orderResponse(ctx, cart.order, null);
}
