/**
 * "Print the labels of these orders": the pages of the batch's cart PDFs that hold the chosen orders'
 * stamps. The PDF is cut by whole pages. A sheet page (A4 with 10 labels) that also holds stamps of other
 * orders is printed whole, other stamps included; `sharedWith` names those orders so the UI can warn
 * that their stamps are on the printout too. Label-printer formats hold one stamp per page and are exact.
 */
import type { LabelPosition } from "~/internetmarke";
import { LabelFileError } from "./errors";
import { appendPages, loadPart, newOutput } from "./pdf";

export interface PlacedStamp {
  /** Whatever identifies the order for the caller: Shopify order id, order name, ... */
  orderId: string;
  /** Where Deutsche Post printed it: the position sent at checkout (1-based). */
  position: LabelPosition;
}

export interface CartLabels {
  /** The cart's label PDF as bought (or re-fetched). */
  pdf: Uint8Array;
  stamps: readonly PlacedStamp[];
}

export interface SelectedPage {
  /** 0-based index of the cart in the input. */
  cart: number;
  /** 1-based page number within that cart's PDF. */
  page: number;
  /** Every order with a stamp on that page, chosen or not, in position order. */
  orderIds: string[];
}

export interface PageSelection {
  pages: SelectedPage[];
  /** Orders not chosen whose stamps are on a selected page (printed as well). */
  sharedWith: string[];
  /** Chosen orders without any stamp in these carts. */
  missing: string[];
}

const byPosition = (a: PlacedStamp, b: PlacedStamp) =>
  a.position.page - b.position.page ||
  a.position.labelY - b.position.labelY ||
  a.position.labelX - b.position.labelX;

/** Which pages to print for `orderIds`, in cart order then page order. Pure: no PDF is read. */
export function selectOrderPages(
  carts: readonly { stamps: readonly PlacedStamp[] }[],
  orderIds: readonly string[],
): PageSelection {
  const wanted = new Set(orderIds);
  const found = new Set<string>();
  const pages: SelectedPage[] = [];
  carts.forEach((cart, index) => {
    const pageNumbers = [
      ...new Set(cart.stamps.filter((s) => wanted.has(s.orderId)).map((s) => s.position.page)),
    ].sort((a, b) => a - b);
    for (const page of pageNumbers) {
      const onPage = cart.stamps.filter((s) => s.position.page === page).sort(byPosition);
      const ids = [...new Set(onPage.map((s) => s.orderId))];
      ids.filter((id) => wanted.has(id)).forEach((id) => found.add(id));
      pages.push({ cart: index, page, orderIds: ids });
    }
  });
  const sharedWith = [...new Set(pages.flatMap((p) => p.orderIds))].filter((id) => !wanted.has(id));
  const missing = [...new Set(orderIds)].filter((id) => !found.has(id));
  return { pages, sharedWith, missing };
}

export interface OrderPages extends PageSelection {
  /** The selected pages as one PDF, or `null` if no chosen order has a stamp here. */
  pdf: Uint8Array | null;
}

/**
 * A PDF with only the pages holding the chosen orders' stamps (see the module comment for sheets). Only the
 * carts that contribute a page are read. A stamp on a page the cart's PDF does not have is a
 * `LabelFileError` with code `page_out_of_range` (the stored PDF does not belong to these positions).
 */
export async function extractOrderPages(
  carts: readonly CartLabels[],
  orderIds: readonly string[],
  options: { title?: string } = {},
): Promise<OrderPages> {
  const selection = selectOrderPages(carts, orderIds);
  if (selection.pages.length === 0) return { ...selection, pdf: null };
  const out = await newOutput(options.title ?? "INTERNETMARKE");
  const cartIndices = [...new Set(selection.pages.map((p) => p.cart))];
  for (const cartIndex of cartIndices) {
    const source = await loadPart(carts[cartIndex]?.pdf ?? new Uint8Array(), cartIndex);
    const pages = selection.pages.filter((p) => p.cart === cartIndex).map((p) => p.page);
    const beyond = pages.find((page) => page > source.getPageCount());
    if (beyond !== undefined) {
      throw new LabelFileError(
        "page_out_of_range",
        `Part ${cartIndex} has ${source.getPageCount()} pages but a stamp is on page ${beyond}`,
        { part: cartIndex },
      );
    }
    await appendPages(
      out,
      source,
      pages.map((page) => page - 1),
    );
  }
  return { ...selection, pdf: await out.save() };
}
