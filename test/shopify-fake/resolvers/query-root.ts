import { responsePathAsArray } from "graphql";
import { parseGid } from "../gid";
import { int, str, strList } from "../graphql/args";
import { compareKeys, paginate, type CursorKey } from "../graphql/connection";
import type { FakeContext } from "../graphql/context";
import { defineType, invalidGlobalId, shopifyError, type TypeDefinition } from "../graphql/registry";
import { FULFILLMENT_ORDER_READ_SCOPES, requireScope } from "../graphql/scopes";
import type { FakeOrder } from "../model";
import { canSeeFulfillmentOrder } from "../graphql/fulfillment-visibility";
import { visibleOrders } from "./order";
import { compileOrderQuery, orderSortValue } from "./order-search";
import { APP_INSTALLATION_RECORD, APP_RECORD, SHOP_RECORD } from "./shop";

export const MAX_INPUT_SIZE = 250;

/** Any record the fake can find by gid, checked against the app's scopes. */
export function nodeById(id: string, ctx: FakeContext): unknown {
  const parsed = parseGid(id);
  if (!parsed) {
    if (/^gid:\/\/shopify\/Job\/[\w-]+$/.test(id)) return jobById(id, ctx);
    throw invalidGlobalId(id);
  }
  const shop = ctx.shop;
  switch (parsed.type) {
    case "Order": {
      requireScope(ctx, "order", ["read_orders"]);
      return visibleOrders(ctx).find((o) => o.id === parsed.id) ?? null;
    }
    case "FulfillmentOrder": {
      requireScope(ctx, "fulfillmentOrder", FULFILLMENT_ORDER_READ_SCOPES);
      const found = shop.fulfillmentOrder(parsed.id)?.fulfillmentOrder;
      return found && canSeeFulfillmentOrder(ctx, found) ? found : null;
    }
    case "Fulfillment":
      requireScope(ctx, "fulfillment", ["read_orders", ...FULFILLMENT_ORDER_READ_SCOPES]);
      return shop.fulfillment(parsed.id) ?? null;
    case "Metafield":
      return shop.metafields.find((m) => m.id === parsed.id) ?? null;
    case "Shop":
      return parsed.id === shop.info.id ? SHOP_RECORD : null;
    case "AppInstallation":
      return parsed.id === shop.appInstallationId ? APP_INSTALLATION_RECORD : null;
    case "App":
      return parsed.id === ctx.app.appId ? APP_RECORD : null;
    case "Location":
      return shop.location(parsed.id) ?? null;
    case "Customer":
      requireScope(ctx, "customer", ["read_customers", "read_orders"]);
      return shop.orders.map((o) => o.customer).find((c) => c?.id === parsed.id) ?? null;
    default:
      return null;
  }
}

function jobById(id: string, ctx: FakeContext) {
  const uuid = id.slice(id.lastIndexOf("/") + 1);
  // A job reported `done: false` when it was created; by the time anyone asks again it has finished.
  return ctx.shop.jobs.has(uuid) ? { __typename: "Job", id: uuid, done: true } : null;
}

/** `order(id:)` and friends: a gid of another type is simply not found. */
function nodeOfType(id: string, type: string, ctx: FakeContext): unknown {
  const node = nodeById(id, ctx);
  const typename =
    typeof node === "object" && node !== null && "__typename" in node ? node.__typename : undefined;
  return typename === type ? node : null;
}

function sortedOrders(list: FakeOrder[], sortKey: string, reversed: boolean) {
  const keyOf = (order: FakeOrder): CursorKey => ({ id: order.id, value: orderSortValue(order, sortKey) });
  const sorted = [...list].sort((a, b) => compareKeys(keyOf(a), keyOf(b)) * (reversed ? -1 : 1));
  return { sorted, keyOf };
}

const queryRootType = defineType<unknown>("QueryRoot", {
  shop: () => SHOP_RECORD,
  app: (_s, args, ctx) => {
    const id = str(args, "id");
    return id === undefined || parseGid(id)?.id === ctx.app.appId ? APP_RECORD : null;
  },
  currentAppInstallation: () => APP_INSTALLATION_RECORD,
  orders: (_s, args, ctx, info) => {
    requireScope(ctx, "orders", ["read_orders"]);
    let list = visibleOrders(ctx);
    const query = str(args, "query");
    if (query)
      list = list.filter(
        compileOrderQuery(query, ctx.now, ctx.searchReports, responsePathAsArray(info.path)),
      );
    const reversed = args.reverse === true;
    const { sorted, keyOf } = sortedOrders(list, str(args, "sortKey") ?? "PROCESSED_AT", reversed);
    return paginate(sorted, args, keyOf, { fieldName: "orders", reversed });
  },
  ordersCount: (_s, args, ctx, info) => {
    requireScope(ctx, "ordersCount", ["read_orders"]);
    let list = visibleOrders(ctx);
    const query = str(args, "query");
    if (query)
      list = list.filter(
        compileOrderQuery(query, ctx.now, ctx.searchReports, responsePathAsArray(info.path)),
      );
    const limit = int(args, "limit");
    const capped = limit !== undefined && list.length > limit;
    return { count: capped ? limit : list.length, precision: capped ? "AT_LEAST" : "EXACT" };
  },
  order: (_s, args, ctx) => nodeOfType(str(args, "id") ?? "", "Order", ctx),
  fulfillmentOrder: (_s, args, ctx) => nodeOfType(str(args, "id") ?? "", "FulfillmentOrder", ctx),
  fulfillment: (_s, args, ctx) => nodeOfType(str(args, "id") ?? "", "Fulfillment", ctx),
  job: (_s, args, ctx) => nodeOfType(str(args, "id") ?? "", "Job", ctx),
  location: (_s, args, ctx) => {
    const id = str(args, "id");
    return id === undefined ? ctx.shop.primaryLocation : nodeOfType(id, "Location", ctx);
  },
  node: (_s, args, ctx) => nodeById(str(args, "id") ?? "", ctx),
  nodes: (_s, args, ctx) => {
    const ids = strList(args, "ids") ?? [];
    if (ids.length > MAX_INPUT_SIZE) {
      throw shopifyError(
        `The input array size of ${ids.length} is greater than the maximum allowed of ${MAX_INPUT_SIZE}.`,
        "MAX_INPUT_SIZE_EXCEEDED",
      );
    }
    return ids.map((id) => nodeById(id, ctx));
  },
});

export const queryRootTypes: TypeDefinition[] = [queryRootType];
