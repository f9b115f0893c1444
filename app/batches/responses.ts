/** HTTP responses for downloads: never cached by shared caches, never sniffed. */
export interface FileBody {
  bytes: Uint8Array;
  contentType: string;
  filename: string;
}

/** `inline` lets a PDF open in the browser's viewer (to print); ZIPs and CSVs are saved. */
export function fileResponse(file: FileBody, disposition: "inline" | "attachment" = "attachment"): Response {
  const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const body = new ArrayBuffer(file.bytes.byteLength);
  new Uint8Array(body).set(file.bytes);
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export function notFound(text = "Not found"): Response {
  return new Response(text, {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
