import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { db } from "~/db.server";
import { requestRefunds, UnknownVoucherError } from "~/refunds/request-refunds.server";
import { loadOrderRefunds } from "~/refunds/view.server";
import { kickRefundWorkers } from "~/refunds/worker.server";
import { readJsonBody } from "~/server/body-limit";
import { authenticate } from "~/shopify.server";
import { shopFor } from "~/shops.server";

/**
 * Manual refunds, for the batch page and the order-details block (App Bridge / extension fetch with the
 * session token). POST {voucherIds} files one refund per voucher (Retoure per cart) and answers 202
 * {refundIds}; a voucher that is not this shop's answers 404 and nothing is filed.
 * GET ?orderId=gid://shopify/Order/... lists the order's refunds.
 */
const body = z.object({ voucherIds: z.array(z.string().min(1).max(40)).min(1).max(500) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, cors } = await authenticate.admin(request);
  if (request.method !== "POST") return cors(Response.json({ error: "method_not_allowed" }, { status: 405, headers: { Allow: "POST" } }));
  const read = await readJsonBody(request);
  if (read.tooLarge) return cors(read.tooLarge);
  if (read.json === null) return cors(Response.json({ error: "invalid_json" }, { status: 400 }));
  const parsed = body.safeParse(read.json);
  if (!parsed.success) return cors(Response.json({ error: "invalid_request", issues: parsed.error.issues.map((i) => i.message) }, { status: 400 }));
  const shop = await shopFor(db(), session.shop);
  try {
    const { refundIds } = await requestRefunds(db(), shop.id, parsed.data.voucherIds);
    kickRefundWorkers();
    return cors(Response.json({ refundIds }, { status: 202 }));
  } catch (error) {
    if (error instanceof UnknownVoucherError) return cors(Response.json({ error: "voucher_not_found", voucherIds: error.voucherIds }, { status: 404 }));
    throw error;
  }
};

const orderQuery = z.object({ orderId: z.string().regex(/^gid:\/\/shopify\/Order\/\d+$/) });

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, cors } = await authenticate.admin(request);
  const parsed = orderQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return cors(Response.json({ error: "invalid_request" }, { status: 400 }));
  const shop = await shopFor(db(), session.shop);
  return cors(Response.json({ refunds: await loadOrderRefunds(db(), shop.id, parsed.data.orderId) }));
};
