/**
 * What automatic franking reads from Shopify: the safety-net query (paid, unfulfilled, not cancelled
 * orders created since the rules were switched on) and the fields the rules look at, by order id.
 * Search syntax: shopify.dev/docs/api/usage/search-syntax and the `orders` query's filters
 * (financial_status, fulfillment_status, status, created_at).
 */
import { z } from "zod";
import { moneyToCents } from "~/preview/weight";
import { type AdminGraphql, adminQuery } from "~/shopify/graphql.server";
import type { AutomationOrder } from "./rules";

export const SWEEP_PAGE = 100;
/** Pages per sweep: at most this many × SWEEP_PAGE orders are found in one run; the rest at the next. */
export const SWEEP_PAGES = 5;
export const ORDERS_PER_READ = 50;

const SWEEP_QUERY = `#graphql
  query AutomationSweep($first: Int!, $after: String, $query: String!) {
    orders(first: $first, after: $after, sortKey: CREATED_AT, query: $query) {
      nodes {
        id
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }`;

const sweepSchema = z.object({
  orders: z.object({
    nodes: z.array(z.object({ id: z.string() })),
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
  }),
});

/** The ids of paid, unfulfilled, not cancelled orders created at or after `since`, oldest first. */
export async function sweepOrderIds(admin: AdminGraphql, since: Date): Promise<string[]> {
  const query = `financial_status:paid fulfillment_status:unfulfilled -status:cancelled created_at:>='${since.toISOString()}'`;
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < SWEEP_PAGES; page++) {
    const data: z.infer<typeof sweepSchema> = await adminQuery(
      admin,
      SWEEP_QUERY,
      { first: SWEEP_PAGE, after, query },
      sweepSchema,
    );
    ids.push(...data.orders.nodes.map((n) => n.id));
    if (!data.orders.pageInfo.hasNextPage || !data.orders.pageInfo.endCursor) break;
    after = data.orders.pageInfo.endCursor;
  }
  return ids;
}

const ORDERS_QUERY = `#graphql
  query AutomationOrders($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Order {
        id
        name
        createdAt
        cancelledAt
        displayFinancialStatus
        displayFulfillmentStatus
        tags
        currentTotalPriceSet {
          shopMoney {
            amount
          }
        }
        shippingAddress {
          countryCodeV2
        }
        shippingLine {
          title
        }
      }
    }
  }`;

const orderSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  displayFinancialStatus: z.string().nullable(),
  displayFulfillmentStatus: z.string(),
  tags: z.array(z.string()),
  currentTotalPriceSet: z.object({ shopMoney: z.object({ amount: z.string() }) }),
  shippingAddress: z.object({ countryCodeV2: z.string().nullable() }).nullable(),
  shippingLine: z.object({ title: z.string() }).nullable(),
});

// A deleted order is null; another type cannot occur for Order ids but is tolerated as "not found".
const ordersSchema = z.object({ nodes: z.array(z.union([orderSchema, z.object({}).loose(), z.null()])) });

export interface FoundOrder extends AutomationOrder {
  createdAt: Date;
}

/** The rule fields of the orders, by id; ids Shopify does not know are missing from the map. */
export async function readAutomationOrders(
  admin: AdminGraphql,
  ids: readonly string[],
): Promise<Map<string, FoundOrder>> {
  const found = new Map<string, FoundOrder>();
  for (let i = 0; i < ids.length; i += ORDERS_PER_READ) {
    const data = await adminQuery(
      admin,
      ORDERS_QUERY,
      { ids: ids.slice(i, i + ORDERS_PER_READ) },
      ordersSchema,
    );
    for (const node of data.nodes) {
      const parsed = orderSchema.safeParse(node);
      if (!parsed.success) continue;
      const o = parsed.data;
      found.set(o.id, {
        id: o.id,
        name: o.name,
        createdAt: new Date(o.createdAt),
        paid: o.displayFinancialStatus === "PAID",
        open: o.cancelledAt === null && o.displayFulfillmentStatus === "UNFULFILLED",
        countryCode: o.shippingAddress?.countryCodeV2 ?? null,
        shippingMethod: o.shippingLine?.title ?? null,
        tags: o.tags,
        totalCents: moneyToCents(o.currentTotalPriceSet.shopMoney.amount),
      });
    }
  }
  return found;
}
