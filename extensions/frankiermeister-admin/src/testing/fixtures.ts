/** Answers of the app routes as the contract describes them, for the tests to start from. */
import type { Batch, BatchPreview, BatchStatus, OrderFranking } from "../api";

export const ORDER = {
  standard: "gid://shopify/Order/1001",
  large: "gid://shopify/Order/1002",
  noAddress: "gid://shopify/Order/1003",
  second: "gid://shopify/Order/1004",
} as const;

export function previewAnswer(overrides: Partial<BatchPreview> = {}): BatchPreview {
  return {
    orders: [
      {
        orderId: ORDER.standard,
        orderName: "#1001",
        ok: true,
        productCode: "STANDARDBRIEF",
        productName: "Standardbrief",
        priceCents: 95,
        reason: "18 g, 1 item, Germany",
      },
      {
        orderId: ORDER.large,
        orderName: "#1002",
        ok: true,
        productCode: "GROSSBRIEF",
        productName: "Großbrief",
        priceCents: 180,
        reason: "340 g, Germany",
      },
      {
        orderId: ORDER.noAddress,
        orderName: "#1003",
        ok: false,
        reason: "The order has no shipping address",
        error: "MISSING_ADDRESS",
      },
      {
        orderId: ORDER.second,
        orderName: "#1004",
        ok: true,
        productCode: "STANDARDBRIEF",
        productName: "Standardbrief",
        priceCents: 95,
        reason: "12 g, 1 item, Germany",
      },
    ],
    totalsByProduct: [
      { productCode: "STANDARDBRIEF", productName: "Standardbrief", count: 2, totalCents: 190 },
      { productCode: "GROSSBRIEF", productName: "Großbrief", count: 1, totalCents: 180 },
    ],
    totalCents: 370,
    balanceCents: 5000,
    sufficient: true,
    missingCents: 0,
    ...overrides,
  };
}

const FINAL: readonly BatchStatus[] = [
  "COMPLETED",
  "COMPLETED_WITH_ERRORS",
  "STOPPED_INSUFFICIENT_BALANCE",
  "FAILED",
];

/** A batch of the three frankable preview orders in `status`; `bought` of them have a stamp so far. */
export function batchAnswer(status: BatchStatus, bought: number, overrides: Partial<Batch> = {}): Batch {
  const orders = [
    { id: ORDER.standard, name: "#1001", product: "Standardbrief", price: 95, track: "RR123456785DE" },
    { id: ORDER.large, name: "#1002", product: "Großbrief", price: 180, track: "RR123456799DE" },
    { id: ORDER.second, name: "#1004", product: "Standardbrief", price: 95, track: "RR123456802DE" },
  ].map((order, index) => ({
    orderId: order.id,
    orderName: order.name,
    status: index < bought ? "FULFILLED" : "QUEUED",
    productName: order.product,
    priceCents: order.price,
    voucherIds: index < bought ? [`A0011223344${index}`] : [],
    trackIds: index < bought ? [order.track] : [],
    error: null,
  }));
  return {
    id: "batch-1",
    status,
    totalCents: 370,
    counts: { orders: 3, bought, fulfilled: bought, failed: 0, skipped: 0 },
    orders,
    createdAt: "2026-11-25T09:00:00.000Z",
    finishedAt: FINAL.includes(status) ? "2026-11-25T09:00:42.000Z" : null,
    ...overrides,
  };
}

export function frankingAnswer(overrides: Partial<OrderFranking> = {}): { orders: OrderFranking[] } {
  return {
    orders: [
      {
        orderId: "gid://shopify/Order/1",
        status: "FRANKED",
        productName: "Einschreiben Einwurf (Standardbrief)",
        voucherIds: ["A0011223344556677"],
        trackIds: ["RR123456785DE"],
        batchId: "batch-1",
        labelUrl: "/labels/orders.pdf?ids=gid%3A%2F%2Fshopify%2FOrder%2F1",
        refundState: "NONE",
        ...overrides,
      },
    ],
  };
}
