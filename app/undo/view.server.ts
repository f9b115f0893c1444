/** What the undo page shows: orders Shopify unfulfilled (the refund offered), and what was undone. */
import type { Db } from "~/db.server";

export interface UndoRow {
  orderId: string;
  orderName: string;
  state: string;
  source: string;
  createdAt: string;
}

export async function loadUndos(
  db: Db,
  shopId: string,
): Promise<{ offered: UndoRow[]; recent: UndoRow[]; refundOnShopifyCancel: boolean }> {
  const rows = await db.frankingUndo.findMany({
    where: { shopId },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  const settings = await db.bookkeepingSettings.findUnique({
    where: { shopId },
    select: { refundOnShopifyCancel: true },
  });
  const view = (r: (typeof rows)[number]): UndoRow => ({
    orderId: r.orderId,
    orderName: r.orderName,
    state: r.state,
    source: r.source,
    createdAt: r.createdAt.toISOString(),
  });
  return {
    offered: rows.filter((r) => r.state === "OFFERED").map(view),
    recent: rows.filter((r) => r.state !== "OFFERED").map(view),
    refundOnShopifyCancel: settings?.refundOnShopifyCancel ?? false,
  };
}

export async function saveRefundOnShopifyCancel(db: Db, shopId: string, value: boolean): Promise<void> {
  await db.bookkeepingSettings.upsert({
    where: { shopId },
    create: { shopId, refundOnShopifyCancel: value },
    update: { refundOnShopifyCancel: value },
  });
}

/** The undo state of each order of a batch (for the batch page), by order id. */
export async function undoStates(db: Db, shopId: string, batchId: string): Promise<Record<string, string>> {
  const rows = await db.frankingUndo.findMany({
    where: { shopId, batchId },
    select: { orderId: true, state: true },
  });
  return Object.fromEntries(rows.map((r) => [r.orderId, r.state]));
}
