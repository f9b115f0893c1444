import type { LoaderFunctionArgs } from "@remix-run/node";
import { batchLabels } from "~/batches/batch-labels.server";
import { downloadDeps } from "~/batches/deps.server";
import { fileResponse, notFound } from "~/batches/responses";
import { serveDownload } from "~/batches/serve.server";
import { db } from "~/db.server";
import { recordBatchPrint, REPRINT_CONFIRMED } from "~/reprints/record.server";

/**
 * GET /labels/:batchId: the batch's merged label PDF (shown inline to print); for a PNG batch its labels
 * ready to stick as a PDF (`?format=png-labels`, the default) or the ZIP of its stamp PNGs (`?format=png`).
 */
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  serveDownload(request, async (shopDomain, url) => {
    const requested = url.searchParams.get("format");
    const format =
      requested === "png" || requested === "pdf" || requested === "png-labels" ? requested : null;
    if (requested !== null && format === null) return notFound();
    const file = await batchLabels(downloadDeps(), { shopDomain, batchId: params.batchId ?? "", format });
    if (!file) return notFound();
    // Every download is recorded; a second one of the same stamps is a reprint (app/reprints).
    const batchId = params.batchId ?? "";
    const acknowledged = url.searchParams.get("reprint") === REPRINT_CONFIRMED;
    const print = await recordBatchPrint(db(), { shopDomain, batchId, acknowledged });
    const response = fileResponse(file, file.contentType === "application/pdf" ? "inline" : "attachment");
    response.headers.set("X-Reprint", String(print?.reprint ?? false));
    return response;
  });
