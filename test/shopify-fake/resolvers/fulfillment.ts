import { dateTime, uint64 } from "../format";
import { gid } from "../gid";
import type {
  FakeFulfillment,
  FakeFulfillmentOrder,
  FakeFulfillmentOrderLineItem,
  FakeMailingAddress,
  FakeShopInfo,
} from "../model";
import { supportedActions } from "../order-logic";
import { int } from "../graphql/args";
import { paginateList } from "../graphql/connection";
import type { FakeContext } from "../graphql/context";
import { defineType, type TypeDefinition } from "../graphql/registry";
import { moneyBag } from "./money";

type FulfillmentLine = FakeFulfillment["lineItems"][number];

export function locationRecord(info: FakeShopInfo) {
  return { __typename: "Location", info };
}

const orderOf = (orderId: number, ctx: FakeContext) => ctx.shop.requireOrder(orderId);

const fulfillmentOrderType = defineType<FakeFulfillmentOrder>("FulfillmentOrder", {
  id: (fo) => gid("FulfillmentOrder", fo.id),
  status: (fo) => fo.status,
  requestStatus: (fo) => fo.requestStatus,
  createdAt: (fo) => dateTime(fo.createdAt),
  updatedAt: (fo) => dateTime(fo.updatedAt),
  fulfillAt: (fo) =>
    dateTime(
      new Date(
        Date.UTC(fo.createdAt.getUTCFullYear(), fo.createdAt.getUTCMonth(), fo.createdAt.getUTCDate()),
      ),
    ),
  fulfillBy: () => null,
  orderId: (fo) => gid("Order", fo.orderId),
  orderName: (fo, _a, ctx) => orderOf(fo.orderId, ctx).name,
  orderProcessedAt: (fo, _a, ctx) => dateTime(orderOf(fo.orderId, ctx).processedAt),
  order: (fo, _a, ctx) => orderOf(fo.orderId, ctx),
  assignedLocation: (_fo, _a, ctx) => ctx.shop.info,
  destination: (fo, _a, ctx) => {
    const order = orderOf(fo.orderId, ctx);
    return order.shippingAddress ? { address: order.shippingAddress, email: order.email } : null;
  },
  deliveryMethod: (fo, _a, ctx) => {
    const order = orderOf(fo.orderId, ctx);
    const line = order.shippingLines[0];
    return {
      id: fo.id,
      methodType: line ? "SHIPPING" : "NONE",
      presentedName: line?.title ?? null,
      serviceCode: line?.code ?? null,
    };
  },
  supportedActions: (fo) => supportedActions(fo).map((action) => ({ action, externalUrl: null })),
  fulfillmentHolds: () => [],
  lineItems: (fo, args) => paginateList(fo.lineItems, args, "lineItems"),
  fulfillments: (fo, args, ctx) =>
    paginateList(
      orderOf(fo.orderId, ctx).fulfillments.filter((f) =>
        f.lineItems.some((l) => l.fulfillmentOrderId === fo.id),
      ),
      args,
      "fulfillments",
    ),
  merchantRequests: (_fo, args) => paginateList([], args, "merchantRequests"),
});

const fulfillmentOrderLineItemType = defineType<FakeFulfillmentOrderLineItem>("FulfillmentOrderLineItem", {
  id: (l) => gid("FulfillmentOrderLineItem", l.id),
  totalQuantity: (l) => l.totalQuantity,
  remainingQuantity: (l) => l.remainingQuantity,
  lineItem: (l, _a, ctx) => ctx.shop.lineItem(l.lineItemId),
  sku: (l, _a, ctx) => ctx.shop.lineItem(l.lineItemId).sku,
  productTitle: (l, _a, ctx) => ctx.shop.lineItem(l.lineItemId).title,
  variantTitle: (l, _a, ctx) => ctx.shop.lineItem(l.lineItemId).variantTitle,
  vendor: (l, _a, ctx) => ctx.shop.lineItem(l.lineItemId).vendor,
  requiresShipping: (l, _a, ctx) => ctx.shop.lineItem(l.lineItemId).requiresShipping,
  variant: (l, _a, ctx) => ctx.shop.lineItem(l.lineItemId).variant,
  weight: (l, _a, ctx) => ctx.shop.lineItem(l.lineItemId).variant?.inventoryItem.weight ?? null,
  inventoryItemId: (l, _a, ctx) => {
    const variant = ctx.shop.lineItem(l.lineItemId).variant;
    return variant ? gid("InventoryItem", variant.inventoryItem.id) : null;
  },
  warnings: () => [],
});

const fulfillmentType = defineType<FakeFulfillment>("Fulfillment", {
  id: (f) => gid("Fulfillment", f.id),
  legacyResourceId: (f) => uint64(f.id),
  name: (f) => f.name,
  status: (f) => f.status,
  displayStatus: (f) =>
    f.status === "CANCELLED"
      ? "CANCELED"
      : f.deliveredAt
        ? "DELIVERED"
        : f.inTransitAt
          ? "IN_TRANSIT"
          : "FULFILLED",
  createdAt: (f) => dateTime(f.createdAt),
  updatedAt: (f) => dateTime(f.updatedAt),
  deliveredAt: (f) => (f.deliveredAt ? dateTime(f.deliveredAt) : null),
  inTransitAt: (f) => (f.inTransitAt ? dateTime(f.inTransitAt) : null),
  estimatedDeliveryAt: () => null,
  requiresShipping: (f, _a, ctx) => f.lineItems.some((l) => ctx.shop.lineItem(l.lineItemId).requiresShipping),
  totalQuantity: (f) => f.lineItems.reduce((sum, l) => sum + l.quantity, 0),
  trackingInfo: (f, args) => f.trackingInfo.slice(0, int(args, "first") ?? f.trackingInfo.length),
  order: (f, _a, ctx) => orderOf(f.orderId, ctx),
  location: (_f, _a, ctx) => locationRecord(ctx.shop.info),
  service: () => null,
  originAddress: () => null,
  fulfillmentLineItems: (f, args) => paginateList(f.lineItems, args, "fulfillmentLineItems"),
  fulfillmentOrders: (f, args, ctx) => {
    const ids = new Set(f.lineItems.map((l) => l.fulfillmentOrderId));
    return paginateList(
      orderOf(f.orderId, ctx).fulfillmentOrders.filter((fo) => ids.has(fo.id)),
      args,
      "fulfillmentOrders",
    );
  },
  events: (_f, args) => paginateList([], args, "events"),
});

const fulfillmentLineItemType = defineType<FulfillmentLine>("FulfillmentLineItem", {
  id: (l) => gid("FulfillmentLineItem", l.id),
  quantity: (l) => l.quantity,
  lineItem: (l, _a, ctx) => ctx.shop.lineItem(l.lineItemId),
  originalTotalSet: (l, _a, ctx) =>
    moneyBag(ctx.shop.lineItem(l.lineItemId).unitPriceCents * l.quantity, ctx.shop.info.currencyCode),
  discountedTotalSet: (l, _a, ctx) =>
    moneyBag(ctx.shop.lineItem(l.lineItemId).unitPriceCents * l.quantity, ctx.shop.info.currencyCode),
});

const assignedLocationType = defineType<FakeShopInfo>("FulfillmentOrderAssignedLocation", {
  name: (s) => s.locationName,
  address1: (s) => s.address.address1,
  address2: (s) => s.address.address2,
  city: (s) => s.address.city,
  zip: (s) => s.address.zip,
  province: (s) => s.address.province,
  countryCode: (s) => s.address.countryCode,
  phone: (s) => s.address.phone,
  location: (s) => locationRecord(s),
});

const locationType = defineType<{ info: FakeShopInfo }>("Location", {
  id: ({ info }) => gid("Location", info.locationId),
  legacyResourceId: ({ info }) => uint64(info.locationId),
  name: ({ info }) => info.locationName,
  isActive: () => true,
  isPrimary: () => true,
  isFulfillmentService: () => false,
  fulfillsOnlineOrders: () => true,
  shipsInventory: () => true,
  address: ({ info }) => ({
    ...info.address,
    formatted: [info.address.address1, `${info.address.zip} ${info.address.city}`, info.address.country],
    latitude: null,
    longitude: null,
  }),
});

type Destination = { address: FakeMailingAddress; email: string | null };

const destinationType = defineType<Destination>("FulfillmentOrderDestination", {
  id: ({ address }) => gid("FulfillmentOrderDestination", address.id),
  firstName: ({ address }) => address.firstName,
  lastName: ({ address }) => address.lastName,
  company: ({ address }) => address.company,
  address1: ({ address }) => address.address1,
  address2: ({ address }) => address.address2,
  city: ({ address }) => address.city,
  zip: ({ address }) => address.zip,
  province: ({ address }) => address.province,
  countryCode: ({ address }) => address.countryCode,
  phone: ({ address }) => address.phone,
  email: ({ email }) => email,
  location: () => null,
});

const deliveryMethodType = defineType<{
  id: number;
  methodType: string;
  presentedName: string | null;
  serviceCode: string | null;
}>("DeliveryMethod", {
  id: (d) => gid("DeliveryMethod", d.id),
  methodType: (d) => d.methodType,
  presentedName: (d) => d.presentedName,
  serviceCode: (d) => d.serviceCode,
  minDeliveryDateTime: () => null,
  maxDeliveryDateTime: () => null,
  sourceReference: () => null,
});

export const fulfillmentTypes: TypeDefinition[] = [
  fulfillmentOrderType,
  fulfillmentOrderLineItemType,
  fulfillmentType,
  fulfillmentLineItemType,
  assignedLocationType,
  locationType,
  destinationType,
  deliveryMethodType,
];
