import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadDeps } from "~/batches/deps.server";
import { orderLabels, parseOrderIds } from "~/batches/order-labels.server";
import { fileResponse, notFound } from "~/batches/responses";
import { serveDownload } from "~/batches/serve.server";

/**
 * GET /labels/orders.pdf?ids=<order id or gid>,...: each order's label on a page of its own (only its cell,
 * no other order's stamp). `X-Missing-Orders` names asked-for orders without a stamp.
 */
export const loader = ({ request }: LoaderFunctionArgs) =>
  serveDownload(request, async (shopDomain, url) => {
    const file = await orderLabels(downloadDeps(), { shopDomain, orderIds: parseOrderIds(url.searchParams) });
    if (!file) return notFound();
    const response = fileResponse(file, "inline");
    response.headers.set("X-Missing-Orders", file.missing.join(","));
    return response;
  });
