/**
 * "Print the labels of these orders": each order's stamp on a page of its own, with the order name and printed
 * address, across batches (oldest first). From a PDF batch the page is its sheet or roll page with only the
 * order's cell (app/labels/isolate.ts); from a PNG batch it is the order's label-sized page (ADR 023).
 */
import type { FrankingCart } from "~/generated/prisma/sqlite/client";
import { evenGeometry, isolateOrderStamps, mergeLabelPdfs, pngLabelPages } from "~/labels";
import { stampLabels, withRepair, type DownloadFile } from "./batch-labels.server";
import type { CartBytesDeps } from "./cart-bytes.server";
import { annotateParts, cartPrints, pngCartNotes } from "./label-notes.server";

const ORDER_GID = /^gid:\/\/shopify\/Order\/(\d+)$/;

/** `ids=1,2` or `ids=gid://shopify/Order/1&ids=2` as order gids (anything else is dropped); at most 250. */
export function parseOrderIds(params: URLSearchParams): string[] {
  const ids = params
    .getAll("ids")
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .map((value) => (/^\d+$/.test(value) ? `gid://shopify/Order/${value}` : value))
    .filter((value) => ORDER_GID.test(value));
  return [...new Set(ids)].slice(0, 250);
}

export interface OrderLabelsFile extends DownloadFile {
  /** Orders asked for without a stamp in a batch of this shop. */
  missing: string[];
}

/** The PDF batches' part: each order's stamp on its own page of the sheet or roll it was bought on. */
async function pdfBatchPages(deps: CartBytesDeps, shopId: string, carts: FrankingCart[], orderIds: readonly string[]) {
  if (carts.length === 0) return { pdf: null, found: new Set<string>() };
  const prints = await cartPrints(deps.db, shopId, carts);
  const result = await withRepair(deps, shopId, carts, async (parts) => {
    const annotated = await annotateParts(parts, prints);
    return isolateOrderStamps(
      annotated.map((pdf, i) => ({
        pdf,
        stamps: prints[i]?.stamps ?? [],
        geometry: prints[i]?.geometry ?? evenGeometry(210, 297, 1, 1),
      })),
      orderIds,
      { title: "Frankiermeister" },
    );
  });
  const missing = new Set(result.missing);
  return { pdf: result.pdf, found: new Set(orderIds.filter((id) => !missing.has(id))) };
}

/** The PNG batches' part: the orders' labels ready to stick (ADR 023), one page each. */
async function pngBatchPages(deps: CartBytesDeps, shopId: string, carts: FrankingCart[], orderIds: readonly string[]) {
  if (carts.length === 0) return { pdf: null, found: new Set<string>() };
  const wanted = new Set(orderIds);
  const notes = await pngCartNotes(deps.db, shopId, carts);
  const labels = await withRepair(deps, shopId, carts, async (parts) =>
    stampLabels(parts, notes).filter((label) => label.orderId != null && wanted.has(label.orderId)),
  );
  if (labels.length === 0) return { pdf: null, found: new Set<string>() };
  const pdf = await pngLabelPages(labels, { title: "Frankiermeister" });
  return { pdf, found: new Set(labels.flatMap((label) => label.orderId ?? [])) };
}

export async function orderLabels(
  deps: CartBytesDeps,
  input: { shopDomain: string; orderIds: readonly string[] },
): Promise<OrderLabelsFile | null> {
  const { db } = deps;
  const shop = await db.shop.findUnique({ where: { domain: input.shopDomain } });
  if (!shop || input.orderIds.length === 0) return null;
  const wanted = await db.voucher.findMany({
    where: { shopId: shop.id, orderId: { in: [...input.orderIds] } },
    select: { cartId: true },
  });
  const carts = await db.frankingCart.findMany({
    where: {
      id: { in: [...new Set(wanted.map((v) => v.cartId))] },
      state: "BOUGHT",
      batch: { shopId: shop.id },
    },
    include: { batch: { select: { labelFormat: true } } },
    orderBy: [{ batch: { createdAt: "asc" } }, { sequence: "asc" }],
  });
  if (carts.length === 0) return null;
  const ofFormat = (png: boolean) =>
    carts.filter((c) => (c.batch.labelFormat === "PNG") === png).map(({ batch: _batch, ...cart }) => cart);
  const [sheets, pngs] = await Promise.all([
    pdfBatchPages(deps, shop.id, ofFormat(false), input.orderIds),
    pngBatchPages(deps, shop.id, ofFormat(true), input.orderIds),
  ]);
  const parts = [sheets.pdf, pngs.pdf].filter((pdf): pdf is Uint8Array => pdf !== null);
  if (parts.length === 0) return null;
  const [only] = parts;
  const bytes = parts.length === 1 && only ? only : await mergeLabelPdfs(parts, { title: "Frankiermeister" });
  return {
    bytes,
    contentType: "application/pdf",
    filename: `etiketten-${input.orderIds.length === 1 ? (input.orderIds[0]?.split("/").pop() ?? "") : input.orderIds.length}.pdf`,
    missing: input.orderIds.filter((id) => !sheets.found.has(id) && !pngs.found.has(id)),
  };
}
