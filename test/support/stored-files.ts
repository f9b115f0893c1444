import { inflateSync } from "node:zlib";

/**
 * Whether a stored file (a label PDF, a PNG ZIP, a manifest) shows `text`: searched in the raw bytes,
 * as the hex strings pdf-lib writes text with, and inside every Flate stream.
 */
export function fileShows(bytes: Uint8Array, text: string): boolean {
  const needles = [
    text,
    Buffer.from(text, "latin1").toString("hex").toUpperCase(),
    Buffer.from(text, "latin1").toString("hex"),
  ];
  const buffer = Buffer.from(bytes);
  const found = (haystack: string) => needles.some((n) => haystack.includes(n));
  if (found(buffer.toString("latin1"))) return true;
  const raw = buffer.toString("latin1");
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) continue;
    try {
      if (found(inflateSync(buffer.subarray(start, end)).toString("latin1"))) return true;
    } catch {
      // Not a Flate stream (or an image): nothing to read.
    }
  }
  return false;
}
