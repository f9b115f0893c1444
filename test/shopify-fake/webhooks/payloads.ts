import { gramsOf, restDateTime, restMoney } from "../format";
import { gid } from "../gid";
import type { FakeFulfillment, FakeLineItem, FakeMailingAddress, FakeOrder } from "../model";
import {
  displayFulfillmentStatus,
  fulfilledQuantity,
  shippingCents,
  subtotalCents,
  totalCents,
  totalWeightGrams,
} from "../order-logic";
import type { FakeShopState } from "../shop-state";
import type { AppIdentity } from "../graphql/context";

/**
 * Webhook bodies are REST-shaped (snake_case, numeric ids, money as "12.50" strings, times with the
 * shop's offset), not GraphQL-shaped. Only the commonly read fields are present.
 */
const moneySet = (cents: number, currency: string) => ({
  shop_money: { amount: restMoney(cents), currency_code: currency },
  presentment_money: { amount: restMoney(cents), currency_code: currency },
});

function address(a: FakeMailingAddress | null) {
  if (!a) return null;
  const name = [a.firstName, a.lastName].filter(Boolean).join(" ");
  return {
    first_name: a.firstName,
    last_name: a.lastName,
    name,
    company: a.company,
    address1: a.address1,
    address2: a.address2,
    city: a.city,
    zip: a.zip,
    province: a.province,
    province_code: a.provinceCode,
    country: a.country,
    country_code: a.countryCode,
    phone: a.phone,
    latitude: null,
    longitude: null,
  };
}

const REST_FULFILLMENT_STATUS = {
  UNFULFILLED: null,
  PARTIALLY_FULFILLED: "partial",
  FULFILLED: "fulfilled",
} as const;

function lineItem(line: FakeLineItem, order: FakeOrder) {
  const shipped = fulfilledQuantity(order, line.id);
  return {
    id: line.id,
    admin_graphql_api_id: gid("LineItem", line.id),
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    title: line.title,
    variant_title: line.variantTitle,
    quantity: line.quantity,
    current_quantity: line.currentQuantity,
    fulfillable_quantity: order.cancelledAt ? 0 : Math.max(0, line.quantity - shipped),
    fulfillment_status: shipped === 0 ? null : shipped >= line.quantity ? "fulfilled" : "partial",
    sku: line.sku,
    vendor: line.vendor,
    grams: gramsOf(line.variant?.inventoryItem.weight ?? null),
    price: restMoney(line.unitPriceCents),
    price_set: moneySet(line.unitPriceCents, order.currencyCode),
    requires_shipping: line.requiresShipping,
    taxable: true,
    gift_card: false,
    product_id: line.variant?.productId ?? null,
    variant_id: line.variant?.id ?? null,
  };
}

export function fulfillmentWebhookBody(fulfillment: FakeFulfillment, order: FakeOrder, shop: FakeShopState) {
  const tz = shop.info.ianaTimezone;
  const first = fulfillment.trackingInfo[0];
  return {
    id: fulfillment.id,
    admin_graphql_api_id: gid("Fulfillment", fulfillment.id),
    order_id: order.id,
    name: fulfillment.name,
    status: fulfillment.status === "SUCCESS" ? "success" : "cancelled",
    service: "manual",
    location_id: shop.info.locationId,
    created_at: restDateTime(fulfillment.createdAt, tz),
    updated_at: restDateTime(fulfillment.updatedAt, tz),
    tracking_company: first?.company ?? null,
    tracking_number: first?.number ?? null,
    tracking_numbers: fulfillment.trackingInfo.map((t) => t.number).filter((n): n is string => n !== null),
    tracking_url: first?.url ?? null,
    tracking_urls: fulfillment.trackingInfo.map((t) => t.url).filter((u): u is string => u !== null),
    shipment_status: null,
    line_items: fulfillment.lineItems.map((l) => ({
      ...lineItem(shop.lineItem(l.lineItemId), order),
      quantity: l.quantity,
    })),
  };
}

export function orderWebhookBody(order: FakeOrder, shop: FakeShopState, app: AppIdentity) {
  const tz = shop.info.ianaTimezone;
  const currency = order.currencyCode;
  return {
    id: order.id,
    admin_graphql_api_id: gid("Order", order.id),
    app_id: app.appId,
    name: order.name,
    number: order.number - 1000,
    order_number: order.number,
    email: order.email,
    contact_email: order.email,
    phone: order.phone,
    created_at: restDateTime(order.createdAt, tz),
    updated_at: restDateTime(order.updatedAt, tz),
    processed_at: restDateTime(order.processedAt, tz),
    cancelled_at: order.cancelledAt ? restDateTime(order.cancelledAt, tz) : null,
    cancel_reason: order.cancelReason ? order.cancelReason.toLowerCase() : null,
    closed_at: order.closedAt ? restDateTime(order.closedAt, tz) : null,
    confirmed: true,
    test: order.test,
    currency,
    presentment_currency: currency,
    financial_status: order.financialStatus.toLowerCase(),
    fulfillment_status: REST_FULFILLMENT_STATUS[displayFulfillmentStatus(order)],
    tags: order.tags.join(", "),
    note: order.note,
    customer_locale: order.customerLocale,
    taxes_included: true,
    subtotal_price: restMoney(subtotalCents(order)),
    total_price: restMoney(totalCents(order)),
    current_total_price: restMoney(totalCents(order)),
    total_shipping_price_set: moneySet(shippingCents(order), currency),
    total_price_set: moneySet(totalCents(order), currency),
    total_weight: totalWeightGrams(order),
    customer: order.customer
      ? {
          id: order.customer.id,
          admin_graphql_api_id: gid("Customer", order.customer.id),
          email: order.customer.email,
          first_name: order.customer.firstName,
          last_name: order.customer.lastName,
          phone: order.customer.phone,
        }
      : null,
    billing_address: address(order.billingAddress),
    shipping_address: address(order.shippingAddress),
    shipping_lines: order.shippingLines.map((s) => ({
      id: s.id,
      title: s.title,
      code: s.code,
      source: s.source,
      carrier_identifier: s.carrierIdentifier,
      price: restMoney(s.priceCents),
      price_set: moneySet(s.priceCents, currency),
    })),
    line_items: order.lineItems.map((line) => lineItem(line, order)),
    fulfillments: order.fulfillments.map((f) => fulfillmentWebhookBody(f, order, shop)),
    refunds: [],
  };
}

/** app/uninstalled carries the shop, REST-shaped. */
export function shopWebhookBody(shop: FakeShopState) {
  const info = shop.info;
  return {
    id: info.id,
    name: info.name,
    email: info.email,
    domain: shop.domain,
    myshopify_domain: shop.domain,
    address1: info.address.address1,
    address2: info.address.address2,
    city: info.address.city,
    zip: info.address.zip,
    province: info.address.province,
    country: info.address.countryCode,
    country_code: info.address.countryCode,
    country_name: info.address.country,
    phone: info.address.phone,
    currency: info.currencyCode,
    iana_timezone: info.ianaTimezone,
    shop_owner: info.shopOwnerName,
    plan_display_name: info.plan.publicDisplayName,
    weight_unit:
      info.weightUnit === "KILOGRAMS"
        ? "kg"
        : info.weightUnit === "GRAMS"
          ? "g"
          : info.weightUnit === "POUNDS"
            ? "lb"
            : "oz",
    created_at: restDateTime(info.createdAt, info.ianaTimezone),
  };
}
