import { dateTime, uint64 } from "../format";
import { gid } from "../gid";
import type { FakeOrder } from "../model";
import {
  displayFulfillmentStatus,
  requiresShipping,
  shippingCents,
  subtotalCents,
  totalCents,
  totalWeightGrams,
} from "../order-logic";
import { int } from "../graphql/args";
import { paginateList } from "../graphql/connection";
import type { FakeContext } from "../graphql/context";
import { defineType } from "../graphql/registry";
import { visibleFulfillmentOrders } from "../graphql/fulfillment-visibility";
import { guardCustomerObject, guardProtected } from "../graphql/protected-data";
import { FULFILLMENT_ORDER_READ_SCOPES, requireScope } from "../graphql/scopes";
import { metafieldFields } from "./metafield";
import { moneyBag } from "./money";

const SIXTY_DAYS_MS = 60 * 24 * 60 * 60 * 1000;

/** Without `read_all_orders` an app sees only the last 60 days of orders, like on Shopify. */
export function visibleOrders(ctx: FakeContext): FakeOrder[] {
  if (ctx.scopes.has("read_all_orders")) return ctx.shop.orders;
  const oldest = ctx.now.getTime() - SIXTY_DAYS_MS;
  return ctx.shop.orders.filter((order) => order.processedAt.getTime() >= oldest);
}

const money = (cents: (o: FakeOrder) => number) => (o: FakeOrder) => moneyBag(cents(o), o.currencyCode);
const quantity = (o: FakeOrder, current: boolean) =>
  o.lineItems.reduce((sum, line) => sum + (current ? line.currentQuantity : line.quantity), 0);

export const orderType = defineType<FakeOrder>("Order", {
  id: (o) => gid("Order", o.id),
  legacyResourceId: (o) => uint64(o.id),
  name: (o) => o.name,
  number: (o) => o.number,
  createdAt: (o) => dateTime(o.createdAt),
  updatedAt: (o) => dateTime(o.updatedAt),
  processedAt: (o) => dateTime(o.processedAt),
  cancelledAt: (o) => (o.cancelledAt ? dateTime(o.cancelledAt) : null),
  cancelReason: (o) => o.cancelReason,
  closed: (o) => o.closed,
  closedAt: (o) => (o.closedAt ? dateTime(o.closedAt) : null),
  confirmed: () => true,
  test: (o) => o.test,
  email: (o, _a, ctx) => guardProtected(ctx, "email", "email", o.email),
  phone: (o, _a, ctx) => guardProtected(ctx, "phone", "phone", o.phone),
  note: (o) => o.note,
  tags: (o) => o.tags,
  customerLocale: (o) => o.customerLocale,
  sourceName: () => "web",
  currencyCode: (o) => o.currencyCode,
  presentmentCurrencyCode: (o) => o.currencyCode,
  taxesIncluded: () => true,
  displayFinancialStatus: (o) => o.financialStatus,
  displayFulfillmentStatus: (o) => displayFulfillmentStatus(o),
  fullyPaid: (o) => o.financialStatus === "PAID",
  unpaid: (o) => o.financialStatus === "PENDING" || o.financialStatus === "AUTHORIZED",
  paymentGatewayNames: (o) => (o.financialStatus === "PENDING" ? ["Vorkasse"] : ["shopify_payments"]),
  fulfillable: (o) =>
    !o.cancelledAt && o.fulfillmentOrders.some((fo) => fo.status === "OPEN" || fo.status === "IN_PROGRESS"),
  requiresShipping: (o) => requiresShipping(o),
  canNotifyCustomer: (o) => o.email !== null,
  subtotalLineItemsQuantity: (o) => quantity(o, false),
  currentSubtotalLineItemsQuantity: (o) => quantity(o, true),
  totalPriceSet: money(totalCents),
  currentTotalPriceSet: money(totalCents),
  subtotalPriceSet: money(subtotalCents),
  currentSubtotalPriceSet: money(subtotalCents),
  totalShippingPriceSet: money(shippingCents),
  currentShippingPriceSet: money(shippingCents),
  totalDiscountsSet: money(() => 0),
  currentTotalDiscountsSet: money(() => 0),
  totalWeight: (o) => uint64(totalWeightGrams(o)),
  currentTotalWeight: (o) => uint64(totalWeightGrams(o, true)),
  shippingAddress: (o) => o.shippingAddress,
  billingAddress: (o) => o.billingAddress,
  displayAddress: (o) => o.shippingAddress ?? o.billingAddress,
  billingAddressMatchesShippingAddress: (o) => {
    const strip = (a: typeof o.billingAddress) => (a ? JSON.stringify({ ...a, id: 0 }) : null);
    return strip(o.billingAddress) === strip(o.shippingAddress);
  },
  shippingLine: (o) => o.shippingLines[0] ?? null,
  shippingLines: (o, args) => paginateList(o.shippingLines, args, "shippingLines"),
  lineItems: (o, args) => paginateList(o.lineItems, args, "lineItems"),
  customer: (o, _a, ctx) => guardCustomerObject(ctx, o.customer),
  fulfillments: (o, args) => o.fulfillments.slice(0, int(args, "first") ?? o.fulfillments.length),
  fulfillmentsCount: (o) => ({ count: o.fulfillments.length, precision: "EXACT" }),
  fulfillmentOrders: (o, args, ctx) => {
    requireScope(ctx, "fulfillmentOrders", FULFILLMENT_ORDER_READ_SCOPES);
    return paginateList(visibleFulfillmentOrders(ctx, o.fulfillmentOrders), args, "fulfillmentOrders");
  },
  ...metafieldFields<FakeOrder>((o) => gid("Order", o.id)),
});
