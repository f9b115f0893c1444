// Time-limited, unauthenticated download links for stamps, previews and manifests.
// Expired links answer 410, links that never existed 404. The bytes stay stored: the cart hands out fresh links.
import type { SimContext } from "./context";
import { IM_BASE_PATH } from "./context";
import type { StoredDocument } from "./state";
import { mintDownloadKey } from "./state";

export const DOWNLOAD_PREFIX = `${IM_BASE_PATH}/downloads/`;

export function publishDocument(ctx: SimContext, document: StoredDocument): string {
  const key = mintDownloadKey();
  const expiresAt = new Date(ctx.config.now().getTime() + ctx.config.linkTtlMs);
  ctx.state.downloads.set(key, { document, expiresAt });
  return `${ctx.origin}${DOWNLOAD_PREFIX}${key}`;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

export function handleDownload(ctx: SimContext, key: string): Response {
  const entry = ctx.state.downloads.get(key);
  if (!entry) return plain(404, "Not Found");
  if (entry.expiresAt <= ctx.config.now()) return plain(410, "Gone: the download link has expired");
  const { bytes, contentType, fileName } = entry.document;
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "content-type": contentType,
      "content-length": String(bytes.length),
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}

export const pdfDocument = (bytes: Uint8Array, fileName: string): StoredDocument => ({
  bytes,
  contentType: "application/pdf",
  fileName,
});
