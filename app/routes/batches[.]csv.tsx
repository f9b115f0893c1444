import type { LoaderFunctionArgs } from "@remix-run/node";
import { bookkeepingCsv } from "~/batches/csv";
import { bookkeepingRows, dayRange, type ExportScope } from "~/batches/csv.server";
import { fileResponse, notFound } from "~/batches/responses";
import { serveDownload } from "~/batches/serve.server";
import { db } from "~/db.server";
import { resolveLocale } from "~/i18n";

function scopeOf(url: URL): ExportScope | null {
  const batchId = url.searchParams.get("batch");
  if (batchId) return { batchId };
  return dayRange(url.searchParams.get("from") ?? "", url.searchParams.get("to") ?? "");
}

/** GET /batches.csv?batch=<id> or ?from=YYYY-MM-DD&to=YYYY-MM-DD: the stamps for bookkeeping. */
export const loader = ({ request }: LoaderFunctionArgs) =>
  serveDownload(request, async (shopDomain, url) => {
    const scope = scopeOf(url);
    if (!scope) return new Response("Give batch=<id> or from and to as YYYY-MM-DD", { status: 400 });
    const rows = await bookkeepingRows(db(), shopDomain, scope);
    if (!rows) return notFound();
    const name =
      "batchId" in scope
        ? `frankierung-${scope.batchId.slice(-6)}`
        : `frankierung-${url.searchParams.get("from")}-${url.searchParams.get("to")}`;
    return fileResponse({
      bytes: new TextEncoder().encode(bookkeepingCsv(rows, resolveLocale(request))),
      contentType: "text/csv; charset=utf-8",
      filename: `${name}.csv`,
    });
  });
