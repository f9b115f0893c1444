import type { LoaderFunctionArgs } from "@remix-run/node";
import { batchLabels } from "~/batches/batch-labels.server";
import { downloadDeps } from "~/batches/deps.server";
import { fileResponse, notFound } from "~/batches/responses";
import { serveDownload } from "~/batches/serve.server";

/** GET /labels/:batchId: the batch's merged label PDF (shown inline to print), `?format=png` its PNG ZIP. */
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  serveDownload(request, async (shopDomain, url) => {
    const requested = url.searchParams.get("format");
    const format = requested === "png" || requested === "pdf" ? requested : null;
    if (requested !== null && format === null) return notFound();
    const file = await batchLabels(downloadDeps(), { shopDomain, batchId: params.batchId ?? "", format });
    if (!file) return notFound();
    return fileResponse(file, file.contentType === "application/pdf" ? "inline" : "attachment");
  });
