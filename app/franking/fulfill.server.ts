/**
 * Writing a bought order back to Shopify: a fulfillment of its open fulfillment orders (with the
 * Einschreiben tracking number and "Deutsche Post"), a tag and an app metafield with the vouchers.
 * Every step is safe to repeat, so a task that failed or crashed half-way simply runs again.
 */
import { z } from "zod";
import type { Voucher } from "~/generated/prisma/sqlite/client";
import type { AdminGraphql } from "~/shopify/graphql.server";
import { shopifyCall } from "./shopify-call.server";

export const FRANKING_ORDER_QUERY = `#graphql
  query FrankingOrderFulfillment($id: ID!) {
    order(id: $id) {
      id
      cancelledAt
      displayFulfillmentStatus
      fulfillmentOrders(first: 25) {
        nodes {
          id
          status
        }
      }
    }
  }`;

export const FRANKING_FULFILL_MUTATION = `#graphql
  mutation FrankingFulfill($fulfillment: FulfillmentInput!) {
    fulfillmentCreate(fulfillment: $fulfillment) {
      fulfillment {
        id
      }
      userErrors {
        field
        message
      }
    }
  }`;

export const FRANKING_MARK_MUTATION = `#graphql
  mutation FrankingMarkOrder($id: ID!, $tags: [String!]!, $metafields: [MetafieldsSetInput!]!) {
    tagsAdd(id: $id, tags: $tags) {
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

/** The order metafield holding the vouchers: `$app:franking.vouchers`, type json. */
export const VOUCHER_METAFIELD = { namespace: "$app:franking", key: "vouchers", type: "json" } as const;
export const CARRIER = "Deutsche Post";

const userErrors = z.array(z.object({ field: z.array(z.string()).nullable().optional(), message: z.string() }));

const orderData = z.object({
  order: z
    .object({
      id: z.string(),
      cancelledAt: z.string().nullable(),
      displayFulfillmentStatus: z.string(),
      fulfillmentOrders: z.object({ nodes: z.array(z.object({ id: z.string(), status: z.string() })) }),
    })
    .nullable(),
});

const fulfillData = z.object({
  fulfillmentCreate: z.object({ fulfillment: z.object({ id: z.string() }).nullable(), userErrors }).nullable(),
});

const markData = z.object({
  tagsAdd: z.object({ userErrors }).nullable(),
  metafieldsSet: z.object({ userErrors }).nullable(),
});

/** A Shopify answer that will not change by trying again (the order is gone or cancelled). */
export class PermanentFulfillmentError extends Error {
  override name = "PermanentFulfillmentError";
}

export interface FulfillInput {
  orderId: string;
  batchId: string;
  vouchers: readonly Pick<Voucher, "voucherId" | "trackId" | "productCode" | "productName" | "priceCents" | "boughtAt">[];
  tag: string;
  notifyCustomer: boolean;
}

const FULFILLABLE = new Set(["OPEN", "IN_PROGRESS"]);
const DONE = new Set(["CLOSED", "CANCELLED"]);

function failOn(errors: z.infer<typeof userErrors> | undefined, what: string): void {
  if (errors && errors.length > 0) throw new Error(`${what}: ${errors.map((e) => e.message).join("; ")}`);
}

/** Fulfills the order (if it still has open fulfillment orders); returns the new fulfillment's id. */
async function fulfill(admin: AdminGraphql, input: FulfillInput, sleep: (ms: number) => Promise<void>): Promise<string | null> {
  const { order } = await shopifyCall(admin, FRANKING_ORDER_QUERY, { id: input.orderId }, orderData, { sleep });
  if (!order) throw new PermanentFulfillmentError("The order no longer exists in Shopify");
  if (order.cancelledAt !== null) throw new PermanentFulfillmentError("The order was cancelled in Shopify");
  const open = order.fulfillmentOrders.nodes.filter((fo) => FULFILLABLE.has(fo.status));
  if (open.length === 0) {
    // Fulfilled before (by an earlier attempt whose answer was lost, or by hand): nothing to do.
    if (order.fulfillmentOrders.nodes.every((fo) => DONE.has(fo.status))) return null;
    const waiting = order.fulfillmentOrders.nodes.filter((fo) => !DONE.has(fo.status)).map((fo) => fo.status.toLowerCase());
    throw new Error(`No fulfillment order can be fulfilled now (${[...new Set(waiting)].join(", ")})`);
  }
  const numbers = input.vouchers.flatMap((v) => (v.trackId ? [v.trackId] : []));
  const fulfillment = {
    lineItemsByFulfillmentOrder: open.map((fo) => ({ fulfillmentOrderId: fo.id })),
    notifyCustomer: input.notifyCustomer,
    ...(numbers.length > 0 ? { trackingInfo: { company: CARRIER, numbers } } : {}),
  };
  const data = await shopifyCall(admin, FRANKING_FULFILL_MUTATION, { fulfillment }, fulfillData, { sleep });
  failOn(data.fulfillmentCreate?.userErrors, "fulfillmentCreate");
  return data.fulfillmentCreate?.fulfillment?.id ?? null;
}

async function mark(admin: AdminGraphql, input: FulfillInput, sleep: (ms: number) => Promise<void>): Promise<void> {
  const value = JSON.stringify({
    batchId: input.batchId,
    vouchers: input.vouchers.map((v) => ({
      voucherId: v.voucherId,
      trackId: v.trackId,
      productCode: v.productCode,
      productName: v.productName,
      priceCents: v.priceCents,
      boughtAt: v.boughtAt.toISOString(),
    })),
  });
  const metafields = [{ ownerId: input.orderId, namespace: VOUCHER_METAFIELD.namespace, key: VOUCHER_METAFIELD.key, type: VOUCHER_METAFIELD.type, value }];
  const data = await shopifyCall(admin, FRANKING_MARK_MUTATION, { id: input.orderId, tags: [input.tag], metafields }, markData, { sleep });
  failOn(data.tagsAdd?.userErrors, "tagsAdd");
  failOn(data.metafieldsSet?.userErrors, "metafieldsSet");
}

/** Fulfillment, tag and metafield for one order. Throws when Shopify refused; safe to call again. */
export async function writeBackToShopify(
  admin: AdminGraphql,
  input: FulfillInput,
  sleep: (ms: number) => Promise<void>,
): Promise<{ fulfillmentId: string | null }> {
  const fulfillmentId = await fulfill(admin, input, sleep);
  await mark(admin, input, sleep);
  return { fulfillmentId };
}
