/**
 * "Print the labels of these orders": each order's stamp on a page of its own (its cell at its place, the
 * rest blank, app/labels/isolate.ts), with the order name and printed address, across batches (oldest first).
 */
import { evenGeometry, isolateOrderStamps } from "~/labels";
import { withRepair, type DownloadFile } from "./batch-labels.server";
import type { CartBytesDeps } from "./cart-bytes.server";
import { annotateParts, cartPrints } from "./label-notes.server";

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
  /** Orders asked for without a stamp in a PDF batch of this shop. */
  missing: string[];
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
      batch: { shopId: shop.id, labelFormat: "PDF" },
    },
    orderBy: [{ batch: { createdAt: "asc" } }, { sequence: "asc" }],
  });
  if (carts.length === 0) return null;
  const prints = await cartPrints(db, shop.id, carts);
  const result = await withRepair(deps, shop.id, carts, async (parts) => {
    const annotated = await annotateParts(parts, prints);
    return isolateOrderStamps(
      annotated.map((pdf, i) => ({
        pdf,
        stamps: prints[i]?.stamps ?? [],
        geometry: prints[i]?.geometry ?? evenGeometry(210, 297, 1, 1),
      })),
      input.orderIds,
      { title: "Frankiermeister" },
    );
  });
  if (result.pdf === null) return null;
  return {
    bytes: result.pdf,
    contentType: "application/pdf",
    filename: `etiketten-${input.orderIds.length === 1 ? (input.orderIds[0]?.split("/").pop() ?? "") : input.orderIds.length}.pdf`,
    missing: result.missing,
  };
}
