/**
 * Fetches the orders of a batch from Shopify in as few Admin GraphQL queries as the cost limit allows:
 * `nodes(ids:)` in chunks sized so each query's requested cost stays under 1000 points, with exactly the
 * fields the mapping engine reads. Orders with more line items than one page holds get their remaining
 * line items in follow-up queries (one per further page).
 */
import { z } from "zod";
import { type AdminGraphql, adminQuery, ShopifyThrottledError } from "~/shopify/graphql.server";
import { toGrams } from "./weight";

/** Line items fetched with the order; more are fetched page by page. */
export const LINE_ITEMS_PER_ORDER = 10;
export const MORE_LINE_ITEMS_PAGE = 100;
/** Shopify refuses a single query that asks for more. */
export const MAX_QUERY_COST = 1000;
/**
 * Requested cost of one order in PREVIEW_ORDERS_QUERY by Shopify's rules (objects 1, connections
 * 2 + first × node): the order, shippingAddress, shippingLine, currentTotalPriceSet + shopMoney (5), the
 * lineItems connection (2) and per line item the item, variant, inventoryItem, measurement and weight (5).
 */
export const ORDER_COST = 5 + 2 + 5 * LINE_ITEMS_PER_ORDER;
export const ORDERS_PER_QUERY = Math.floor(MAX_QUERY_COST / ORDER_COST);

export const PREVIEW_ORDERS_QUERY = `#graphql
  query PreviewOrders($ids: [ID!]!, $lineItems: Int!) {
    nodes(ids: $ids) {
      ... on Order {
        id
        name
        tags
        cancelledAt
        displayFulfillmentStatus
        requiresShipping
        currentTotalPriceSet {
          shopMoney {
            amount
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
        shippingLine {
          title
          code
        }
        lineItems(first: $lineItems) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            title
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
          }
        }
      }
    }
  }`;

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
            title
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
          }
        }
      }
    }
  }`;

const lineItemSchema = z.object({
  title: z.string(),
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
  tags: z.array(z.string()),
  cancelledAt: z.string().nullable(),
  displayFulfillmentStatus: z.string(),
  requiresShipping: z.boolean(),
  currentTotalPriceSet: z.object({ shopMoney: z.object({ amount: z.string() }) }),
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
  shippingLine: z.object({ title: z.string(), code: z.string().nullable() }).nullable(),
  lineItems: lineItemsSchema,
});

/** `nodes` answers null for unknown ids and an object without Order fields for other node types. */
const nodeSchema = z.union([z.strictObject({}).transform(() => null), orderSchema]).nullable();

export type FetchedOrder = Omit<z.infer<typeof orderSchema>, "lineItems"> & {
  lineItems: Array<{ title: string; quantity: number; weightG: number | null; requiresShipping: boolean }>;
};

type LineItem = z.infer<typeof lineItemSchema>;

function toLineItem(item: LineItem): FetchedOrder["lineItems"][number] {
  const weight = item.variant?.inventoryItem?.measurement?.weight ?? null;
  return {
    title: item.title,
    quantity: item.currentQuantity,
    weightG: weight ? toGrams(weight.value, weight.unit) : null,
    requiresShipping: item.requiresShipping,
  };
}

export interface FetchOptions {
  sleep?: (ms: number) => Promise<void>;
  /** How often a throttled query is re-sent after waiting (default 5). */
  maxThrottleRetries?: number;
}

async function query<T>(
  admin: AdminGraphql,
  document: string,
  variables: Record<string, unknown>,
  schema: z.ZodType<T>,
  options: FetchOptions,
): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await adminQuery(admin, document, variables, schema);
    } catch (error) {
      if (!(error instanceof ShopifyThrottledError) || attempt >= (options.maxThrottleRetries ?? 5))
        throw error;
      await sleep(error.retryAfterMs);
    }
  }
}

async function remainingLineItems(admin: AdminGraphql, id: string, after: string, options: FetchOptions) {
  const items: LineItem[] = [];
  const pageSchema = z.object({ node: z.object({ lineItems: lineItemsSchema }).nullable() });
  let cursor: string | null = after;
  while (cursor !== null) {
    const data: z.infer<typeof pageSchema> = await query(
      admin,
      PREVIEW_MORE_LINE_ITEMS_QUERY,
      { id, after: cursor, lineItems: MORE_LINE_ITEMS_PAGE },
      pageSchema,
      options,
    );
    if (!data.node) break;
    items.push(...data.node.lineItems.nodes);
    cursor = data.node.lineItems.pageInfo.hasNextPage ? data.node.lineItems.pageInfo.endCursor : null;
  }
  return items;
}

/** The orders by id (only this shop's: the Admin API answers for the authenticated shop alone). */
export async function fetchPreviewOrders(
  admin: AdminGraphql,
  ids: readonly string[],
  options: FetchOptions = {},
): Promise<Map<string, FetchedOrder>> {
  const found = new Map<string, FetchedOrder>();
  for (let start = 0; start < ids.length; start += ORDERS_PER_QUERY) {
    const chunk = ids.slice(start, start + ORDERS_PER_QUERY);
    const data = await query(
      admin,
      PREVIEW_ORDERS_QUERY,
      { ids: chunk, lineItems: LINE_ITEMS_PER_ORDER },
      z.object({ nodes: z.array(nodeSchema) }),
      options,
    );
    for (const node of data.nodes) {
      if (!node) continue;
      const { pageInfo, nodes } = node.lineItems;
      const more =
        pageInfo.hasNextPage && pageInfo.endCursor
          ? await remainingLineItems(admin, node.id, pageInfo.endCursor, options)
          : [];
      found.set(node.id, { ...node, lineItems: [...nodes, ...more].map(toLineItem) });
    }
  }
  return found;
}
