/** One order of a batch preview: the state checks first, then the mapping engine. Pure. */
import { chooseProduct, type CatalogProduct, type MappingSettings, type OrderForMapping } from "~/mapping";
import { HOME_COUNTRY, normaliseCountryCode } from "~/mapping/countries";
import type { FetchedOrder } from "./orders.server";
import type { PreviewError, PreviewLine } from "./summary";
import { moneyToCents } from "./weight";

const ORDER_GID = /^gid:\/\/shopify\/Order\/\d+$/;

/** Shopify order ids as gids ("123" is accepted as well); anything else is refused. */
export function normaliseOrderId(id: string): string | null {
  const trimmed = id.trim();
  if (ORDER_GID.test(trimmed)) return trimmed;
  return /^\d+$/.test(trimmed) ? `gid://shopify/Order/${trimmed}` : null;
}

const failure = (
  orderId: string,
  orderName: string | null,
  error: PreviewError,
  reason: string,
): PreviewLine => ({
  orderId,
  orderName,
  ok: false,
  error,
  reason,
  reasonParams: { key: error, values: {} },
});

export function toOrderForMapping(order: FetchedOrder): OrderForMapping {
  const a = order.shippingAddress;
  return {
    id: order.id,
    name: order.name,
    shippingAddress: a
      ? {
          name: a.name,
          company: a.company,
          address1: a.address1,
          address2: a.address2,
          zip: a.zip,
          city: a.city,
          countryCode: a.countryCodeV2,
        }
      : null,
    lineItems: order.lineItems.filter((item) => item.quantity > 0),
    shippingLine: order.shippingLine ?? null,
    tags: order.tags,
    totalPriceCents: order.currentTotalPriceSet ? moneyToCents(order.currentTotalPriceSet.shopMoney.amount) : null,
    currencyCode: order.currentTotalPriceSet?.shopMoney.currencyCode ?? null,
  };
}

/** Why one letter cannot fulfil the order (before any stamp is bought), or null. See fulfillability.ts. */
function fulfillmentProblem(order: FetchedOrder): PreviewLine | null {
  const f = order.fulfillment;
  if (f.ok) return null;
  switch (f.problem) {
    case "already-fulfilled":
      return failure(order.id, order.name, "already-fulfilled", "The order is already fulfilled");
    case "no-fulfillment-order":
      return failure(
        order.id,
        order.name,
        "no-fulfillment-order",
        "Shopify shows the app no fulfillment order: it is assigned to a fulfillment service or 3PL location",
      );
    case "fulfillment-on-hold":
      return failure(order.id, order.name, "fulfillment-on-hold", `The fulfillment is not open (${f.detail})`);
    case "not-shipped":
      return failure(order.id, order.name, "not-shipped", `Delivered by ${f.detail.toLowerCase()}, not by post`);
    case "several-locations":
      return {
        ...failure(order.id, order.name, "several-locations", `The order ships from ${f.detail} locations; a letter leaves from one`),
        reasonParams: { key: "several-locations", values: { count: Number(f.detail) } },
      };
  }
}

/**
 * Whether a withheld field matters: the address stamp prints name and address, and a German postal code
 * must be checked; a franking-zone stamp abroad needs only the country, which is never withheld.
 */
function needsDeniedFields(order: FetchedOrder, settings: MappingSettings): boolean {
  if (order.deniedFields.length === 0) return false;
  if (settings.voucherLayout === "ADDRESS_ZONE") return true;
  const home = normaliseCountryCode(order.shippingAddress?.countryCodeV2 ?? null) === HOME_COUNTRY;
  return home && order.deniedFields.includes("zip");
}

export function previewLine(
  orderId: string,
  order: FetchedOrder | undefined,
  settings: MappingSettings,
  catalog: readonly CatalogProduct[],
): PreviewLine {
  if (!order) return failure(orderId, null, "not-found", "Order not found in this shop");
  if (order.cancelledAt !== null)
    return failure(order.id, order.name, "cancelled", "The order was cancelled");
  if (order.displayFulfillmentStatus === "FULFILLED") {
    return failure(order.id, order.name, "already-fulfilled", "The order is already fulfilled");
  }
  if (!order.requiresShipping)
    return failure(order.id, order.name, "nothing-to-ship", "Nothing in the order needs shipping");
  const cannotFulfil = fulfillmentProblem(order);
  if (cannotFulfil) return cannotFulfil;
  if (needsDeniedFields(order, settings)) {
    return failure(
      order.id,
      order.name,
      "protected-data-denied",
      `Shopify withheld ${order.deniedFields.join(", ")} of the shipping address (protected customer data): ` +
        "request access to the name and address fields in the Partner Dashboard (API access > Protected customer data)",
    );
  }
  if (catalog.length === 0) {
    return failure(
      order.id,
      order.name,
      "no-price-list",
      "No Deutsche Post price list yet: the Products API has not answered",
    );
  }
  const result = chooseProduct(toOrderForMapping(order), settings, catalog);
  if (!result.ok) {
    return {
      orderId: order.id,
      orderName: order.name,
      ok: false,
      error: result.error,
      reason: result.reason,
      reasonParams: result.reasonParams ?? null,
    };
  }
  const partial = order.displayFulfillmentStatus === "PARTIALLY_FULFILLED" ? ["partially-fulfilled"] : [];
  return {
    orderId: order.id,
    orderName: order.name,
    ok: true,
    productCode: result.productCode,
    productName: result.productName,
    priceCents: result.priceCents,
    weightG: result.weightG,
    exactWeightG: result.exactWeightG,
    notices: result.notices,
    flags: [...result.flags, ...partial],
    reason: result.reason,
    reasonParams: result.reasonParams ?? null,
  };
}
