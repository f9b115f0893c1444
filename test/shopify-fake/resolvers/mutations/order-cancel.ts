import { randomUUID } from "node:crypto";
import { gid, parseGid } from "../../gid";
import type { FakeOrder } from "../../model";
import { applyCancellation } from "../../order-logic";
import type { FakeShopState } from "../../shop-state";
import { bool, has, obj, str } from "../../graphql/args";
import type { FakeContext } from "../../graphql/context";
import { invalidGlobalId, type Args } from "../../graphql/registry";
import { requireScope } from "../../graphql/scopes";
import { orderWebhookBody } from "../../webhooks/payloads";

export interface CancelProblem {
  field: string[];
  message: string;
  code: "INVALID" | "NOT_FOUND";
}

/** Why Shopify refuses to cancel an order, or null when it may be cancelled. */
export function cancelProblem(order: FakeOrder | undefined): CancelProblem | null {
  if (!order) return { field: ["orderId"], message: "Order does not exist", code: "NOT_FOUND" };
  if (order.cancelledAt) {
    return {
      field: ["orderId"],
      message: "Cannot cancel an order that has already been canceled",
      code: "INVALID",
    };
  }
  if (order.fulfillments.some((f) => f.status === "SUCCESS")) {
    return {
      field: ["orderId"],
      message: "Cannot cancel an order that has outstanding fulfillments",
      code: "INVALID",
    };
  }
  return null;
}

export interface CancelOptions {
  reason: string;
  restock: boolean;
  refund: boolean;
  staffNote: string | null;
}

/** Applies a cancellation and records it; shared by the mutation and the merchant's Cancel button. */
export function cancelInShop(shop: FakeShopState, order: FakeOrder, at: Date, options: CancelOptions): void {
  applyCancellation(order, { at, reason: options.reason, restock: options.restock, refund: options.refund });
  shop.record(
    "cancelled",
    gid("Order", order.id),
    `Order ${order.name} was cancelled (${options.reason.toLowerCase()})`,
  );
}

function failure(problem: CancelProblem) {
  return {
    job: null,
    jobResult: null,
    orderCancelUserErrors: [problem],
    userErrors: [{ field: problem.field, message: problem.message }],
  };
}

/**
 * orderCancel (2026-10): asynchronous on Shopify, so it answers with a Job that is not done yet. The fake
 * applies the cancellation at once (a later `job(id:)` read reports done) and queues orders/cancelled.
 */
export function orderCancel(_source: unknown, args: Args, ctx: FakeContext) {
  requireScope(ctx, "orderCancel", ["write_orders"]);
  const orderId = str(args, "orderId") ?? "";
  const parsed = parseGid(orderId);
  if (!parsed) throw invalidGlobalId(orderId);
  const staffNote = str(args, "staffNote") ?? null;
  if (staffNote !== null && staffNote.length > 255) {
    return failure({
      field: ["staffNote"],
      message: "Staff note is too long. Maximum length is 255 characters.",
      code: "INVALID",
    });
  }
  const refundMethod = obj(args, "refundMethod");
  if (has(args, "refund") && args.refund !== null && refundMethod) {
    return failure({
      field: ["refund"],
      message: "Only one of the arguments `refund` or `refund_method` is allowed.",
      code: "INVALID",
    });
  }
  const order = parsed.type === "Order" ? ctx.shop.order(parsed.id) : undefined;
  const problem = cancelProblem(order);
  if (problem || !order)
    return failure(problem ?? { field: ["orderId"], message: "Order does not exist", code: "NOT_FOUND" });
  const refund =
    bool(args, "refund") === true ||
    refundMethod?.originalPaymentMethodsRefund === true ||
    obj(refundMethod ?? {}, "storeCreditRefund") !== undefined;
  cancelInShop(ctx.shop, order, ctx.now, {
    reason: str(args, "reason") ?? "OTHER",
    restock: bool(args, "restock") ?? false,
    refund,
    staffNote,
  });
  const jobId = randomUUID();
  ctx.shop.jobs.add(jobId);
  ctx.emit("orders/cancelled", () => orderWebhookBody(order, ctx.shop, ctx.app));
  ctx.emit("orders/updated", () => orderWebhookBody(order, ctx.shop, ctx.app));
  return {
    job: { __typename: "Job", id: jobId, done: false },
    jobResult: {
      __typename: "OrderCancelJobResult",
      id: gid("Job", jobId),
      done: false,
      status: "STARTED",
      errors: [],
      order,
    },
    orderCancelUserErrors: [],
    userErrors: [],
  };
}
