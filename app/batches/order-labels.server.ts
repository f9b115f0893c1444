/**
 * "Print the labels of these orders": the pages of the shop's PDF carts that hold the orders' stamps,
 * across batches (oldest first). Sheet pages are printed whole (see app/labels/README.md, "Limits").
 */
import { extractOrderPages, type CartLabels } from "~/labels";
import { parsePositions } from "~/franking/model";
import { cartSlots } from "~/franking/plan";
import { withRepair, type DownloadFile } from "./batch-labels.server";
import type { CartBytesDeps } from "./cart-bytes.server";

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
  /** Orders not asked for whose stamps are on the printed pages too. */
  sharedWith: string[];
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
  const stamped = new Set(
    (
      await db.voucher.findMany({
        where: { cartId: { in: carts.map((c) => c.id) } },
        select: { batchOrderId: true },
      })
    ).map((v) => v.batchOrderId),
  );
  const stampsOf = carts.map((cart) => {
    const positions = parsePositions(cart.positions);
    const slots = cartSlots(positions);
    return positions.flatMap((p, i) => {
      const position = slots[i];
      return position && stamped.has(p.batchOrderId) ? [{ orderId: p.orderId, position }] : [];
    });
  });
  const result = await withRepair(deps, shop.id, carts, (parts) =>
    extractOrderPages(
      parts.map((pdf, i): CartLabels => ({ pdf, stamps: stampsOf[i] ?? [] })),
      input.orderIds,
      { title: "Frankiermeister" },
    ),
  );
  if (result.pdf === null) return null;
  return {
    bytes: result.pdf,
    contentType: "application/pdf",
    filename: `etiketten-${input.orderIds.length === 1 ? (input.orderIds[0]?.split("/").pop() ?? "") : input.orderIds.length}.pdf`,
    sharedWith: result.sharedWith,
    missing: result.missing,
  };
}
