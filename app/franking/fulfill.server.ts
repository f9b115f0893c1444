/**
 * Writing bought orders back to Shopify: a fulfillment of each order's open fulfillment orders (with the
 * Einschreiben tracking number and "Deutsche Post"), the batch's tag if it has one (none since ADR 021)
 * and an app metafield with the vouchers. Orders go as a group: one `fulfillmentCreate` per order on the
 * fulfillment orders the confirm saw, a read of the fulfillment orders (`nodes(ids:)`) only for orders
 * without them or refused by Shopify, and one metafieldsSet for the group, all sent at once inside
 * Shopify's cost budget. Every step is safe to repeat: Shopify refuses to fulfil a closed fulfillment
 * order again, tags and metafields are set, not added twice. So a group that failed or crashed half-way
 * simply runs again.
 */
import { z } from "zod";
import type { Voucher } from "~/generated/prisma/sqlite/client";
import type { AdminGraphql } from "~/shopify/graphql.server";
import { shopifyCall } from "~/shopify/call.server";
import { ShopifyApiError } from "~/shopify/graphql.server";
import type { CostBudget } from "~/shopify/cost-budget.server";
import { fulfillmentGroups, type FulfillmentOrderState } from "~/preview/fulfillability";
import {
  FULFILLMENT_READ_COST,
  fulfillmentOrderSchema,
  toFulfillmentOrderState,
} from "~/preview/fulfillment-orders.server";

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

/** One order's fulfillment orders (a group of one is read with this). */
export const FRANKING_ORDER_QUERY = `#graphql
  query FrankingOrderFulfillment($id: ID!) {
    order(id: $id) {
      id
      cancelledAt
      fulfillmentOrders(first: 5) {
        nodes {
          ...FulfillmentOrderState
        }
      }
    }
  }
  ${FULFILLMENT_ORDER_STATE}`;

/**
 * The fulfillment orders of many orders, with location and delivery method: `fulfillmentCreate` takes one
 * location and one delivery method type at a time. Requested cost 23 per id (see fulfillment-orders.server.ts).
 */
export const FRANKING_ORDERS_QUERY = `#graphql
  query FrankingOrdersFulfillment($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Order {
        id
        cancelledAt
        fulfillmentOrders(first: 5) {
          nodes {
            ...FulfillmentOrderState
          }
        }
      }
    }
  }
  ${FULFILLMENT_ORDER_STATE}`;

/** Fulfillment and tag of one order in one call (two mutations, 10 points each). */
export const FRANKING_FULFILL_MUTATION = `#graphql
  mutation FrankingFulfill($fulfillment: FulfillmentInput!, $id: ID!, $tags: [String!]!) {
    fulfillmentCreate(fulfillment: $fulfillment) {
      fulfillment {
        id
      }
      userErrors {
        field
        message
      }
    }
    tagsAdd(id: $id, tags: $tags) {
      userErrors {
        field
        message
      }
    }
  }`;

/** Fulfillment alone (batches without a tag, ADR 021): one mutation, 10 points. */
export const FRANKING_FULFILL_ONLY_MUTATION = `#graphql
  mutation FrankingFulfillOnly($fulfillment: FulfillmentInput!) {
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

/** The tag alone, for an order that was fulfilled before (by an earlier attempt or by hand). */
export const FRANKING_TAG_MUTATION = `#graphql
  mutation FrankingTagOrder($id: ID!, $tags: [String!]!) {
    tagsAdd(id: $id, tags: $tags) {
      userErrors {
        field
        message
      }
    }
  }`;

/** The voucher metafields of up to 25 orders in one call (10 points). */
export const FRANKING_METAFIELDS_MUTATION = `#graphql
  mutation FrankingVoucherMetafields($metafields: [MetafieldsSetInput!]!) {
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
/** metafieldsSet takes at most this many metafields. */
export const METAFIELDS_PER_CALL = 25;
const COST = { orderRead: FULFILLMENT_READ_COST, fulfillAndTag: 20, mutation: 10 } as const;
/** Shopify's answer to fulfillment orders given by id that no longer exist (top-level error code). */
const NOT_FOUND = "RESOURCE_NOT_FOUND";

const userErrors = z.array(
  z.object({ field: z.array(z.string()).nullable().optional(), message: z.string() }),
);
const orderState = z.object({
  id: z.string(),
  cancelledAt: z.string().nullable(),
  fulfillmentOrders: z.object({ nodes: z.array(fulfillmentOrderSchema) }),
});
type OrderState = z.infer<typeof orderState>;
const orderData = z.object({ order: orderState.nullable() });
/** `nodes` answers null for an unknown id (and `{}` for another type). */
const ordersData = z.object({
  nodes: z.array(z.union([orderState, z.object({}).transform(() => null)]).nullable()),
});
const fulfillData = z.object({
  fulfillmentCreate: z
    .object({ fulfillment: z.object({ id: z.string() }).nullable(), userErrors })
    .nullable(),
  tagsAdd: z.object({ userErrors }).nullable(),
});
const fulfillOnlyData = z.object({
  fulfillmentCreate: z
    .object({ fulfillment: z.object({ id: z.string() }).nullable(), userErrors })
    .nullable(),
});
const tagData = z.object({ tagsAdd: z.object({ userErrors }).nullable() });
const metafieldsData = z.object({ metafieldsSet: z.object({ userErrors }).nullable() });

/** A Shopify answer that will not change by trying again (the order is gone or cancelled). */
export class PermanentFulfillmentError extends Error {
  override name = "PermanentFulfillmentError";
}

export interface OrderWriteBack {
  orderId: string;
  batchId: string;
  /**
   * The open fulfillment orders the confirm saw, one group per `fulfillmentCreate` (ADR 021): fulfilled
   * without reading them first. Shopify refuses a fulfillment order that is no longer open (or gone), and
   * then they are read as without them. Absent or empty: read first.
   */
  fulfillmentOrderIds?: readonly (readonly string[])[];
  vouchers: readonly Pick<
    Voucher,
    "voucherId" | "trackId" | "productCode" | "productName" | "priceCents" | "boughtAt"
  >[];
}

export interface WriteBackOptions {
  tag: string;
  notifyCustomer: boolean;
  sleep: (ms: number) => Promise<void>;
  budget?: CostBudget;
}

export type WriteBackOutcome = { ok: true; fulfillmentId: string | null } | { ok: false; error: unknown };

const FULFILLABLE = new Set(["OPEN", "IN_PROGRESS"]);
const DONE = new Set(["CLOSED", "CANCELLED"]);

function failOn(errors: z.infer<typeof userErrors> | undefined, what: string): void {
  if (errors && errors.length > 0) throw new Error(`${what}: ${errors.map((e) => e.message).join("; ")}`);
}

async function readOrders(
  admin: AdminGraphql,
  ids: readonly string[],
  options: WriteBackOptions,
): Promise<Array<OrderState | null>> {
  const call = { sleep: options.sleep, budget: options.budget, cost: COST.orderRead * ids.length };
  if (ids.length === 1)
    return [(await shopifyCall(admin, FRANKING_ORDER_QUERY, { id: ids[0] }, orderData, call)).order];
  return (await shopifyCall(admin, FRANKING_ORDERS_QUERY, { ids }, ordersData, call)).nodes;
}

/**
 * What to write: the open fulfillment orders to fulfil, grouped by location and delivery method (one
 * `fulfillmentCreate` each; none: fulfilled before). Throws when neither can be done.
 */
function openFulfillmentOrders(order: OrderState | null | undefined): FulfillmentOrderState[][] {
  if (!order) throw new PermanentFulfillmentError("The order no longer exists in Shopify");
  if (order.cancelledAt !== null) throw new PermanentFulfillmentError("The order was cancelled in Shopify");
  // None visible: a fulfillment service or 3PL ships it (or the app lost the scope); never tag it as done.
  if (order.fulfillmentOrders.nodes.length === 0) {
    throw new PermanentFulfillmentError(
      "Shopify shows the app no fulfillment order of this order (fulfillment service or 3PL location)",
    );
  }
  const open = order.fulfillmentOrders.nodes
    .filter((fo) => FULFILLABLE.has(fo.status))
    .map(toFulfillmentOrderState);
  if (open.length === 0 && !order.fulfillmentOrders.nodes.every((fo) => DONE.has(fo.status))) {
    const waiting = order.fulfillmentOrders.nodes
      .filter((fo) => !DONE.has(fo.status))
      .map((fo) => fo.status.toLowerCase());
    throw new Error(`No fulfillment order can be fulfilled now (${[...new Set(waiting)].join(", ")})`);
  }
  return fulfillmentGroups(open);
}

/**
 * Fulfills (if anything is open) and tags one order; returns the (first) new fulfillment's id. Each group
 * of one location and delivery method goes in its own `fulfillmentCreate`; the tracking number rides on
 * the first (the preview leaves out orders open at several locations, so normally there is one group).
 */
async function fulfillAndTag(
  admin: AdminGraphql,
  order: OrderWriteBack,
  groups: FulfillmentOrderState[][],
  options: WriteBackOptions,
): Promise<string | null> {
  if (groups.length === 0) {
    // Fulfilled before (by an earlier attempt whose answer was lost, or by hand): only the tag, if any.
    if (options.tag === "") return null;
    const data = await shopifyCall(admin, FRANKING_TAG_MUTATION, { id: order.orderId, tags: [options.tag] }, tagData, {
      sleep: options.sleep,
      budget: options.budget,
      cost: COST.mutation,
    });
    failOn(data.tagsAdd?.userErrors, "tagsAdd");
    return null;
  }
  let firstId: string | null = null;
  for (const [index, group] of groups.entries()) {
    const created = await createFulfillment(admin, order, group.map((fo) => fo.id), index === 0, options);
    failOn(created.userErrors, "fulfillmentCreate");
    firstId ??= created.id;
  }
  return firstId;
}

/**
 * One `fulfillmentCreate` of these fulfillment orders (the tracking numbers on the first of an order),
 * with the batch's tag in the same call when it has one. Answers Shopify's refusal, throws the rest.
 */
async function createFulfillment(
  admin: AdminGraphql,
  order: OrderWriteBack,
  fulfillmentOrderIds: readonly string[],
  withTracking: boolean,
  options: WriteBackOptions,
): Promise<{ id: string | null; userErrors: z.infer<typeof userErrors> }> {
  const numbers = order.vouchers.flatMap((v) => (v.trackId ? [v.trackId] : []));
  const fulfillment = {
    lineItemsByFulfillmentOrder: fulfillmentOrderIds.map((id) => ({ fulfillmentOrderId: id })),
    notifyCustomer: options.notifyCustomer,
    ...(numbers.length > 0 && withTracking ? { trackingInfo: { company: CARRIER, numbers } } : {}),
  };
  const call = { sleep: options.sleep, budget: options.budget };
  if (options.tag === "") {
    const data = await shopifyCall(admin, FRANKING_FULFILL_ONLY_MUTATION, { fulfillment }, fulfillOnlyData, {
      ...call,
      cost: COST.mutation,
    });
    return { id: data.fulfillmentCreate?.fulfillment?.id ?? null, userErrors: data.fulfillmentCreate?.userErrors ?? [] };
  }
  const data = await shopifyCall(
    admin,
    FRANKING_FULFILL_MUTATION,
    { fulfillment, id: order.orderId, tags: [options.tag] },
    fulfillData,
    { ...call, cost: COST.fulfillAndTag },
  );
  failOn(data.tagsAdd?.userErrors, "tagsAdd");
  return { id: data.fulfillmentCreate?.fulfillment?.id ?? null, userErrors: data.fulfillmentCreate?.userErrors ?? [] };
}

/** Shopify refused the fulfillment orders the confirm saw (no longer open, moved, gone): read them. */
const REFUSED = Symbol("refused");

/**
 * Fulfils the order's fulfillment orders as the confirm saw them, without reading them first. A repeat
 * (crash, lost answer) is refused by Shopify because a closed fulfillment order cannot be fulfilled
 * again; so is anything that changed since the confirm. Both answer REFUSED and the order is read.
 */
async function fulfillKnown(
  admin: AdminGraphql,
  order: OrderWriteBack,
  groups: readonly (readonly string[])[],
  options: WriteBackOptions,
): Promise<string | null | typeof REFUSED> {
  let firstId: string | null = null;
  for (const [index, group] of groups.entries()) {
    try {
      const created = await createFulfillment(admin, order, group, index === 0, options);
      if (created.userErrors.length > 0) return REFUSED;
      firstId ??= created.id;
    } catch (error) {
      if (error instanceof ShopifyApiError && error.code === NOT_FOUND) return REFUSED;
      throw error;
    }
  }
  return firstId;
}

function voucherMetafield(order: OrderWriteBack) {
  const value = JSON.stringify({
    batchId: order.batchId,
    vouchers: order.vouchers.map((v) => ({
      voucherId: v.voucherId,
      trackId: v.trackId,
      productCode: v.productCode,
      productName: v.productName,
      priceCents: v.priceCents,
      boughtAt: v.boughtAt.toISOString(),
    })),
  });
  return { ownerId: order.orderId, ...VOUCHER_METAFIELD, value };
}

async function setMetafields(
  admin: AdminGraphql,
  orders: readonly OrderWriteBack[],
  options: WriteBackOptions,
): Promise<void> {
  const metafields = orders.map(voucherMetafield);
  const data = await shopifyCall(admin, FRANKING_METAFIELDS_MUTATION, { metafields }, metafieldsData, {
    sleep: options.sleep,
    budget: options.budget,
    cost: COST.mutation,
  });
  failOn(data.metafieldsSet?.userErrors, "metafieldsSet");
}

/**
 * The metafields of a group in one call. metafieldsSet is atomic (one refused metafield and none is
 * written), so when the group is refused each order's metafield is set alone: only the refused ones fail.
 */
async function setGroupMetafields(
  admin: AdminGraphql,
  orders: readonly OrderWriteBack[],
  options: WriteBackOptions,
): Promise<unknown[]> {
  try {
    await setMetafields(admin, orders, options);
    return orders.map(() => null);
  } catch (error) {
    if (orders.length === 1 || !(error instanceof Error) || !error.message.startsWith("metafieldsSet:"))
      return orders.map(() => error);
    return Promise.all(
      orders.map((order) =>
        setMetafields(admin, [order], options).then(
          () => null,
          (alone: unknown) => alone,
        ),
      ),
    );
  }
}

/**
 * Fulfillment (and tag, if the batch has one) and metafield for a group of orders (at most
 * METAFIELDS_PER_CALL). Orders whose fulfillment orders the confirm saw are fulfilled at once; the
 * others, and those Shopify refused, are read first (`nodes(ids:)`). The metafields go in one call
 * alongside. Answers per order, in the given order: done (with the new fulfillment's id) or the error of
 * this attempt.
 */
export async function writeBackOrders(
  admin: AdminGraphql,
  orders: readonly OrderWriteBack[],
  options: WriteBackOptions,
): Promise<WriteBackOutcome[]> {
  if (orders.length > METAFIELDS_PER_CALL)
    throw new RangeError(`At most ${METAFIELDS_PER_CALL} orders at once`);
  const fulfilled = async (): Promise<WriteBackOutcome[]> => {
    const outcomes: Array<WriteBackOutcome | null> = orders.map(() => null);
    await Promise.all(
      orders.map(async (order, i) => {
        const groups = order.fulfillmentOrderIds ?? [];
        if (groups.length === 0) return;
        try {
          const id = await fulfillKnown(admin, order, groups, options);
          if (id !== REFUSED) outcomes[i] = { ok: true, fulfillmentId: id };
        } catch (error) {
          outcomes[i] = { ok: false, error };
        }
      }),
    );
    const toRead = orders.flatMap((order, i) => (outcomes[i] === null ? [i] : []));
    if (toRead.length > 0) {
      const read = await fulfillAfterReading(admin, toRead.map((i) => orders[i] as OrderWriteBack), options);
      toRead.forEach((i, k) => (outcomes[i] = read[k] ?? { ok: false, error: new Error("not written") }));
    }
    return outcomes.map((o) => o ?? { ok: false, error: new Error("not written") });
  };
  const [writes, metafieldErrors] = await Promise.all([fulfilled(), setGroupMetafields(admin, orders, options)]);
  return writes.map((write, i): WriteBackOutcome => {
    const metafieldError = metafieldErrors[i] ?? null;
    return write.ok && metafieldError !== null ? { ok: false, error: metafieldError } : write;
  });
}

/** The orders' fulfillment orders read (one `nodes(ids:)`), then what is open fulfilled. */
async function fulfillAfterReading(
  admin: AdminGraphql,
  orders: readonly OrderWriteBack[],
  options: WriteBackOptions,
): Promise<WriteBackOutcome[]> {
  let states: Array<OrderState | null>;
  try {
    states = await readOrders(
      admin,
      orders.map((o) => o.orderId),
      options,
    );
  } catch (error) {
    return orders.map(() => ({ ok: false, error }));
  }
  const plans = orders.map(
    (order, i): { order: OrderWriteBack; open: FulfillmentOrderState[][] | null; error: unknown } => {
      try {
        return { order, open: openFulfillmentOrders(states[i]), error: null };
      } catch (error) {
        return { order, open: null, error };
      }
    },
  );
  return Promise.all(
    plans.map(({ order, open, error }): Promise<WriteBackOutcome> =>
      open === null
        ? Promise.resolve({ ok: false, error })
        : fulfillAndTag(admin, order, open, options).then(
            (fulfillmentId): WriteBackOutcome => ({ ok: true, fulfillmentId }),
            (failure: unknown): WriteBackOutcome => ({ ok: false, error: failure }),
          ),
    ),
  );
}
