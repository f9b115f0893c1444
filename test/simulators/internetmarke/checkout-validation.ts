// The checks a checkout passes through, each throwing the live error. The order in which
// checkout.ts calls them is the documented order (README.md, "Order of checks").
import { z } from "zod";
import type { SimContext } from "./context";
import type { VoucherLayout } from "./checkout-schemas";
import { describeIssues, positionTypes, requestTypes } from "./checkout-schemas";
import type { PageFormat, Product } from "./data";
import { findPageFormat, isKnownMotif } from "./data";
import { productAt } from "./prices";
import { isInsideGrid } from "./documents/layout";
import { badRequest, fail } from "./errors";
import type { Account, Cart } from "./state";

export type DocumentFormat = "pdf" | "png";

function readFlag(url: URL, name: string): boolean {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return false;
  if (/^true$/i.test(raw)) return true;
  if (/^false$/i.test(raw)) return false;
  return badRequest(
    `Failed to convert value of type 'java.lang.String' to required type 'boolean' for '${name}': '${raw}'`,
  );
}

export function readCheckoutFlags(url: URL): { validate: boolean; directCheckout: boolean } {
  const validate = readFlag(url, "validate");
  const directCheckout = readFlag(url, "directCheckout");
  if (validate && directCheckout) {
    fail(400, "invalidCombination", "The query parameters validate and directCheckout must not be combined.");
  }
  return { validate, directCheckout };
}

export async function readJsonBody(ctx: SimContext): Promise<unknown> {
  const text = await ctx.request.text();
  if (text.trim() === "") badRequest("Required request body is missing");
  try {
    return JSON.parse(text);
  } catch (error) {
    return badRequest(`JSON parse error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const envelope = z.looseObject({ type: z.unknown().optional(), positions: z.unknown().optional() });
const positionEnvelope = z.looseObject({ positionType: z.unknown().optional() });

function unresolvable(id: unknown, property: string, base: string, known: readonly string[]): never {
  const description =
    id === undefined || id === null
      ? `Could not resolve subtype of [simple type, class ${base}]: missing type id property '${property}'`
      : `Could not resolve type id '${String(id)}' as a subtype of \`${base}\`: known type ids = [${known.join(", ")}]`;
  return fail(400, "InvalidTypeId", description);
}

/** Jackson resolves the polymorphic `type` and `positionType` before any field is validated. */
export function checkTypeIds(body: unknown, format: DocumentFormat, preview: boolean): void {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) badRequest("The request body must be a JSON object");
  const types = requestTypes[format];
  const known = [types.checkout, types.preview];
  const type = parsed.data.type;
  if (type !== types.checkout && type !== types.preview) unresolvable(type, "type", types.base, known);
  const expected = preview ? types.preview : types.checkout;
  if (type !== expected) {
    badRequest(`type: must be ${expected} when validate=${String(preview)}`);
  }
  if (preview || !Array.isArray(parsed.data.positions)) return;
  const positionType = positionTypes[format];
  for (const item of parsed.data.positions) {
    const position = positionEnvelope.safeParse(item);
    const id = position.success ? position.data.positionType : undefined;
    if (id !== positionType) unresolvable(id, "positionType", positionType, [positionType]);
  }
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) badRequest(describeIssues(parsed.error));
  return parsed.data;
}

export function requirePageFormat(pageFormatId: number): PageFormat {
  const format = findPageFormat(pageFormatId);
  if (!format)
    fail(
      400,
      "invalidPageFormat",
      `The page format is invalid! Reason: No page format with id: ${pageFormatId} found!`,
    );
  return format;
}

interface LayoutPosition {
  voucherLayout: VoucherLayout;
  address?: unknown;
  position?: { labelX: number; labelY: number; page: number };
}

/** Address zone needs an address-capable format; an address binding needs the address zone. */
export function checkLayouts(positions: LayoutPosition[], format: PageFormat | null): void {
  positions.forEach((p, i) => {
    const hasAddress = p.address !== undefined && p.address !== null;
    if (hasAddress && p.voucherLayout !== "ADDRESS_ZONE") {
      badRequest(`positions[${i}].voucherLayout: an address binding needs voucherLayout ADDRESS_ZONE`);
    }
    if (format && p.voucherLayout === "ADDRESS_ZONE" && !format.isAddressPossible) {
      fail(
        400,
        "invalidPageFormat",
        `Page format ${format.id} (${format.name}) cannot print addresses (ADDRESS_ZONE).`,
      );
    }
  });
}

/** PDF positions are 1-based and must lie inside the format's grid, one stamp per cell. */
export function checkGrid(positions: LayoutPosition[], format: PageFormat): void {
  const taken = new Set<string>();
  positions.forEach((p, i) => {
    if (!p.position) return;
    const { labelX, labelY } = format.pageLayout.labelCount;
    if (!isInsideGrid(format, p.position)) {
      badRequest(
        `positions[${i}].position: label (${p.position.labelX}, ${p.position.labelY}) is outside the ` +
          `${labelX} x ${labelY} grid of page format ${format.id}`,
      );
    }
    const key = `${p.position.page}/${p.position.labelX}/${p.position.labelY}`;
    if (taken.has(key))
      badRequest(
        `positions[${i}].position: page ${p.position.page} label (${p.position.labelX}, ${p.position.labelY}) is used twice`,
      );
    taken.add(key);
  });
}

export function checkPositionCount(count: number, max: number | undefined): void {
  if (max !== undefined && count > max) {
    fail(
      400,
      "invalidOrderPositionCount",
      `The number of positions (${count}) exceeds the maximum of ${max} per cart.`,
    );
  }
}

/** Without directCheckout the body names a fresh cart of this account; with it, one is opened. */
export function resolveCart(
  ctx: SimContext,
  account: Account,
  shopOrderId: string | null | undefined,
  direct: boolean,
): Cart | null {
  if (shopOrderId === undefined || shopOrderId === null) {
    if (direct) return null;
    fail(400, "invalidShopOrderID", "The shopOrderId is required unless directCheckout=true.");
  }
  const cart = ctx.state.carts.get(shopOrderId);
  if (!cart || cart.username !== account.username) {
    fail(400, "invalidShopOrderID", `The shopOrderId '${shopOrderId}' is unknown.`);
  }
  if (cart.order)
    fail(400, "invalidShopOrderID", `Queued order duplicated for the shopOrderId '${shopOrderId}'`);
  return cart;
}

export function requireProducts(
  ctx: SimContext,
  positions: Array<{ productCode: number; imageID?: number | null }>,
): Product[] {
  const now = ctx.config.now();
  const products = positions.map((p) => {
    // The price in force now: a cart priced before a price change is refused for its total.
    const product = productAt(ctx.state, now, p.productCode);
    if (!product) {
      fail(
        400,
        "invalidProductcode",
        `The productcode is invalid! Reason: No product with productcode: ${p.productCode} found!`,
      );
    }
    return product;
  });
  for (const p of positions) {
    if (p.imageID !== undefined && p.imageID !== null && !isKnownMotif(p.imageID)) {
      fail(
        400,
        "invalidMotive",
        `The motive is invalid! Reason: No motive with imageID: ${p.imageID} found!`,
      );
    }
  }
  return products;
}

export function checkTotal(products: Product[], sentTotal: number): number {
  const serverTotal = products.reduce((sum, p) => sum + p.priceCents, 0);
  if (serverTotal !== sentTotal) {
    fail(
      400,
      "invalidTotalAmount",
      `The total amount of the order is invalid! PPL-total: ${serverTotal}, Cart: ${sentTotal}`,
    );
  }
  return serverTotal;
}

export function checkBalance(account: Account, total: number): void {
  if (account.balanceCents < total) fail(400, "walletBalanceNotEnough", account.serialNumber);
}
