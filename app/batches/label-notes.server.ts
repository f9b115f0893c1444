/**
 * What the app prints beside Deutsche Post's stamps in a batch's label PDFs (ADR 014): the order name on
 * every cell and, for franking-zone stamps, the recipient address. Read per cart from the stored orders and
 * the page format's layout in the shop's Portokasse catalog.
 */
import type { FrankingCart } from "~/generated/prisma/sqlite/client";
import { loadPortokasseCatalog, type StoredPageFormat } from "~/catalog/portokasse-catalog.server";
import type { Db } from "~/db.server";
import { parseLabelAddress, parsePositions } from "~/franking/model";
import { cartSlots } from "~/franking/plan";
import type { PDFDocument } from "pdf-lib";
import {
  annotateDocument,
  annotateLabels,
  evenGeometry,
  type LabelNote,
  type PageGeometry,
  type PlacedStamp,
} from "~/labels";

/** The layout of a page format from the catalog; an even grid over the page size when the catalog has none. */
export function geometryOf(
  format: StoredPageFormat | undefined,
  grid: { columns: number; rows: number },
): PageGeometry {
  const layout = format?.layout;
  if (layout) return { ...layout, columns: format.labelsX, rows: format.labelsY };
  return evenGeometry(210, 297, grid.columns, grid.rows);
}

export interface CartPrint {
  geometry: PageGeometry;
  notes: LabelNote[];
  /** The stamps bought in this cart and where they are (cart-relative pages). */
  stamps: PlacedStamp[];
}

/** Per cart (same order as `carts`): its geometry, the notes to print and the bought stamps. */
export async function cartPrints(
  db: Db,
  shopId: string,
  carts: readonly FrankingCart[],
): Promise<CartPrint[]> {
  const batchIds = [...new Set(carts.map((c) => c.batchId))];
  const [batches, orders, vouchers, catalog] = await Promise.all([
    db.frankingBatch.findMany({ where: { id: { in: batchIds }, shopId } }),
    db.frankingOrder.findMany({
      where: { batchId: { in: batchIds }, shopId },
      select: { id: true, orderName: true, labelAddress: true },
    }),
    db.voucher.findMany({
      where: { cartId: { in: carts.map((c) => c.id) } },
      select: { batchOrderId: true },
    }),
    loadPortokasseCatalog(db, shopId),
  ]);
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const stamped = new Set(vouchers.map((v) => v.batchOrderId));
  return carts.map((cart) => {
    const batch = batches.find((b) => b.id === cart.batchId);
    const format = catalog.pageFormats.find((f) => f.id === batch?.pageFormatId);
    const geometry = geometryOf(format, { columns: batch?.gridColumns ?? 1, rows: batch?.gridRows ?? 1 });
    const positions = parsePositions(cart.positions);
    const slots = positions.every((p) => p.slot) ? cartSlots(positions) : [];
    const notes: LabelNote[] = [];
    const stamps: PlacedStamp[] = [];
    positions.forEach((p, i) => {
      const position = slots[i];
      const order = orderById.get(p.batchOrderId);
      if (!position || !stamped.has(p.batchOrderId)) return;
      stamps.push({ orderId: p.orderId, position });
      notes.push({
        position,
        orderName: order?.orderName ?? "",
        addressLines:
          p.voucherLayout === "FRANKING_ZONE" ? parseLabelAddress(order?.labelAddress ?? null) : null,
      });
    });
    return { geometry, notes, stamps };
  });
}

/** The carts' label PDFs with the order names and printed addresses drawn in. */
export function annotateParts(
  parts: readonly Uint8Array[],
  prints: readonly CartPrint[],
): Promise<Uint8Array[]> {
  return Promise.all(
    parts.map((pdf, i) => {
      const print = prints[i];
      return print ? annotateLabels(pdf, print.geometry, print.notes, i) : pdf;
    }),
  );
}

/** For `mergeLabelPdfs`' `prepare`: draws each cart's notes into its parsed PDF before its pages are copied. */
export function annotatePart(prints: readonly CartPrint[]) {
  return async (doc: PDFDocument, part: number): Promise<void> => {
    const print = prints[part];
    if (print) await annotateDocument(doc, print.geometry, print.notes, part);
  };
}

/** What the app prints beside one stamp of a PNG cart (ADR 023). */
export interface PngNote {
  /** The Shopify order the stamp belongs to (its gid). */
  orderId: string;
  orderName: string;
  addressLines: readonly string[] | null;
}

/**
 * Per PNG cart (same order as `carts`): the notes of its stamped positions in position order, which is the
 * order of the PNGs in the cart's ZIP (`0.png`, `1.png`, ...).
 */
export async function pngCartNotes(
  db: Db,
  shopId: string,
  carts: readonly FrankingCart[],
): Promise<PngNote[][]> {
  const batchIds = [...new Set(carts.map((c) => c.batchId))];
  const [orders, vouchers] = await Promise.all([
    db.frankingOrder.findMany({
      where: { batchId: { in: batchIds }, shopId },
      select: { id: true, orderName: true, orderId: true, labelAddress: true },
    }),
    db.voucher.findMany({
      where: { cartId: { in: carts.map((c) => c.id) } },
      select: { batchOrderId: true },
    }),
  ]);
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const stamped = new Set(vouchers.map((v) => v.batchOrderId));
  return carts.map((cart) =>
    parsePositions(cart.positions)
      .filter((p) => stamped.has(p.batchOrderId))
      .map((p) => {
        const order = orderById.get(p.batchOrderId);
        return {
          orderId: order?.orderId ?? p.orderId,
          orderName: order?.orderName ?? p.orderId,
          addressLines:
            p.voucherLayout === "FRANKING_ZONE" ? parseLabelAddress(order?.labelAddress ?? null) : null,
        };
      }),
  );
}
