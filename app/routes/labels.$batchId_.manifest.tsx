import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadDeps } from "~/batches/deps.server";
import { batchManifest } from "~/batches/manifest.server";
import { fileResponse, notFound } from "~/batches/responses";
import { serveDownload } from "~/batches/serve.server";

/** GET /labels/:batchId/manifest: the batch's Einlieferungsliste (Deutsche Post's, or drawn by the app). */
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  serveDownload(request, async (shopDomain) => {
    const file = await batchManifest(downloadDeps(), { shopDomain, batchId: params.batchId ?? "" });
    if (!file) return notFound();
    const response = fileResponse(file, "inline");
    response.headers.set("X-Einlieferungsliste-Source", file.source);
    return response;
  });
