import type { AddressBinding } from "./address";
import { TooManyPositionsError, ValidationError, type FieldProblem } from "./errors";
import type { LabelPosition } from "./positions";
import {
  cartResponseSchema,
  initCartResponseSchema,
  previewResponseSchema,
  type CartResult,
  type PreviewResult,
} from "./schemas";
import type { Session } from "./session";

export type VoucherLayout = "ADDRESS_ZONE" | "FRANKING_ZONE";
export type Dpi = "DPI300" | "DPI203";

interface PositionBase {
  /** PPL product code, e.g. 1 (Standardbrief). */
  productCode: number;
  /** ADDRESS_ZONE with an address binding, FRANKING_ZONE without. */
  voucherLayout: VoucherLayout;
  /** Motif id from the catalog. */
  imageId?: number;
  address?: AddressBinding;
}

export interface PdfPosition extends PositionBase {
  /** 1-based slot on the page format (see `buildPositions`). */
  position: LabelPosition;
}

export type PngPosition = PositionBase;

interface CheckoutBase {
  /** From `initCart()`; each checkout needs a fresh one. */
  shopOrderId: string;
  /** Sum of the positions' prices in cents; the server recomputes it and refuses a mismatch. */
  totalCents: number;
  createManifest?: boolean;
  createShippingList?: "0" | "1" | "2";
  dpi?: Dpi;
}

export interface CheckoutPdfRequest extends CheckoutBase {
  pageFormatId: number;
  positions: readonly PdfPosition[];
}

export interface CheckoutPngRequest extends CheckoutBase {
  positions: readonly PngPosition[];
  optimizePng?: boolean;
}

export interface PreviewPngRequest {
  productCode: number;
  voucherLayout: VoucherLayout;
  imageId?: number;
  dpi?: Dpi;
  optimizePng?: boolean;
}

export interface PreviewPdfRequest extends PreviewPngRequest {
  pageFormatId: number;
}

/** The answer to "did this checkout happen?". */
export type RetrievedCart = { bought: true; cart: CartResult } | { bought: false; shopOrderId: string };

const SHOP_ORDER_ID = /^[^<&]{1,18}$/;

function positionBody(p: PositionBase, positionType: string, extra: Record<string, unknown>) {
  return {
    productCode: p.productCode,
    ...(p.imageId === undefined ? {} : { imageID: p.imageId }),
    voucherLayout: p.voucherLayout,
    positionType,
    ...extra,
    ...(p.address === undefined ? {} : { address: p.address }),
  };
}

function labelProblems(positions: readonly PdfPosition[]): FieldProblem[] {
  return positions.flatMap((p, i) =>
    (["labelX", "labelY", "page"] as const)
      .filter((axis) => !Number.isInteger(p.position[axis]) || p.position[axis] < 1)
      .map((axis) => ({
        path: `positions.${i}.position.${axis}`,
        message: "must be a whole number >= 1 (1-based)",
      })),
  );
}

function checkCheckout(
  operation: string,
  req: CheckoutBase & { positions: readonly PositionBase[] },
  maxPositions: number | null,
  extra: readonly FieldProblem[] = [],
): void {
  const problems = [...extra];
  if (!SHOP_ORDER_ID.test(req.shopOrderId)) {
    problems.push({ path: "shopOrderId", message: "1-18 characters, no < or &" });
  }
  if (!Number.isInteger(req.totalCents) || req.totalCents < 0) {
    problems.push({ path: "totalCents", message: "must be a whole number of cents >= 0" });
  }
  if (req.positions.length === 0) problems.push({ path: "positions", message: "at least one position" });
  req.positions.forEach((p, i) => {
    if (!Number.isInteger(p.productCode) || p.productCode < 1) {
      problems.push({ path: `positions.${i}.productCode`, message: "must be a whole number >= 1" });
    }
  });
  if (problems.length > 0) {
    throw new ValidationError(`Invalid ${operation} request: ${problems.map((p) => p.path).join(", ")}`, {
      operation,
      fields: problems,
    });
  }
  if (maxPositions !== null && req.positions.length > maxPositions) {
    throw new TooManyPositionsError(
      `${req.positions.length} positions exceed the configured maximum of ${maxPositions} per cart: split the cart`,
      { operation },
    );
  }
}

/** `POST /app/shoppingcart`: a fresh shopOrderId. Safe to retry (an unused id costs nothing). */
export async function initCart(session: Session): Promise<string> {
  const res = await session.send({
    operation: "initCart",
    method: "POST",
    path: "/app/shoppingcart",
    retry: "safe",
    movesMoney: false,
  });
  return session.http.parse(res, initCartResponseSchema);
}

async function buy(
  session: Session,
  operation: string,
  format: "pdf" | "png",
  body: unknown,
): Promise<CartResult> {
  const res = await session.send({
    operation,
    method: "POST",
    path: `/app/shoppingcart/${format}`,
    json: body,
    retry: "never",
    movesMoney: true,
  });
  const cart = session.http.parse(res, cartResponseSchema);
  session.noteBalance(cart.walletBalanceCents);
  return cart;
}

/** Buys the stamps as one PDF. Sent exactly once: on `outcomeUnknown` reconcile with `retrieveCart`. */
export async function checkoutPdf(session: Session, req: CheckoutPdfRequest): Promise<CartResult> {
  checkCheckout("checkoutPdf", req, session.config.maxPositionsPerCart, labelProblems(req.positions));
  return buy(session, "checkoutPdf", "pdf", {
    type: "AppShoppingCartPDFRequest",
    shopOrderId: req.shopOrderId,
    total: req.totalCents,
    pageFormatId: req.pageFormatId,
    ...(req.createManifest === undefined ? {} : { createManifest: req.createManifest }),
    ...(req.createShippingList === undefined ? {} : { createShippingList: req.createShippingList }),
    ...(req.dpi === undefined ? {} : { dpi: req.dpi }),
    positions: req.positions.map((p) =>
      positionBody(p, "AppShoppingCartPDFPosition", { position: p.position }),
    ),
  });
}

/** Buys the stamps as PNGs (a ZIP link, even for one stamp). Sent exactly once, like `checkoutPdf`. */
export async function checkoutPng(session: Session, req: CheckoutPngRequest): Promise<CartResult> {
  checkCheckout("checkoutPng", req, session.config.maxPositionsPerCart);
  return buy(session, "checkoutPng", "png", {
    type: "AppShoppingCartPNGRequest",
    shopOrderId: req.shopOrderId,
    total: req.totalCents,
    ...(req.createManifest === undefined ? {} : { createManifest: req.createManifest }),
    ...(req.createShippingList === undefined ? {} : { createShippingList: req.createShippingList }),
    ...(req.dpi === undefined ? {} : { dpi: req.dpi }),
    ...(req.optimizePng === undefined ? {} : { optimizePNG: req.optimizePng }),
    positions: req.positions.map((p) => positionBody(p, "AppShoppingCartPosition", {})),
  });
}

async function preview(session: Session, operation: string, format: "pdf" | "png", body: unknown) {
  const res = await session.send({
    operation,
    method: "POST",
    path: `/app/shoppingcart/${format}`,
    query: { validate: true },
    json: body,
    retry: "safe",
    movesMoney: false,
  });
  return session.http.parse(res, previewResponseSchema);
}

/** Free "MUSTER" preview as PDF (`?validate=true`); nothing is bought. */
export function previewPdf(session: Session, req: PreviewPdfRequest): Promise<PreviewResult> {
  return preview(session, "previewPdf", "pdf", {
    type: "AppShoppingCartPreviewPDFRequest",
    productCode: req.productCode,
    ...(req.imageId === undefined ? {} : { imageID: req.imageId }),
    voucherLayout: req.voucherLayout,
    pageFormatId: req.pageFormatId,
    ...(req.dpi === undefined ? {} : { dpi: req.dpi }),
  });
}

/** Free "MUSTER" preview as PNG (`?validate=true`); nothing is bought. */
export function previewPng(session: Session, req: PreviewPngRequest): Promise<PreviewResult> {
  return preview(session, "previewPng", "png", {
    type: "AppShoppingCartPreviewPNGRequest",
    productCode: req.productCode,
    ...(req.imageId === undefined ? {} : { imageID: req.imageId }),
    voucherLayout: req.voucherLayout,
    ...(req.dpi === undefined ? {} : { dpi: req.dpi }),
    ...(req.optimizePng === undefined ? {} : { optimizePNG: req.optimizePng }),
  });
}

/**
 * `GET /app/shoppingcart/{shopOrderId}`: the reconciliation step after an unknown checkout outcome.
 * Bought: the vouchers and a fresh link (no new charge). 404 "Order not found": nothing was bought.
 */
export async function retrieveCart(session: Session, shopOrderId: string): Promise<RetrievedCart> {
  const res = await session.send({
    operation: "retrieveCart",
    method: "GET",
    path: `/app/shoppingcart/${encodeURIComponent(shopOrderId)}`,
    retry: "safe",
    movesMoney: false,
  });
  if (res.status === 404) return { bought: false, shopOrderId };
  return { bought: true, cart: session.http.parse(res, cartResponseSchema) };
}
