import { parseGid } from "../gid";
import type { FakeOrder } from "../model";
import { displayFulfillmentStatus, requiresShipping, totalCents, totalWeightGrams } from "../order-logic";
import type { SearchReport } from "../graphql/context";
import { shopifyError } from "../graphql/registry";
import { compare, parseSearch, termsOf, type SearchNode, type SearchTerm } from "./search-syntax";

type Matcher = (order: FakeOrder, term: SearchTerm) => boolean;

const FULFILLMENT_STATUS: Record<string, string[]> = {
  shipped: ["FULFILLED"],
  fulfilled: ["FULFILLED"],
  partial: ["PARTIALLY_FULFILLED"],
  unshipped: ["UNFULFILLED"],
  unfulfilled: ["UNFULFILLED", "PARTIALLY_FULFILLED"],
  any: ["UNFULFILLED", "PARTIALLY_FULFILLED", "FULFILLED"],
};

function dateValue(value: string, now: Date): number {
  if (value.toLowerCase() === "now") return now.getTime();
  const parsed = Date.parse(/^\d{4}$/.test(value) ? `${value}-01-01T00:00:00Z` : value);
  if (Number.isNaN(parsed))
    throw shopifyError(`Invalid timestamp for query filter \`${value}\`.`, "BAD_REQUEST");
  return parsed;
}

function gramsValue(value: string): number {
  const match = /^\s*(\d*\.?\d+)\s*(kg|g|lb|oz)?\s*$/i.exec(value);
  if (!match?.[1]) return Number.NaN;
  const factor = { kg: 1000, g: 1, lb: 453.59237, oz: 28.349523125 }[(match[2] ?? "g").toLowerCase()] ?? 1;
  return Number(match[1]) * factor;
}

const lower = (value: string | null | undefined): string => (value ?? "").toLowerCase();

function matchers(now: Date): Record<string, Matcher> {
  const date =
    (pick: (o: FakeOrder) => Date): Matcher =>
    (o, t) =>
      compare(pick(o).getTime(), t.comparator, dateValue(t.value, now));
  return {
    id: (o, t) => compare(o.id, t.comparator, parseGid(t.value)?.id ?? Number(t.value)),
    name: (o, t) => lower(o.name).replace(/^#/, "") === lower(t.value).replace(/^#/, ""),
    status: (o, t) => {
      const value = lower(t.value);
      if (value === "open") return !o.closed && !o.cancelledAt;
      if (value === "closed") return o.closed;
      if (value === "cancelled") return o.cancelledAt !== null;
      if (value === "not_closed") return !o.closed;
      return value === "any";
    },
    fulfillment_status: (o, t) =>
      (FULFILLMENT_STATUS[lower(t.value)] ?? []).includes(displayFulfillmentStatus(o)),
    financial_status: (o, t) => lower(o.financialStatus) === lower(t.value) || lower(t.value) === "any",
    tag: (o, t) => o.tags.some((tag) => lower(tag) === lower(t.value)),
    tag_not: (o, t) => !o.tags.some((tag) => lower(tag) === lower(t.value)),
    email: (o, t) => lower(o.email) === lower(t.value),
    sku: (o, t) => o.lineItems.some((line) => lower(line.sku) === lower(t.value)),
    test: (o, t) => String(o.test) === lower(t.value),
    customer_id: (o, t) => String(o.customer?.id ?? "") === t.value,
    source_name: (_o, t) => lower(t.value) === "web",
    delivery_method: (o, t) => (requiresShipping(o) ? "shipping" : "none") === lower(t.value),
    created_at: date((o) => o.createdAt),
    updated_at: date((o) => o.updatedAt),
    processed_at: date((o) => o.processedAt),
    total_weight: (o, t) => compare(totalWeightGrams(o), t.comparator, gramsValue(t.value)),
    current_total_price: (o, t) => compare(totalCents(o), t.comparator, Math.round(Number(t.value) * 100)),
    subtotal_line_items_quantity: (o, t) =>
      compare(
        o.lineItems.reduce((s, l) => s + l.quantity, 0),
        t.comparator,
        Number(t.value),
      ),
  };
}

/** Search fields Shopify accepts on `orders` that the fake cannot evaluate: refused, never ignored. */
const KNOWN_BUT_UNSUPPORTED = new Set([
  "cart_token",
  "channel",
  "channel_id",
  "chargeback_status",
  "checkout_token",
  "confirmation_number",
  "credit_card_last4",
  "discount_code",
  "fraud_protection_level",
  "fulfillment_location_id",
  "gateway",
  "location_id",
  "payment_id",
  "payment_provider_id",
  "po_number",
  "reference_location_id",
  "return_status",
  "risk_level",
  "sales_channel",
  "source_identifier",
]);

function freeText(order: FakeOrder, value: string): boolean {
  const needle = lower(value);
  const haystack = [
    order.name,
    order.email,
    order.customer?.firstName,
    order.customer?.lastName,
    order.shippingAddress?.firstName,
    order.shippingAddress?.lastName,
    order.shippingAddress?.company,
    ...order.tags,
    ...order.lineItems.flatMap((line) => [line.title, line.sku]),
  ];
  return haystack.some((text) => lower(text).includes(needle));
}

/**
 * Compiles an `orders(query:)` string. Unknown fields are dropped with a warning in
 * `extensions.search`, exactly as Shopify does; the remaining terms filter.
 */
export function compileOrderQuery(
  query: string,
  now: Date,
  reports: SearchReport[],
  path: Array<string | number>,
) {
  const root = parseSearch(query);
  const known = matchers(now);
  const warnings: SearchReport["warnings"] = [];
  for (const term of termsOf(root)) {
    if (term.field === null || term.field in known || term.field.startsWith("metafields.")) continue;
    if (KNOWN_BUT_UNSUPPORTED.has(term.field)) {
      throw shopifyError(
        `Search field '${term.field}' is valid in Shopify but not implemented by the Shopify fake.`,
        "NOT_IMPLEMENTED_IN_FAKE",
      );
    }
    warnings.push({ field: term.field, message: "Invalid search field for this query." });
  }
  if (warnings.length > 0) reports.push({ path, query, warnings });

  const evaluate = (node: SearchNode, order: FakeOrder): boolean => {
    switch (node.kind) {
      case "and":
        return node.items.every((item) => evaluate(item, order));
      case "or":
        return node.items.some((item) => evaluate(item, order));
      case "not":
        return !evaluate(node.item, order);
      default: {
        if (node.field === null) return freeText(order, node.value);
        if (node.field.startsWith("metafields.")) {
          throw shopifyError(
            "Metafield search terms are not implemented by the Shopify fake.",
            "NOT_IMPLEMENTED_IN_FAKE",
          );
        }
        const matcher = known[node.field];
        return matcher ? matcher(order, node) : true;
      }
    }
  };
  return (order: FakeOrder): boolean => evaluate(root, order);
}

/** The value an OrderSortKeys key sorts by. */
export function orderSortValue(order: FakeOrder, sortKey: string): string | number | null {
  switch (sortKey) {
    case "CREATED_AT":
      return order.createdAt.getTime();
    case "PROCESSED_AT":
      return order.processedAt.getTime();
    case "UPDATED_AT":
      return order.updatedAt.getTime();
    case "ORDER_NUMBER":
      return order.number;
    case "TOTAL_PRICE":
    case "CURRENT_TOTAL_PRICE":
      return totalCents(order);
    case "CUSTOMER_NAME":
      return order.customer
        ? `${order.customer.firstName ?? ""} ${order.customer.lastName ?? ""}`.trim().toLowerCase()
        : null;
    case "FINANCIAL_STATUS":
      return order.financialStatus;
    case "FULFILLMENT_STATUS":
      return displayFulfillmentStatus(order);
    case "DESTINATION":
      return order.shippingAddress?.country ?? null;
    case "TOTAL_ITEMS_QUANTITY":
      return order.lineItems.reduce((sum, line) => sum + line.quantity, 0);
    case "PO_NUMBER":
      return null;
    default:
      return order.id;
  }
}
