/**
 * The order's refund state in Shopify: an app metafield (`$app:franking.refund`, JSON) and one tag that
 * says where the refund stands (the other refund tags are removed). Writing is safe to repeat; a write
 * counts only if no newer change arrived meanwhile (RefundSync.version).
 */
import { z } from "zod";
import type { RefundSync } from "~/generated/prisma/sqlite/client";
import { adminQuery, ShopifyThrottledError } from "~/shopify/graphql.server";
import { describeError, RefundLeaseLostError, type RefundContext } from "./context";
import { backoffMs, summarize, type OrderRefundState, type OrderRefundSummary } from "./model";

export const REFUND_ORDER_MUTATION = `#graphql
  mutation RefundMarkOrder($id: ID!, $add: [String!]!, $remove: [String!]!, $metafields: [MetafieldsSetInput!]!) {
    tagsAdd(id: $id, tags: $add) {
      userErrors {
        field
        message
      }
    }
    tagsRemove(id: $id, tags: $remove) {
      userErrors {
        field
        message
      }
    }
    metafieldsSet(metafields: $metafields) {
      metafields {
        id
      }
      userErrors {
        field
        message
      }
    }
  }`;

export const REFUND_METAFIELD = { namespace: "$app:franking", key: "refund", type: "json" } as const;

/** The tag each order refund state shows in Shopify admin (merchants filter orders by it). */
export const REFUND_TAGS: Record<OrderRefundState, string> = {
  pending: "Porto-Retoure offen",
  refunded: "Porto erstattet",
  partially_refunded: "Porto teilweise erstattet",
  not_refunded: "Porto nicht erstattet",
};

const userErrors = z.array(z.object({ field: z.array(z.string()).nullable().optional(), message: z.string() }));
const markData = z.object({
  tagsAdd: z.object({ userErrors }).nullable(),
  tagsRemove: z.object({ userErrors }).nullable(),
  metafieldsSet: z.object({ userErrors }).nullable(),
});

export function markVariables(orderId: string, summary: OrderRefundSummary, now: Date) {
  const add = REFUND_TAGS[summary.state];
  return {
    id: orderId,
    add: [add],
    remove: Object.values(REFUND_TAGS).filter((tag) => tag !== add),
    metafields: [{ ownerId: orderId, ...REFUND_METAFIELD, value: JSON.stringify({ ...summary, updatedAt: now.toISOString() }) }],
  };
}

/** Writes the order's current refund state; throws when Shopify refused. */
async function writeOrder(ctx: RefundContext, shopDomain: string, sync: RefundSync): Promise<void> {
  const refunds = await ctx.db.refund.findMany({ where: { shopId: sync.shopId, orderId: sync.orderId }, orderBy: { voucherId: "asc" } });
  if (refunds.length === 0) return;
  const admin = await ctx.admin(shopDomain);
  const data = await adminQuery(admin, REFUND_ORDER_MUTATION, markVariables(sync.orderId, summarize(refunds), ctx.now()), markData);
  const problems = [...(data.tagsAdd?.userErrors ?? []), ...(data.tagsRemove?.userErrors ?? []), ...(data.metafieldsSet?.userErrors ?? [])];
  if (problems.length > 0) throw new Error(`Shopify refused the refund state: ${problems.map((p) => p.message).join("; ")}`);
}

export async function syncOrder(ctx: RefundContext, syncId: string, token: string): Promise<void> {
  const sync = await ctx.db.refundSync.findUniqueOrThrow({ where: { id: syncId }, include: { shop: { select: { domain: true } } } });
  const now = ctx.now();
  try {
    await writeOrder(ctx, sync.shop.domain, sync);
  } catch (error) {
    if (error instanceof RefundLeaseLostError) throw error;
    const throttled = error instanceof ShopifyThrottledError;
    const attempts = throttled ? sync.attempts : sync.attempts + 1;
    const wait = throttled ? error.retryAfterMs : backoffMs(attempts, ctx.timings.retryBaseMs, ctx.timings.retryMaxMs);
    const givenUp = attempts >= ctx.timings.maxSyncAttempts;
    ctx.logger?.warn?.(`Refund state of ${sync.orderId} not written to Shopify (attempt ${attempts}): ${describeError(error)}`);
    await ctx.db.refundSync.updateMany({
      where: { id: sync.id, leaseOwner: token, version: sync.version },
      data: { attempts, lastError: describeError(error), nextAttemptAt: new Date(now.getTime() + wait), ...(givenUp ? { dirty: false } : {}) },
    });
    return;
  }
  // A newer change (version bumped meanwhile) keeps it dirty: the next pass writes that one.
  await ctx.db.refundSync.updateMany({
    where: { id: sync.id, leaseOwner: token, version: sync.version },
    data: { dirty: false, attempts: 0, lastError: null, syncedAt: now },
  });
}
