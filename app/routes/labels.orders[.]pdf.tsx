import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadDeps } from "~/batches/deps.server";
import { orderLabels, parseOrderIds } from "~/batches/order-labels.server";
import { fileResponse, notFound } from "~/batches/responses";
import { serveDownload } from "~/batches/serve.server";
import { db } from "~/db.server";
import { recordOrderPrints, REPRINT_CONFIRMED } from "~/reprints/record.server";

/**
 * GET /labels/orders.pdf?ids=<order id or gid>,...: each order's label on a page of its own (only its cell,
 * no other order's stamp). `X-Missing-Orders` names asked-for orders without a stamp.
 */
export const loader = ({ request }: LoaderFunctionArgs) =>
  serveDownload(request, async (shopDomain, url) => {
    const orderIds = parseOrderIds(url.searchParams);
    const file = await orderLabels(downloadDeps(), { shopDomain, orderIds });
    if (!file) return notFound();
    // Every download is recorded; stamps printed before make it a reprint (app/reprints).
    const acknowledged = url.searchParams.get("reprint") === REPRINT_CONFIRMED;
    const print = await recordOrderPrints(db(), {
      shopDomain,
      orderIds: orderIds.filter((id) => !file.missing.includes(id)),
      acknowledged,
    });
    const response = fileResponse(file, "inline");
    response.headers.set("X-Reprint", String(print?.reprint ?? false));
    response.headers.set("X-Missing-Orders", file.missing.join(","));
    return response;
  });
