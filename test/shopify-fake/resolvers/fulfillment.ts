import { dateTime, uint64 } from "../format";
import { gid } from "../gid";
import type {
  FakeFulfillment,
  FakeFulfillmentOrder,
  FakeFulfillmentOrderLineItem,
  FakeLocation,
  FakeMailingAddress,
} from "../model";
import { supportedActions } from "../order-logic";
import { int } from "../graphql/args";
import { paginateList } from "../graphql/connection";
import type { FakeContext } from "../graphql/context";
import { canSeeFulfillmentOrder } from "../graphql/fulfillment-visibility";
import { guardProtected } from "../graphql/protected-data";
import { defineType, type TypeDefinition } from "../graphql/registry";
import { moneyBag } from "./money";

type FulfillmentLine = FakeFulfillment["lineItems"][number];

const orderOf = (orderId: number, ctx: FakeContext) => ctx.shop.requireOrder(orderId);
const locationOf = (locationId: number, ctx: FakeContext): FakeLocation =>
  ctx.shop.location(locationId) ?? ctx.shop.primaryLocation;

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
  assignedLocation: (fo, _a, ctx) => locationOf(fo.locationId, ctx),
  destination: (fo, _a, ctx) => {
    const order = orderOf(fo.orderId, ctx);
    return order.shippingAddress ? { address: order.shippingAddress, email: order.email } : null;
  },
  deliveryMethod: (fo, _a, ctx) => {
    const order = orderOf(fo.orderId, ctx);
    const line = order.shippingLines[0];
    return {
      id: fo.id,
      methodType: fo.deliveryMethodType,
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
  location: (f, _a, ctx) => {
    const first = orderOf(f.orderId, ctx).fulfillmentOrders.find(
      (fo) => fo.id === f.lineItems[0]?.fulfillmentOrderId,
    );
    return locationOf(first?.locationId ?? ctx.shop.primaryLocation.id, ctx);
  },
  service: () => null,
  originAddress: () => null,
  fulfillmentLineItems: (f, args) => paginateList(f.lineItems, args, "fulfillmentLineItems"),
  fulfillmentOrders: (f, args, ctx) => {
    const ids = new Set(f.lineItems.map((l) => l.fulfillmentOrderId));
    return paginateList(
      orderOf(f.orderId, ctx).fulfillmentOrders.filter(
        (fo) => ids.has(fo.id) && canSeeFulfillmentOrder(ctx, fo),
      ),
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

const assignedLocationType = defineType<FakeLocation>("FulfillmentOrderAssignedLocation", {
  name: (l) => l.name,
  address1: (l) => l.address.address1,
  address2: (l) => l.address.address2,
  city: (l) => l.address.city,
  zip: (l) => l.address.zip,
  province: (l) => l.address.province,
  countryCode: (l) => l.address.countryCode,
  phone: (l) => l.address.phone,
  location: (l) => l,
});

const locationType = defineType<FakeLocation>("Location", {
  id: (l) => gid("Location", l.id),
  legacyResourceId: (l) => uint64(l.id),
  name: (l) => l.name,
  isActive: () => true,
  isPrimary: (l) => l.isPrimary,
  isFulfillmentService: (l) => l.fulfillmentService !== null,
  fulfillsOnlineOrders: () => true,
  shipsInventory: () => true,
  address: ({ address }) => ({
    ...address,
    formatted: [address.address1, `${address.zip} ${address.city}`, address.country],
    latitude: null,
    longitude: null,
  }),
});

type Destination = { address: FakeMailingAddress; email: string | null };

const destinationType = defineType<Destination>("FulfillmentOrderDestination", {
  id: ({ address }) => gid("FulfillmentOrderDestination", address.id),
  firstName: ({ address }, _a, ctx) => guardProtected(ctx, "name", "firstName", address.firstName),
  lastName: ({ address }, _a, ctx) => guardProtected(ctx, "name", "lastName", address.lastName),
  company: ({ address }) => address.company,
  address1: ({ address }, _a, ctx) => guardProtected(ctx, "address", "address1", address.address1),
  address2: ({ address }, _a, ctx) => guardProtected(ctx, "address", "address2", address.address2),
  city: ({ address }, _a, ctx) => guardProtected(ctx, "address", "city", address.city),
  zip: ({ address }, _a, ctx) => guardProtected(ctx, "address", "zip", address.zip),
  province: ({ address }) => address.province,
  countryCode: ({ address }) => address.countryCode,
  phone: ({ address }, _a, ctx) => guardProtected(ctx, "phone", "phone", address.phone),
  email: ({ email }, _a, ctx) => guardProtected(ctx, "email", "email", email),
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
