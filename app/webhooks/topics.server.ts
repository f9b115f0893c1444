import { z } from "zod";
import { automationOrderWebhook } from "~/automation/webhook.server";
import { fulfillmentUpdated } from "~/undo/shopify-cancelled.server";
import { automationTakesOrders } from "./order-in-shopify.server";
import type { Db } from "~/db.server";
import { customerDataRequested, customerRedacted, shopRedacted } from "./compliance.server";
import { appUninstalled, orderCancelled, scopesUpdated, type WebhookDelivery } from "./handlers.server";

/**
 * One entry per webhook topic the app accepts: the payload's schema, how to find the shop and the
 * order the payload names, and the handler. Shopify's HMAC covers only the body, so everything the
 * handler relies on must come from the body and match the unsigned headers (ADR 011):
 * - the body must fit the topic's schema (a genuine body of another topic does not), and
 * - a payload that names its shop must name the header's shop, and an order topic's order must belong
 *   to that shop (`orderBelongs`).
 *
 * Adding a handler for a topic is one entry: put `handler` on it (and subscribe the topic in
 * shopify.app.toml). Order topics default to "the app has a franking record of this order in this
 * shop"; a handler that acts on orders the app has not franked yet (orders/create, orders/paid) sets
 * `orderBelongs` to a check against the shop's Admin API. Schemas are loose (Shopify adds fields) but
 * require the fields that tell the topics apart; payload shapes: shopify.dev/docs/api/webhooks.
 */
export interface TopicEntry {
  schema: z.ZodType;
  /** The shop domain the payload names, when it names one. */
  shopOf?: (payload: never) => string;
  /** The order gid the payload is about (order and fulfillment topics). */
  orderOf?: (payload: never) => string;
  /** Whether that order belongs to the shop; default: the shop has a franking record of it. */
  orderBelongs?: (db: Db, shopId: string, orderId: string) => Promise<boolean>;
  /** Checks against the shop's own state that the body alone cannot make (null: fine, else why not). */
  fitsShop?: (db: Db, shopDomain: string, payload: never) => Promise<string | null>;
  handler?: (db: Db, delivery: WebhookDelivery) => Promise<unknown>;
  /**
   * Whether the handler has anything to do with this payload (default: yes). A delivery it has nothing to
   * do with is acknowledged and nothing is written, as for a topic without a handler.
   */
  concerns?: (payload: never) => boolean;
}

const id = z.union([z.number().int(), z.string().regex(/^\d+$/)]);
const gidOf = (kind: string) => z.string().regex(new RegExp(`^gid://shopify/${kind}/\\d+$`));
const orderGid = (value: string | number) => `gid://shopify/Order/${value}`;
/** A key that must not be there (it belongs to another topic's payload). */
const absent = z.undefined().optional();

/** REST order body (orders/*). */
const order = z
  .object({
    id,
    admin_graphql_api_id: gidOf("Order"),
    name: z.string(),
    line_items: z.array(z.object({ id }).loose()),
    financial_status: z.string().nullable(),
    created_at: z.string(),
    shop_domain: absent,
    order_id: absent,
  })
  .loose();

/** REST fulfillment body (fulfillments/*). */
const fulfillment = z
  .object({
    id,
    admin_graphql_api_id: gidOf("Fulfillment"),
    order_id: id,
    status: z.string(),
    line_items: z.array(z.object({ id }).loose()),
    shop_domain: absent,
  })
  .loose();

const shopDomain = z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/);
const compliance = { shop_id: id, shop_domain: shopDomain };
const customer = z.object({ id }).loose();

const uninstalledShop = z
  .object({ id, name: z.string(), myshopify_domain: shopDomain, shop_domain: absent, line_items: absent })
  .loose();
const scopesUpdate = z
  .object({ previous: z.array(z.string()), current: z.array(z.string()), updated_at: z.string() })
  .loose();
const dataRequest = z
  .object({ ...compliance, customer, orders_requested: z.array(id), data_request: z.object({ id }).loose() })
  .loose();
const customerRedact = z
  .object({ ...compliance, customer, orders_to_redact: z.array(id), data_request: absent })
  .loose();
const shopRedact = z
  .object({ ...compliance, customer: absent, orders_to_redact: absent, orders_requested: absent })
  .loose();

type Of<S extends z.ZodType> = z.infer<S>;

/** The shop's stored scopes must be where the change started: a body of another shop does not fit. */
async function scopesStartFromStored(db: Db, domain: string, payload: Of<typeof scopesUpdate>) {
  const shop = await db.shop.findUnique({ where: { domain }, select: { scopes: true } });
  if (!shop?.scopes) return null;
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((s) => b.includes(s));
  return same(shop.scopes.split(",").filter(Boolean), payload.previous) ? null : "previous scopes differ";
}

export const TOPICS: Record<string, TopicEntry> = {
  "app/uninstalled": {
    schema: uninstalledShop,
    shopOf: (p: Of<typeof uninstalledShop>) => p.myshopify_domain,
    handler: appUninstalled,
  },
  "app/scopes_update": { schema: scopesUpdate, fitsShop: scopesStartFromStored, handler: scopesUpdated },
  "orders/cancelled": {
    schema: order.extend({ cancelled_at: z.string() }),
    orderOf: (p: Of<typeof order>) => p.admin_graphql_api_id,
    handler: orderCancelled,
  },
  // Automatic franking (app/automation): the order becomes a candidate for the shop's next run, for a shop
  // that has automatic franking set up (nothing happens for any other). A candidate is a hint: the run reads
  // every order from the shop's own Admin API, where another shop's order does not exist, before anything
  // is bought. Shopify sends orders/create and orders/paid of an order paid at checkout with the same body.
  "orders/create": {
    schema: order,
    orderOf: (p: Of<typeof order>) => p.admin_graphql_api_id,
    orderBelongs: automationTakesOrders,
    handler: automationOrderWebhook,
  },
  "orders/paid": {
    schema: order.extend({ financial_status: z.literal("paid") }),
    orderOf: (p: Of<typeof order>) => p.admin_graphql_api_id,
    orderBelongs: automationTakesOrders,
    handler: automationOrderWebhook,
  },
  "fulfillments/create": {
    schema: fulfillment,
    orderOf: (p: Of<typeof fulfillment>) => orderGid(p.order_id),
  },
  // A cancelled fulfillment of the app offers (or files) the stamp's Retoure (app/undo). Only orders the
  // app franked in this shop belong (the default check), the only ones that have a stamp to refund.
  "fulfillments/update": {
    schema: fulfillment,
    orderOf: (p: Of<typeof fulfillment>) => orderGid(p.order_id),
    handler: fulfillmentUpdated,
    concerns: (p: Of<typeof fulfillment>) => p.status === "cancelled",
  },
  "customers/data_request": {
    schema: dataRequest,
    shopOf: (p: Of<typeof dataRequest>) => p.shop_domain,
    handler: customerDataRequested,
  },
  "customers/redact": {
    schema: customerRedact,
    shopOf: (p: Of<typeof customerRedact>) => p.shop_domain,
    handler: customerRedacted,
  },
  "shop/redact": {
    schema: shopRedact,
    shopOf: (p: Of<typeof shopRedact>) => p.shop_domain,
    handler: shopRedacted,
  },
};

/** "APP_UNINSTALLED", "app/uninstalled" and "App/Uninstalled" name one topic. */
export function topicName(raw: string): string {
  const lower = raw.trim().toLowerCase();
  if (lower.includes("/")) return lower;
  const known = Object.keys(TOPICS).find((t) => t.replace("/", "_") === lower);
  return known ?? lower;
}

/** Default ownership of an order: the app franked (or is franking) it for that shop. */
export async function orderFrankedInShop(db: Db, shopId: string, orderId: string): Promise<boolean> {
  return (await db.frankingOrder.count({ where: { shopId, orderId } })) > 0;
}
