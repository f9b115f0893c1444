import { z } from "zod";
import type { Db } from "./db.server";
import { type AdminGraphql, adminQuery } from "./shopify/graphql.server";
import { shopFor } from "./shops.server";

export const HOME_QUERY = `#graphql
  query FrankiermeisterHome {
    shop {
      name
      myshopifyDomain
      currencyCode
    }
    orders(first: 25, sortKey: CREATED_AT, reverse: true) {
      nodes {
        id
        name
        createdAt
        cancelledAt
        displayFulfillmentStatus
        totalWeight
        shippingAddress {
          city
          countryCodeV2
        }
      }
    }
  }`;

const homeData = z.object({
  shop: z.object({ name: z.string(), myshopifyDomain: z.string(), currencyCode: z.string() }),
  orders: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        createdAt: z.string(),
        cancelledAt: z.string().nullable(),
        displayFulfillmentStatus: z.string(),
        totalWeight: z.union([z.string(), z.number()]).nullable(),
        shippingAddress: z
          .object({ city: z.string().nullable(), countryCodeV2: z.string().nullable() })
          .nullable(),
      }),
    ),
  }),
});

export type HomeData = Awaited<ReturnType<typeof loadHome>>;

/** The overview page: the shop, its recent orders and the linked Portokasse (never its password). */
export async function loadHome(admin: AdminGraphql, db: Db, shopDomain: string) {
  const data = await adminQuery(admin, HOME_QUERY, {}, homeData);
  const shop = await shopFor(db, shopDomain);
  const portokasse = await db.portokasseAccount.findUnique({
    where: { shopId: shop.id },
    select: { username: true, balanceCents: true, balanceCheckedAt: true },
  });
  const orders = data.orders.nodes.map((o) => ({
    id: o.id,
    name: o.name,
    createdAt: o.createdAt,
    cancelled: o.cancelledAt !== null,
    fulfillmentStatus: o.displayFulfillmentStatus,
    weightG: o.totalWeight === null ? null : Number(o.totalWeight),
    destination: o.shippingAddress
      ? [o.shippingAddress.city, o.shippingAddress.countryCodeV2].filter(Boolean).join(", ")
      : null,
  }));
  return {
    shop: data.shop,
    unfulfilledCount: orders.filter((o) => !o.cancelled && o.fulfillmentStatus === "UNFULFILLED").length,
    orders,
    portokasse,
    /** Set when Shopify refused the offline token's refresh: background work waits for the merchant. */
    shopifyAccessLost: shop.shopifyAccessLostAt !== null,
  };
}
