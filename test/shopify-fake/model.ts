import type { WeightUnit } from "./format";

/**
 * The in-memory records behind the fake. Numeric ids; gids are derived where a resolver needs one.
 * Records carry `__typename` so abstract fields (Node, HasMetafields) resolve to the right type.
 * Money is kept in cents of the shop currency.
 */
export interface FakeWeight {
  value: number;
  unit: WeightUnit;
}

export interface FakeMailingAddress {
  id: number;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  zip: string | null;
  province: string | null;
  provinceCode: string | null;
  country: string | null;
  countryCode: string | null;
  phone: string | null;
}

export interface FakeCustomer {
  __typename: "Customer";
  id: number;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  createdAt: Date;
}

export interface FakeVariant {
  __typename: "ProductVariant";
  id: number;
  productId: number;
  productTitle: string;
  title: string;
  sku: string | null;
  priceCents: number;
  vendor: string;
  inventoryItem: {
    id: number;
    measurementId: number;
    weight: FakeWeight | null;
    requiresShipping: boolean;
    harmonizedSystemCode: string | null;
    countryCodeOfOrigin: string | null;
  };
}

export interface FakeLineItem {
  __typename: "LineItem";
  id: number;
  title: string;
  variantTitle: string | null;
  quantity: number;
  currentQuantity: number;
  sku: string | null;
  vendor: string | null;
  requiresShipping: boolean;
  unitPriceCents: number;
  variant: FakeVariant | null;
}

export interface FakeShippingLine {
  id: number;
  title: string;
  code: string | null;
  source: string | null;
  carrierIdentifier: string | null;
  priceCents: number;
}

export type FulfillmentOrderStatus =
  "OPEN" | "IN_PROGRESS" | "CLOSED" | "CANCELLED" | "INCOMPLETE" | "ON_HOLD" | "SCHEDULED";

export interface FakeFulfillmentOrderLineItem {
  __typename: "FulfillmentOrderLineItem";
  id: number;
  lineItemId: number;
  totalQuantity: number;
  remainingQuantity: number;
}

/**
 * How a fulfillment order reaches the buyer (DeliveryMethodType). Shopify sets SHIPPING for shipping
 * rates, PICK_UP for local pickup, LOCAL for local delivery and NONE when nothing is shipped.
 */
export type DeliveryMethodType = "SHIPPING" | "PICK_UP" | "LOCAL" | "NONE" | "RETAIL" | "PICKUP_POINT";

export interface FakeFulfillmentOrder {
  __typename: "FulfillmentOrder";
  id: number;
  orderId: number;
  status: FulfillmentOrderStatus;
  /** The location Shopify assigned the fulfillment order to (FulfillmentOrder.assignedLocation). */
  locationId: number;
  deliveryMethodType: DeliveryMethodType;
  requestStatus: "UNSUBMITTED";
  createdAt: Date;
  updatedAt: Date;
  lineItems: FakeFulfillmentOrderLineItem[];
}

export interface FakeTrackingInfo {
  company: string | null;
  number: string | null;
  url: string | null;
}

export interface FakeFulfillment {
  __typename: "Fulfillment";
  id: number;
  orderId: number;
  name: string;
  status: "SUCCESS" | "CANCELLED";
  createdAt: Date;
  updatedAt: Date;
  trackingInfo: FakeTrackingInfo[];
  lineItems: Array<{ id: number; lineItemId: number; fulfillmentOrderId: number; quantity: number }>;
  notifyCustomer: boolean;
  message: string | null;
  /** Set by carrier tracking (the fake's `trackShipment()`): the letter was handed over / delivered. */
  inTransitAt?: Date | null;
  deliveredAt?: Date | null;
}

export type FinancialStatus = "PAID" | "PENDING" | "AUTHORIZED" | "REFUNDED" | "VOIDED" | "PARTIALLY_PAID";

export interface FakeOrder {
  __typename: "Order";
  id: number;
  number: number;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  processedAt: Date;
  cancelledAt: Date | null;
  cancelReason: string | null;
  closed: boolean;
  closedAt: Date | null;
  email: string | null;
  phone: string | null;
  financialStatus: FinancialStatus;
  note: string | null;
  tags: string[];
  currencyCode: string;
  customerLocale: string;
  test: boolean;
  customer: FakeCustomer | null;
  shippingAddress: FakeMailingAddress | null;
  billingAddress: FakeMailingAddress | null;
  shippingLines: FakeShippingLine[];
  lineItems: FakeLineItem[];
  fulfillmentOrders: FakeFulfillmentOrder[];
  fulfillments: FakeFulfillment[];
}

export type MetafieldOwnerType = "ORDER" | "SHOP" | "API_PERMISSION";

export interface FakeMetafield {
  __typename: "Metafield";
  id: number;
  ownerId: string;
  ownerType: MetafieldOwnerType;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: Date;
  updatedAt: Date;
}

/** One thing that happened in the fake shop, newest last: what a test or the admin page can inspect. */
export interface FakeEvent {
  at: Date;
  action: string;
  subjectId: string;
  message: string;
}

export interface FakeWebhookDelivery {
  id: string;
  topic: string;
  address: string;
  triggeredAt: Date;
  attempts: number;
  status: "pending" | "delivered" | "failed";
  lastResponseStatus: number | null;
}

export interface FakeShopAddress {
  address1: string;
  address2: string | null;
  city: string;
  zip: string;
  province: string | null;
  provinceCode: string | null;
  country: string;
  countryCode: string;
  phone: string | null;
  company: string | null;
}

/**
 * A location of the shop. `fulfillmentService` set: the location belongs to a fulfillment service (a 3PL
 * app), whose fulfillment orders only apps with the third-party or assigned scopes can see.
 */
export interface FakeLocation {
  __typename: "Location";
  id: number;
  name: string;
  isPrimary: boolean;
  fulfillmentService: string | null;
  address: FakeShopAddress;
}

export interface FakeShopInfo {
  id: number;
  name: string;
  email: string;
  currencyCode: string;
  ianaTimezone: string;
  weightUnit: WeightUnit;
  address: FakeShopAddress;
  shopOwnerName: string;
  plan: { publicDisplayName: string; partnerDevelopment: boolean; shopifyPlus: boolean };
  createdAt: Date;
  locationId: number;
  locationName: string;
}
