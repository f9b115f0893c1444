import type { RequestHandler } from "express";

/**
 * Request body limits, enforced while reading and before any parsing or HMAC work. Each limit is a
 * few times the largest real body its routes take (README, "Request limits"):
 * - /webhooks: Shopify's order payloads (orders/*, fulfillments/*) are the largest: an order with
 *   500 line items at ~3 KB each in REST form is ~1.5 MB; 4 MiB leaves room for fulfillments and refunds.
 * - /api/*: POST /api/batches with 250 order ids of at most 100 characters is ~27 KB; 64 KiB.
 * - /app/* and everything else: the settings forms (rules, packaging) stay below 20 KB; 256 KiB.
 */
export const BODY_LIMITS: ReadonlyArray<{ prefix: string; bytes: number }> = [
  { prefix: "/webhooks", bytes: 4 * 1024 * 1024 },
  { prefix: "/api/", bytes: 64 * 1024 },
];
export const DEFAULT_BODY_LIMIT = 256 * 1024;

export function bodyLimitFor(pathname: string): number {
  return (
    BODY_LIMITS.find((l) => pathname === l.prefix || pathname.startsWith(l.prefix))?.bytes ??
    DEFAULT_BODY_LIMIT
  );
}

/** 413 with the limit named; the connection is closed so the rest of the body is never read. */
export function payloadTooLarge(limit: number): Response {
  return Response.json(
    { error: "payload_too_large", limitBytes: limit },
    { status: 413, headers: { Connection: "close" } },
  );
}

export class PayloadTooLargeError extends Error {
  override name = "PayloadTooLargeError";
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}

/**
 * Reads the body, counting while it arrives; past `limit` bytes it stops reading (the stream is
 * not read further) and throws a PayloadTooLargeError. A declared Content-Length over the limit is refused
 * before the first byte is read.
 */
export async function readLimitedBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLargeError(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Stop reading; the rest stays in the socket and the 413 closes the connection
      // (cancelling would tear the socket down before the answer is written).
      reader.releaseLock();
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** A copy of the request carrying the already-read body (for code that reads it again, e.g. JSON). */
export function withBody(request: Request, body: Uint8Array<ArrayBuffer>): Request {
  return new Request(request.url, { method: request.method, headers: request.headers, body });
}

/**
 * Express middleware in front of Remix: a declared Content-Length over the route's limit is answered
 * 413 at once, without reading the body, and the connection is closed. Bodies without a length
 * (chunked) are counted by the routes that read them (readLimitedBody).
 */
export const refuseOversizeBodies: RequestHandler = (req, res, next) => {
  const declared = Number(req.headers["content-length"] ?? "NaN");
  const limit = bodyLimitFor(req.path);
  if (!Number.isFinite(declared) || declared <= limit) return next();
  res.status(413).set("Connection", "close").json({ error: "payload_too_large", limitBytes: limit });
  // Do not wait for (or buffer) the rest of the upload.
  res.on("finish", () => req.socket.destroySoon());
};

/**
 * The JSON body of an API request, read within the route's limit: `{ json }` (null when it is not
 * JSON) or `{ tooLarge }` with the 413 answer to send.
 */
export async function readJsonBody(
  request: Request,
): Promise<{ json: unknown; tooLarge?: undefined } | { tooLarge: Response }> {
  const limit = bodyLimitFor(new URL(request.url).pathname);
  try {
    const bytes = await readLimitedBody(request, limit);
    try {
      return { json: JSON.parse(new TextDecoder().decode(bytes)) as unknown };
    } catch {
      return { json: null };
    }
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return { tooLarge: payloadTooLarge(limit) };
    throw error;
  }
}
