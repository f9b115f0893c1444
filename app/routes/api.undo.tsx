import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { db } from "~/db.server";
import { translator } from "~/i18n";
import { kickRefundWorkers } from "~/refunds/worker.server";
import { authenticate } from "~/shopify.server";
import { shopFor } from "~/shops.server";
import { undoFranking } from "~/undo/undo.server";
import { outcomeWords } from "~/undo/words";

/**
 * POST /api/undo {orderIds: ["gid://shopify/Order/…"], locale?: "de"}: "Frankierung stornieren" for the
 * order block, the batch page and a bulk selection (session token, CORS for the admin extensions).
 * Answers 200 {outcomes: [{orderId, orderName, result, reason?, message}]}, one per order, in the admin's
 * language; a refused or failed order does not stop the others. Safe to repeat.
 */
const body = z.object({
  orderIds: z
    .array(z.string().regex(/^gid:\/\/shopify\/Order\/\d+$/))
    .min(1)
    .max(250),
  locale: z.enum(["de", "en"]).optional(),
});

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin, cors } = await authenticate.admin(request);
  if (request.method !== "POST")
    return cors(Response.json({ error: "method_not_allowed" }, { status: 405, headers: { Allow: "POST" } }));
  let input: unknown;
  try {
    input = await request.json();
  } catch {
    return cors(Response.json({ error: "invalid_json" }, { status: 400 }));
  }
  const parsed = body.safeParse(input);
  if (!parsed.success) return cors(Response.json({ error: "invalid_request" }, { status: 400 }));
  const shop = await shopFor(db(), session.shop);
  const outcomes = await undoFranking({ db: db(), admin }, shop.id, parsed.data.orderIds);
  kickRefundWorkers();
  const t = translator(parsed.data.locale ?? "en");
  return cors(
    Response.json({
      outcomes: outcomes.map((o) => {
        const words = outcomeWords(o);
        return {
          orderId: o.orderId,
          orderName: o.orderName,
          result: o.result,
          reason: o.result === "refused" ? o.reason : null,
          message: t(words.key, words.params),
        };
      }),
    }),
  );
};
