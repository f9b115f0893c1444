/**
 * Test fixtures: batches as the franking pipeline leaves them (bought carts with stored label bytes,
 * vouchers, orders), written straight into the database, with real cart files from the simulator.
 */
import type { Db } from "~/db.server";
import type { CartPosition } from "~/franking/model";
import type { LabelPosition, Voucher } from "~/internetmarke";

export interface SeedOrder {
  orderId: string;
  orderName: string;
  productCode: number;
  productName: string;
  priceCents: number;
  /** The label slot with pages counted across the whole batch (PDF batches); null for PNG. */
  slot: LabelPosition | null;
  voucher: Voucher | null;
  receiver?: { name: string; postalCode: string; city: string; country: string };
}

export interface SeedCart {
  shopOrderId: string;
  labelBytes: Uint8Array | null;
  manifestBytes?: Uint8Array | null;
  createManifest?: boolean;
  orders: SeedOrder[];
}

let counter = 0;

const address = (receiver: NonNullable<SeedOrder["receiver"]>) => ({
  sender: {
    name: "Muster Versand GmbH",
    addressLine1: "Hauptstr. 5",
    postalCode: "53113",
    city: "Bonn",
    country: "DEU",
  },
  receiver: { ...receiver, addressLine1: "Heidestr. 17" },
});

export async function seedShop(db: Db, domain: string) {
  return db.shop.upsert({ where: { domain }, create: { domain }, update: {} });
}

export async function seedBatch(
  db: Db,
  input: {
    shopDomain: string;
    labelFormat: "PDF" | "PNG";
    carts: SeedCart[];
    createdAt?: Date;
    status?: string;
  },
): Promise<{ batchId: string; shopId: string }> {
  const shop = await seedShop(db, input.shopDomain);
  const createdAt = input.createdAt ?? new Date("2025-10-06T17:05:00Z");
  const all = input.carts.flatMap((c) => c.orders);
  const batch = await db.frankingBatch.create({
    data: {
      shopId: shop.id,
      status: input.status ?? "DONE",
      labelFormat: input.labelFormat,
      pageFormatId: input.labelFormat === "PDF" ? 1 : null,
      layout: "FRANKING_ZONE",
      maxPositionsPerCart: 50,
      tag: "frankiert",
      totalCents: all.reduce((sum, o) => sum + o.priceCents, 0),
      createdAt,
    },
  });
  let position = 0;
  for (const [sequence, cart] of input.carts.entries()) {
    const rows: { id: string }[] = [];
    for (const order of cart.orders) {
      rows.push(
        await db.frankingOrder.create({
          data: {
            batchId: batch.id,
            shopId: shop.id,
            orderId: order.orderId,
            orderName: order.orderName,
            productCode: order.productCode,
            productName: order.productName,
            priceCents: order.priceCents,
            registered: order.voucher?.trackId != null,
            address: order.receiver ? JSON.stringify(address(order.receiver)) : null,
            labelAddress: order.receiver
              ? JSON.stringify([
                  order.receiver.name,
                  "Heidestr. 17",
                  `${order.receiver.postalCode} ${order.receiver.city}`,
                ])
              : null,
            status: order.voucher ? "BOUGHT" : "FAILED",
            position: position++,
          },
        }),
      );
    }
    const positions: CartPosition[] = cart.orders.map((order, i) => ({
      batchOrderId: rows[i]?.id ?? "",
      orderId: order.orderId,
      productCode: order.productCode,
      productName: order.productName,
      priceCents: order.priceCents,
      registered: order.voucher?.trackId != null,
      voucherLayout: "FRANKING_ZONE",
      address: order.receiver ? address(order.receiver) : null,
      slot: order.slot,
    }));
    const stored = await db.frankingCart.create({
      data: {
        batchId: batch.id,
        sequence,
        state: "BOUGHT",
        shopOrderId: cart.shopOrderId,
        positions: JSON.stringify(positions),
        totalCents: positions.reduce((sum, p) => sum + p.priceCents, 0),
        createManifest: cart.createManifest ?? false,
        labelBytes: cart.labelBytes ? new Uint8Array(cart.labelBytes) : null,
        manifestBytes: cart.manifestBytes ? new Uint8Array(cart.manifestBytes) : null,
        boughtAt: createdAt,
      },
    });
    await db.frankingOrder.updateMany({
      where: { id: { in: rows.map((r) => r.id) } },
      data: { cartId: stored.id },
    });
    for (const [i, order] of cart.orders.entries()) {
      if (!order.voucher) continue;
      await db.voucher.create({
        data: {
          voucherId: order.voucher.voucherId,
          trackId: order.voucher.trackId,
          shopId: shop.id,
          batchId: batch.id,
          cartId: stored.id,
          batchOrderId: rows[i]?.id ?? "",
          orderId: order.orderId,
          productCode: order.productCode,
          productName: order.productName,
          priceCents: order.priceCents,
          boughtAt: createdAt,
        },
      });
    }
  }
  return { batchId: batch.id, shopId: shop.id };
}

/** A fresh order gid and name for each call (`#1001`, `#1002`, ...). */
export function nextOrder(): { orderId: string; orderName: string } {
  counter += 1;
  return { orderId: `gid://shopify/Order/${5000 + counter}`, orderName: `#${1000 + counter}` };
}
