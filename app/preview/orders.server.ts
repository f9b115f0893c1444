/**
 * Fetches the orders of a batch from Shopify with `nodes(ids:)` and exactly the fields the mapping engine
 * reads: up to 17 orders a query (requested cost under Shopify's 1000-point limit), fewer when Shopify's
 * cost bucket is the limit (`nextChunkSize`), each query sent when the bucket can take it. Orders with
 * more line items than one page holds get their remaining line items in follow-up queries.
 */
import { z } from "zod";
import { type CallOptions, shopifyCall } from "~/shopify/call.server";
import { CostBudget } from "~/shopify/cost-budget.server";
import { deniedUnder, type DeniedField } from "~/shopify/denied-fields";
import type { AdminGraphql } from "~/shopify/graphql.server";
import { fulfillability, type Fulfillability } from "./fulfillability";
import {
  FULFILLMENT_ORDERS_COST,
  fulfillmentOrderSchema,
  toFulfillmentOrderState,
} from "./fulfillment-orders.server";
import { toGrams } from "./weight";

/** Line items fetched with the order; more are fetched page by page. */
export const LINE_ITEMS_PER_ORDER = 10;
export const MORE_LINE_ITEMS_PAGE = 100;
/** Shopify refuses a single query that asks for more. */
export const MAX_QUERY_COST = 1000;
/**
 * Requested cost of one order in PREVIEW_ORDERS_QUERY by Shopify's rules (objects 1, connections
 * 2 + first × node): the order, shippingAddress, shippingLine, currentTotalPriceSet + shopMoney (5), the
 * lineItems connection (2) and per line item the item, variant, inventoryItem, measurement and weight (5),
 * and the fulfillment orders (22, see fulfillment-orders.server.ts).
 */
export const ORDER_COST = 5 + 2 + 5 * LINE_ITEMS_PER_ORDER + FULFILLMENT_ORDERS_COST;
export const ORDERS_PER_QUERY = Math.floor(MAX_QUERY_COST / ORDER_COST);
/** Requested cost of PREVIEW_MORE_LINE_ITEMS_QUERY: the order, the connection and 5 per line item. */
export const MORE_LINE_ITEMS_COST = 1 + 2 + 5 * MORE_LINE_ITEMS_PAGE;

/** What the mapping engine reads of a line item (both queries below). */
export const PREVIEW_LINE_ITEM_FRAGMENT = `#graphql
  fragment PreviewLineItem on LineItem {
    title
    sku
    currentQuantity
    requiresShipping
    variant {
      inventoryItem {
        measurement {
          weight {
            unit
            value
          }
        }
      }
    }
  }`;

/** The fulfillment-order fields of fulfillment-orders.server.ts (a document test reads each file alone). */
const FULFILLMENT_ORDER_STATE = `#graphql
  fragment FulfillmentOrderState on FulfillmentOrder {
    id
    status
    assignedLocation {
      location {
        id
      }
    }
    deliveryMethod {
      methodType
    }
  }`;

export const PREVIEW_ORDERS_QUERY = `#graphql
  query PreviewOrders($ids: [ID!]!, $lineItems: Int!, $withShippingLine: Boolean!, $withOrderValue: Boolean!) {
    nodes(ids: $ids) {
      ... on Order {
        id
        name
        updatedAt
        tags
        cancelledAt
        displayFulfillmentStatus
        requiresShipping
        currentTotalPriceSet @include(if: $withOrderValue) {
          shopMoney {
            amount
            currencyCode
          }
        }
        shippingAddress {
          name
          company
          address1
          address2
          zip
          city
          countryCodeV2
        }
        shippingLine @include(if: $withShippingLine) {
          title
          code
        }
        lineItems(first: $lineItems) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            ...PreviewLineItem
          }
        }
        fulfillmentOrders(first: 5) {
          nodes {
            ...FulfillmentOrderState
          }
        }
      }
    }
  }
  ${PREVIEW_LINE_ITEM_FRAGMENT}
  ${FULFILLMENT_ORDER_STATE}`;

export const PREVIEW_MORE_LINE_ITEMS_QUERY = `#graphql
  query PreviewMoreLineItems($id: ID!, $after: String!, $lineItems: Int!) {
    node(id: $id) {
      ... on Order {
        lineItems(first: $lineItems, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            ...PreviewLineItem
          }
        }
      }
    }
  }
  ${PREVIEW_LINE_ITEM_FRAGMENT}`;

const lineItemSchema = z.object({
  title: z.string(),
  sku: z.string().nullable().optional(),
  currentQuantity: z.number().int(),
  requiresShipping: z.boolean(),
  variant: z
    .object({
      inventoryItem: z
        .object({
          measurement: z
            .object({ weight: z.object({ unit: z.string(), value: z.number() }).nullable() })
            .nullable(),
        })
        .nullable(),
    })
    .nullable(),
});

const lineItemsSchema = z.object({
  pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
  nodes: z.array(lineItemSchema),
});

const orderSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Shopify's last change of the order: the confirm reuses the preview's read while it is unchanged. */
  updatedAt: z.string(),
  tags: z.array(z.string()),
  cancelledAt: z.string().nullable(),
  displayFulfillmentStatus: z.string(),
  requiresShipping: z.boolean(),
  /** Absent when not asked for (no rule compares the order value). */
  currentTotalPriceSet: z
    .object({ shopMoney: z.object({ amount: z.string(), currencyCode: z.string() }) })
    .optional(),
  shippingAddress: z
    .object({
      name: z.string().nullable(),
      company: z.string().nullable(),
      address1: z.string().nullable(),
      address2: z.string().nullable(),
      zip: z.string().nullable(),
      city: z.string().nullable(),
      countryCodeV2: z.string().nullable(),
    })
    .nullable(),
  /** Absent when not asked for (no rule names a shipping method). */
  shippingLine: z.object({ title: z.string(), code: z.string().nullable() }).nullable().optional(),
  lineItems: lineItemsSchema,
  fulfillmentOrders: z.object({ nodes: z.array(fulfillmentOrderSchema) }),
});

/** `nodes` answers null for unknown ids and an object without Order fields for other node types. */
const nodeSchema = z.union([z.strictObject({}).transform(() => null), orderSchema]).nullable();

export type FetchedOrder = Omit<z.infer<typeof orderSchema>, "lineItems" | "fulfillmentOrders"> & {
  lineItems: Array<{ title: string; sku: string | null; quantity: number; weightG: number | null; requiresShipping: boolean }>;
  /** Fields Shopify withheld (protected customer data the app is not approved for); they read null. */
  deniedFields: string[];
  /** Whether one letter can fulfil the order, from the fulfillment orders Shopify shows the app. */
  fulfillment: Fulfillability;
};

type LineItem = z.infer<typeof lineItemSchema>;

function toLineItem(item: LineItem): FetchedOrder["lineItems"][number] {
  const weight = item.variant?.inventoryItem?.measurement?.weight ?? null;
  return {
    title: item.title,
    sku: item.sku ?? null,
    quantity: item.currentQuantity,
    weightG: weight ? toGrams(weight.value, weight.unit) : null,
    requiresShipping: item.requiresShipping,
  };
}

export interface FetchOptions {
  sleep?: (ms: number) => Promise<void>;
  /** The clock the cost budget reads (milliseconds; default Date.now). */
  now?: () => number;
  /** THROTTLED answers waited out per query before giving up (default 6). */
  maxThrottledAttempts?: number;
  /** The shop's bucket as last seen; by default a fresh one that assumes the standard plan until Shopify answers. */
  budget?: CostBudget;
  /**
   * Whether to read the fields only rules use (`orderFieldsRead` of the shop's settings; default both): the
   * order value costs 2 points an order, the shipping line 1, out of about 12.
   */
  fields?: { shippingLine: boolean; orderValue: boolean };
}

/**
 * How many orders the next `nodes` query asks for. Shopify lets a query go only when the bucket holds its
 * requested cost (57 points an order, for 10 line items) but keeps only the actual cost (about 12 for
 * one line item). So a query asks for as many orders as fit the bucket now without waiting, and when the
 * bucket is the limit, no more than the orders still to read will actually consume: a last query of 17
 * orders would wait for 765 points it gives straight back (7.7 s at the standard plan's 100 a second).
 * `actualPerOrder` is what the answers so far cost per order (the requested cost until one answered).
 */
export function nextChunkSize(remaining: number, available: number, actualPerOrder: number): number {
  const fitsNow = Math.floor(available / ORDER_COST);
  const consumedByTheRest = Math.floor((remaining * actualPerOrder) / ORDER_COST);
  return Math.max(1, Math.min(remaining, ORDERS_PER_QUERY, Math.max(fitsNow, consumedByTheRest)));
}

function queryOptions(
  options: FetchOptions,
  budget: CostBudget,
  cost: number,
  onCost?: CallOptions["onCost"],
): CallOptions {
  return {
    sleep: options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
    maxThrottledAttempts: options.maxThrottledAttempts,
    budget,
    cost,
    onCost,
  };
}

async function remainingLineItems(
  admin: AdminGraphql,
  id: string,
  after: string,
  options: FetchOptions,
  budget: CostBudget,
) {
  const items: LineItem[] = [];
  const pageSchema = z.object({ node: z.object({ lineItems: lineItemsSchema }).nullable() });
  let cursor: string | null = after;
  while (cursor !== null) {
    const data: z.infer<typeof pageSchema> = await shopifyCall(
      admin,
      PREVIEW_MORE_LINE_ITEMS_QUERY,
      { id, after: cursor, lineItems: MORE_LINE_ITEMS_PAGE },
      pageSchema,
      queryOptions(options, budget, MORE_LINE_ITEMS_COST),
    );
    if (!data.node) break;
    items.push(...data.node.lineItems.nodes);
    cursor = data.node.lineItems.pageInfo.hasNextPage ? data.node.lineItems.pageInfo.endCursor : null;
  }
  return items;
}

/**
 * The orders by id (only this shop's: the Admin API answers for the authenticated shop alone), one query
 * after another, each sized by `nextChunkSize` and sent when the bucket can take it.
 */
export async function fetchPreviewOrders(
  admin: AdminGraphql,
  ids: readonly string[],
  options: FetchOptions = {},
): Promise<Map<string, FetchedOrder>> {
  const budget = options.budget ?? new CostBudget({ now: options.now, sleep: options.sleep, maxInFlight: 1 });
  const found = new Map<string, FetchedOrder>();
  let read = 0;
  let actualCost = 0;
  let start = 0;
  while (start < ids.length) {
    const perOrder = read > 0 ? actualCost / read : ORDER_COST;
    const chunk = ids.slice(start, start + nextChunkSize(ids.length - start, budget.available(), perOrder));
    start += chunk.length;
    const denied: DeniedField[] = [];
    const data = await shopifyCall(
      admin,
      PREVIEW_ORDERS_QUERY,
      {
        ids: chunk,
        lineItems: LINE_ITEMS_PER_ORDER,
        withShippingLine: options.fields?.shippingLine ?? true,
        withOrderValue: options.fields?.orderValue ?? true,
      },
      z.object({ nodes: z.array(nodeSchema) }),
      {
        ...queryOptions(options, budget, chunk.length * ORDER_COST, (cost) => {
          read += chunk.length;
          actualCost += cost.actual ?? cost.requested;
        }),
        onFieldDenied: (fields) => denied.push(...fields),
      },
    );
    for (const [index, node] of data.nodes.entries()) {
      if (!node) continue;
      const { pageInfo, nodes } = node.lineItems;
      const more =
        pageInfo.hasNextPage && pageInfo.endCursor
          ? await remainingLineItems(admin, node.id, pageInfo.endCursor, options, budget)
          : [];
      const { fulfillmentOrders, ...order } = node;
      found.set(node.id, {
        ...order,
        lineItems: [...nodes, ...more].map(toLineItem),
        deniedFields: deniedUnder(denied, ["nodes", index]),
        // Before anything is bought: whether one letter can fulfil the order (see fulfillability.ts).
        fulfillment: fulfillability(fulfillmentOrders.nodes.map(toFulfillmentOrderState)),
      });
    }
  }
  return found;
}
