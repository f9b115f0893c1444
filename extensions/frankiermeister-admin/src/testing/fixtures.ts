/**
 * Answers of the app routes in the app's own shapes (app/preview/json.ts, app/franking/status.server.ts,
 * app/routes/api.refunds.tsx), including fields the extensions do not read, for the tests to start from.
 * `test/app/preview-route.test.ts` and `test/app/franking-api-links.test.ts` run the real routes through the
 * same parsers (the extensions' own `api.ts` calls against the app).
 */
import type {
  BalanceCheck,
  Batch,
  BatchStatus,
  OrderFranking,
  OrderFrankings,
  PreviewLine,
  ProductTotal,
  VoucherRefund,
} from "../api";

export const ORDER = {
  standard: "gid://shopify/Order/1001",
  large: "gid://shopify/Order/1002",
  noAddress: "gid://shopify/Order/1003",
  second: "gid://shopify/Order/1004",
} as const;

export const APP_URL = "https://frankiermeister.example";
export const SHOP = "frankier-demo.myshopify.com";

/** A link as the app signs it: absolute, with shop, expiry and signature. */
export const signed = (resource: string) =>
  `${APP_URL}${resource}${resource.includes("?") ? "&" : "?"}shop=${SHOP}&exp=1795600000&sig=${"Ab0_".repeat(10)}xyz`;

const numeric = (gid: string) => gid.split("/").pop() ?? gid;
export const orderLabelsUrl = (orderIds: readonly string[]) =>
  signed(`/labels/orders.pdf?ids=${orderIds.map(numeric).join(",")}`);

/** `POST /api/preview` as the app answers it (`previewJson`). */
export interface PreviewAnswer {
  lines: (PreviewLine & { reasonParams: { key: string; values: Record<string, string | number> } | null })[];
  totals: ProductTotal[];
  okCount: number;
  errorCount: number;
  balance: BalanceCheck & { balanceCheckedAt: string | null };
  portokasse: { connected: boolean; problem: string | null };
  priceList: { fetchedAt: string | null; sourceDate: string | null; lastFailureAt: string | null };
}

export function previewAnswer(
  balance: Partial<PreviewAnswer["balance"]> = {},
  portokasse: Partial<PreviewAnswer["portokasse"]> = {},
): PreviewAnswer {
  return {
    lines: [
      {
        orderId: ORDER.standard,
        orderName: "#1001",
        ok: true,
        productCode: 1,
        productName: "Standardbrief",
        priceCents: 95,
        weightG: 18,
        flags: [],
        reason: "18 g, 1 item, Germany",
        reasonParams: { key: "chosen", values: { product: "Standardbrief", weightG: 18 } },
      },
      {
        orderId: ORDER.large,
        orderName: "#1002",
        ok: true,
        productCode: 21,
        productName: "Großbrief",
        priceCents: 180,
        weightG: 340,
        flags: ["missing-weight:Poster"],
        reason: "340 g, Germany",
        reasonParams: null,
      },
      {
        orderId: ORDER.noAddress,
        orderName: "#1003",
        ok: false,
        error: "missing-address",
        reason: "The order has no shipping address",
        reasonParams: { key: "missing-address", values: {} },
      },
      {
        orderId: ORDER.second,
        orderName: "#1004",
        ok: true,
        productCode: 1,
        productName: "Standardbrief",
        priceCents: 95,
        weightG: 12,
        flags: [],
        reason: "12 g, 1 item, Germany",
        reasonParams: null,
      },
    ],
    totals: [
      { productCode: 1, productName: "Standardbrief", count: 2, unitPriceCents: 95, totalCents: 190 },
      { productCode: 21, productName: "Großbrief", count: 1, unitPriceCents: 180, totalCents: 180 },
    ],
    okCount: 3,
    errorCount: 1,
    balance: {
      balanceCents: 5000,
      balanceCheckedAt: "2026-11-25T08:58:00.000Z",
      totalCents: 370,
      sufficient: true,
      missingCents: 0,
      ...balance,
    },
    portokasse: { connected: true, problem: null, ...portokasse },
    priceList: { fetchedAt: "2026-11-25T06:00:00.000Z", sourceDate: "2026-07-01", lastFailureAt: null },
  };
}

const FINAL: readonly BatchStatus[] = ["DONE", "INSUFFICIENT_FUNDS", "FAILED"];

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
    error: null,
    counts: { orders: 3, bought, fulfilled: bought, failed: 0, skipped: 0 },
    orders,
    createdAt: "2026-11-25T09:00:00.000Z",
    finishedAt: FINAL.includes(status) ? "2026-11-25T09:00:42.000Z" : null,
    labelUrl: bought > 0 ? signed("/labels/batch-1") : null,
    manifestUrl: bought > 0 ? signed("/labels/batch-1/manifest") : null,
    ...overrides,
  };
}

export function frankedOrder(overrides: Partial<OrderFranking> = {}): OrderFranking {
  const orderId = overrides.orderId ?? "gid://shopify/Order/1";
  return {
    orderId,
    orderName: "#1001",
    status: "FULFILLED",
    productName: "Einschreiben Einwurf (Standardbrief)",
    priceCents: 330,
    voucherIds: ["A0011223344556677"],
    trackIds: ["RR123456785DE"],
    error: null,
    batchId: "batch-1",
    labelUrl: orderLabelsUrl([orderId]),
    ...overrides,
  };
}

export const notFranked = (orderId = "gid://shopify/Order/1"): OrderFranking => ({
  orderId,
  orderName: "",
  status: "NOT_FRANKED",
  productName: null,
  priceCents: null,
  voucherIds: [],
  trackIds: [],
  error: null,
  batchId: null,
  labelUrl: null,
});

/** `GET /api/orders/franking`: the orders, and one link to the labels of those with a `labelUrl`. */
export function frankingsAnswer(orders: readonly OrderFranking[]): OrderFrankings {
  const printable = orders.filter((order) => order.labelUrl !== null).map((order) => order.orderId);
  return { orders: [...orders], labelsUrl: printable.length > 0 ? orderLabelsUrl(printable) : null };
}

/** One franked order (with `overrides`), as `GET /api/orders/franking?ids=<it>` answers. */
export const frankingAnswer = (overrides: Partial<OrderFranking> = {}) =>
  frankingsAnswer([frankedOrder(overrides)]);

/** `GET /api/refunds?orderId=`. */
export const refundsAnswer = (...refunds: (Partial<VoucherRefund> & Pick<VoucherRefund, "state">)[]) => ({
  refunds: refunds.map((refund, i) => ({
    refundId: `refund-${i + 1}`,
    voucherId: "A0011223344556677",
    reason: null,
    priceCents: 330,
    refundedCents: refund.state === "REFUNDED" ? 330 : 0,
    ...refund,
  })),
});
