/** The orders the preview page offers: the shop's newest unfulfilled orders (or all recent ones). */
import { z } from "zod";
import { type AdminGraphql, adminQuery } from "~/shopify/graphql.server";
import { moneyToCents } from "./weight";

export const OPEN_ORDERS_QUERY = `#graphql
  query PreviewOpenOrders($first: Int!, $query: String) {
    orders(first: $first, sortKey: CREATED_AT, reverse: true, query: $query) {
      nodes {
        id
        name
        createdAt
        cancelledAt
        displayFulfillmentStatus
        tags
        currentTotalPriceSet {
          shopMoney {
            amount
            currencyCode
          }
        }
        shippingAddress {
          name
          city
          countryCodeV2
        }
        shippingLine {
          title
        }
      }
    }
  }`;

const openOrdersSchema = z.object({
  orders: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        createdAt: z.string(),
        cancelledAt: z.string().nullable(),
        displayFulfillmentStatus: z.string(),
        tags: z.array(z.string()),
        currentTotalPriceSet: z.object({
          shopMoney: z.object({ amount: z.string(), currencyCode: z.string() }),
        }),
        shippingAddress: z
          .object({
            name: z.string().nullable(),
            city: z.string().nullable(),
            countryCodeV2: z.string().nullable(),
          })
          .nullable(),
        shippingLine: z.object({ title: z.string() }).nullable(),
      }),
    ),
  }),
});

export interface OpenOrder {
  id: string;
  name: string;
  createdAt: string;
  status: "open" | "cancelled" | "fulfilled" | "partial";
  recipient: string | null;
  destination: string | null;
  shippingMethod: string | null;
  tags: string[];
  totalCents: number;
  currencyCode: string;
}

/** `all`: every recent order, so the preview can explain why cancelled or fulfilled ones are left out. */
export async function listOpenOrders(
  admin: AdminGraphql,
  options: { all: boolean; first?: number },
): Promise<OpenOrder[]> {
  const data = await adminQuery(
    admin,
    OPEN_ORDERS_QUERY,
    {
      first: options.first ?? 50,
      query: options.all ? null : "fulfillment_status:unfulfilled -status:cancelled",
    },
    openOrdersSchema,
  );
  return data.orders.nodes.map((o) => ({
    id: o.id,
    name: o.name,
    createdAt: o.createdAt,
    status: o.cancelledAt
      ? "cancelled"
      : o.displayFulfillmentStatus === "FULFILLED"
        ? "fulfilled"
        : o.displayFulfillmentStatus === "PARTIALLY_FULFILLED"
          ? "partial"
          : "open",
    recipient: o.shippingAddress?.name ?? null,
    destination: o.shippingAddress
      ? [o.shippingAddress.city, o.shippingAddress.countryCodeV2].filter(Boolean).join(", ")
      : null,
    shippingMethod: o.shippingLine?.title ?? null,
    tags: o.tags,
    totalCents: moneyToCents(o.currentTotalPriceSet.shopMoney.amount),
    currencyCode: o.currentTotalPriceSet.shopMoney.currencyCode,
  }));
}
