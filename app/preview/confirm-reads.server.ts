/**
 * The orders a confirm prices (ADR 021): what the preview read moments ago is reused when Shopify says the
 * order has not changed since. One cheap query asks for every cached order's `updatedAt` (1 point an order
 * instead of about 12); only orders changed since, and orders this process has no copy of, are read in
 * full (`fetchPreviewOrders`), and that read is kept for the next confirm.
 */
import { z } from "zod";
import { shopifyCall } from "~/shopify/call.server";
import { CostBudget } from "~/shopify/cost-budget.server";
import type { AdminGraphql } from "~/shopify/graphql.server";
import { fetchPreviewOrders, type FetchedOrder, type FetchOptions } from "./orders.server";
import { previewRead, rememberPreviewReads, type CachedRead } from "./read-cache.server";

/** Each order's last change; requested cost 1 an id (the node), so 250 ids fit one query. */
export const ORDERS_UPDATED_AT_QUERY = `#graphql
  query ConfirmOrdersUpdatedAt($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Order {
        id
        updatedAt
      }
    }
  }`;

/** Ids per freshness query (requested cost about one per id, below Shopify's 1000 for one query). */
export const UPDATED_AT_PER_QUERY = 250;

const updatedAtData = z.object({
  nodes: z.array(z.union([z.object({ id: z.string(), updatedAt: z.string() }), z.object({}).transform(() => null)]).nullable()),
});

export interface ConfirmReads {
  orders: Map<string, FetchedOrder>;
  /** Orders taken from the preview's read (unchanged in Shopify since). */
  reused: number;
  /** Orders read in full now (changed since the preview, or not read by this process). */
  read: number;
}

export async function readOrdersForConfirm(
  admin: AdminGraphql,
  shopId: string,
  ids: readonly string[],
  options: FetchOptions & { fields: CachedRead["fields"] },
): Promise<ConfirmReads> {
  const budget = options.budget ?? new CostBudget({ now: options.now, sleep: options.sleep, maxInFlight: 1 });
  const cached = new Map<string, FetchedOrder>();
  for (const id of ids) {
    const hit = previewRead(shopId, id, options.fields);
    if (hit) cached.set(id, hit);
  }
  const orders = new Map<string, FetchedOrder>();
  const candidates = [...cached.keys()];
  for (let start = 0; start < candidates.length; start += UPDATED_AT_PER_QUERY) {
    const chunk = candidates.slice(start, start + UPDATED_AT_PER_QUERY);
    const data = await shopifyCall(admin, ORDERS_UPDATED_AT_QUERY, { ids: chunk }, updatedAtData, {
      sleep: options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
      maxThrottledAttempts: options.maxThrottledAttempts,
      budget,
      cost: chunk.length + 1,
    });
    for (const node of data.nodes) {
      const copy = node ? cached.get(node.id) : undefined;
      if (node && copy && copy.updatedAt === node.updatedAt) orders.set(node.id, copy);
    }
  }
  const stale = ids.filter((id) => !orders.has(id));
  const reused = orders.size;
  if (stale.length > 0) {
    const fresh = await fetchPreviewOrders(admin, stale, { ...options, budget });
    rememberPreviewReads(shopId, fresh.values(), options.fields);
    for (const [id, order] of fresh) orders.set(id, order);
  }
  return { orders, reused, read: stale.length };
}
