/**
 * The shop's currency (ISO 4217), read from Shopify: `shop { currencyCode }` (shopify.dev, Admin GraphQL
 * `Shop.currencyCode`: "The three letter code for the currency that the shop sells in"). Order amounts in
 * `shopMoney` are in this currency; the settings page labels every money threshold with it.
 */
import { z } from "zod";
import { adminQuery, type AdminGraphql } from "./graphql.server";

export const SHOP_CURRENCY_QUERY = `#graphql
  query ShopCurrency {
    shop {
      currencyCode
    }
  }`;

const schema = z.object({ shop: z.object({ currencyCode: z.string().regex(/^[A-Z]{3}$/) }) });

/** The shop's currency code, or null when Shopify could not be asked (the page then says it is unknown). */
export async function shopCurrency(admin: AdminGraphql): Promise<string | null> {
  try {
    const data = await adminQuery(admin, SHOP_CURRENCY_QUERY, {}, schema);
    return data.shop.currencyCode;
  } catch {
    return null;
  }
}
