import type { IdSequence } from "./ids";
import type {
  DeliveryMethodType,
  FakeCustomer,
  FakeLineItem,
  FakeMailingAddress,
  FakeOrder,
  FakeShopInfo,
  FakeTrackingInfo,
  FakeWeight,
  FinancialStatus,
} from "./model";
import { applyCancellation, applyFulfillment } from "./order-logic";

export interface AddressSpec {
  firstName: string | null;
  lastName: string | null;
  company?: string | null;
  address1: string | null;
  address2?: string | null;
  city: string | null;
  zip: string | null;
  province?: string | null;
  provinceCode?: string | null;
  countryCode: string;
  phone?: string | null;
}

export interface LineItemSpec {
  title: string;
  variantTitle?: string | null;
  sku?: string | null;
  quantity?: number;
  priceCents: number;
  /** `null` models a variant whose inventory item has no weight. */
  weight?: FakeWeight | null;
  requiresShipping?: boolean;
  vendor?: string;
  harmonizedSystemCode?: string | null;
  countryCodeOfOrigin?: string | null;
}

export interface OrderSpec {
  number?: number;
  /** Defaults to "#<number>". */
  name?: string;
  createdAt?: Date;
  customer?: {
    email: string | null;
    firstName: string | null;
    lastName: string | null;
    phone?: string | null;
  } | null;
  email?: string | null;
  phone?: string | null;
  shippingAddress?: AddressSpec | null;
  /** Defaults to the shipping address. */
  billingAddress?: AddressSpec | null;
  shippingLine?: { title: string; code?: string | null; priceCents: number; source?: string | null } | null;
  lineItems: LineItemSpec[];
  tags?: string[];
  note?: string | null;
  financialStatus?: FinancialStatus;
  test?: boolean;
  /** How the order reaches the buyer; default SHIPPING with a shipping line, NONE without. */
  deliveryMethod?: DeliveryMethodType;
  /**
   * Fulfillment orders by location, as Shopify's order routing splits an order: each names a location
   * (by name; see `FakeShopState.addLocation`) and the indexes of the line items it holds. Default: one
   * fulfillment order with every line at the shop's primary location.
   */
  fulfillmentOrders?: Array<{ location: string; lines: number[]; deliveryMethod?: DeliveryMethodType }>;
  /** Fulfils every line at creation, with this tracking. */
  fulfilled?: { at?: Date; tracking?: FakeTrackingInfo; notifyCustomer?: boolean };
  cancelled?: { at?: Date; reason: "CUSTOMER" | "DECLINED" | "FRAUD" | "INVENTORY" | "OTHER" | "STAFF" };
}

const COUNTRY_NAMES = new Intl.DisplayNames(["en"], { type: "region" });

export function countryName(code: string): string {
  return code === "US" ? "United States" : (COUNTRY_NAMES.of(code) ?? code);
}

function address(spec: AddressSpec, ids: IdSequence): FakeMailingAddress {
  return {
    id: ids.take("MailingAddress"),
    firstName: spec.firstName,
    lastName: spec.lastName,
    company: spec.company ?? null,
    address1: spec.address1,
    address2: spec.address2 ?? null,
    city: spec.city,
    zip: spec.zip,
    province: spec.province ?? null,
    provinceCode: spec.provinceCode ?? null,
    country: countryName(spec.countryCode),
    countryCode: spec.countryCode,
    phone: spec.phone ?? null,
  };
}

function lineItem(spec: LineItemSpec, ids: IdSequence): FakeLineItem {
  const quantity = spec.quantity ?? 1;
  return {
    __typename: "LineItem",
    id: ids.take("LineItem"),
    title: spec.title,
    variantTitle: spec.variantTitle ?? null,
    quantity,
    currentQuantity: quantity,
    sku: spec.sku ?? null,
    vendor: spec.vendor ?? null,
    requiresShipping: spec.requiresShipping ?? true,
    unitPriceCents: spec.priceCents,
    variant: {
      __typename: "ProductVariant",
      id: ids.take("ProductVariant"),
      productId: ids.take("Product"),
      productTitle: spec.title,
      title: spec.variantTitle ?? "Default Title",
      sku: spec.sku ?? null,
      priceCents: spec.priceCents,
      vendor: spec.vendor ?? "",
      inventoryItem: {
        id: ids.take("InventoryItem"),
        measurementId: ids.take("InventoryItemMeasurement"),
        weight: spec.weight === undefined ? null : spec.weight,
        requiresShipping: spec.requiresShipping ?? true,
        harmonizedSystemCode: spec.harmonizedSystemCode ?? null,
        countryCodeOfOrigin: spec.countryCodeOfOrigin ?? null,
      },
    },
  };
}

/** Builds an order with OPEN fulfillment orders (by default one holding all its lines), like a fresh checkout. */
export function buildOrder(
  spec: OrderSpec & { number: number },
  env: { ids: IdSequence; now: Date; shop: FakeShopInfo; locationId: (name: string | null) => number },
): FakeOrder {
  const { ids, shop } = env;
  const createdAt = spec.createdAt ?? env.now;
  const customer: FakeCustomer | null = spec.customer
    ? { __typename: "Customer", id: ids.take("Customer"), phone: null, createdAt, ...spec.customer }
    : null;
  const shippingAddress = spec.shippingAddress ? address(spec.shippingAddress, ids) : null;
  const billingSpec = spec.billingAddress === undefined ? spec.shippingAddress : spec.billingAddress;
  const lineItems = spec.lineItems.map((line) => lineItem(line, ids));
  const order: FakeOrder = {
    __typename: "Order",
    id: ids.take("Order"),
    number: spec.number,
    name: spec.name ?? `#${spec.number}`,
    createdAt,
    updatedAt: createdAt,
    processedAt: createdAt,
    cancelledAt: null,
    cancelReason: null,
    closed: false,
    closedAt: null,
    email: spec.email !== undefined ? spec.email : (customer?.email ?? null),
    phone: spec.phone ?? null,
    financialStatus: spec.financialStatus ?? "PAID",
    note: spec.note ?? null,
    tags: sortTags(spec.tags ?? []),
    currencyCode: shop.currencyCode,
    customerLocale: "de",
    test: spec.test ?? false,
    customer,
    shippingAddress,
    billingAddress: billingSpec ? address(billingSpec, ids) : null,
    shippingLines: spec.shippingLine
      ? [
          {
            id: ids.take("ShippingLine"),
            title: spec.shippingLine.title,
            code: spec.shippingLine.code ?? spec.shippingLine.title,
            source: spec.shippingLine.source ?? "shopify",
            carrierIdentifier: null,
            priceCents: spec.shippingLine.priceCents,
          },
        ]
      : [],
    lineItems,
    fulfillmentOrders: [],
    fulfillments: [],
  };
  const defaultMethod: DeliveryMethodType = spec.deliveryMethod ?? (spec.shippingLine ? "SHIPPING" : "NONE");
  const groups = spec.fulfillmentOrders ?? [{ location: null, lines: lineItems.map((_, index) => index) }];
  for (const group of groups) {
    order.fulfillmentOrders.push({
      __typename: "FulfillmentOrder",
      id: ids.take("FulfillmentOrder"),
      orderId: order.id,
      status: "OPEN",
      locationId: env.locationId(group.location),
      deliveryMethodType: ("deliveryMethod" in group && group.deliveryMethod) || defaultMethod,
      requestStatus: "UNSUBMITTED",
      createdAt,
      updatedAt: createdAt,
      lineItems: group.lines.map((index) => {
        const line = lineItems[index];
        if (!line) throw new Error(`Order spec: no line item ${index} for a fulfillment order`);
        return {
          __typename: "FulfillmentOrderLineItem",
          id: ids.take("FulfillmentOrderLineItem"),
          lineItemId: line.id,
          totalQuantity: line.quantity,
          remainingQuantity: line.quantity,
        };
      }),
    });
  }
  if (spec.fulfilled) {
    const at = spec.fulfilled.at ?? createdAt;
    const requests = order.fulfillmentOrders.map((fulfillmentOrder) => ({ fulfillmentOrder, lines: null }));
    applyFulfillment(order, requests, {
      ids,
      at,
      trackingInfo: spec.fulfilled.tracking ? [spec.fulfilled.tracking] : [],
      notifyCustomer: spec.fulfilled.notifyCustomer ?? true,
      message: null,
    });
  }
  if (spec.cancelled) {
    applyCancellation(order, {
      at: spec.cancelled.at ?? createdAt,
      reason: spec.cancelled.reason,
      restock: true,
    });
  }
  return order;
}

/** Shopify returns an order's tags sorted alphabetically, whatever order they were added in. */
export function sortTags(tags: string[]): string[] {
  return [...tags].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));
}
