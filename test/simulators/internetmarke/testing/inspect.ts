// Reads the simulator's documents back for assertions: stamp boxes and texts from PDF content
// streams, tEXt chunks from PNGs, entries from ZIPs.
import { unzipSync } from "fflate";
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from "pdf-lib";
import type { PDFObject } from "pdf-lib";

export interface InspectedStamp {
  box: { x: number; y: number; width: number; height: number };
  texts: string[];
}

export interface InspectedPage {
  width: number;
  height: number;
  stamps: InspectedStamp[];
}

function streamText(object: PDFObject | undefined, doc: PDFDocument): string {
  const resolved = object ? doc.context.lookup(object) : undefined;
  if (resolved instanceof PDFArray)
    return resolved
      .asArray()
      .map((o) => streamText(o, doc))
      .join("\n");
  if (resolved instanceof PDFRawStream)
    return Buffer.from(decodePDFRawStream(resolved).decode()).toString("latin1");
  return "";
}

function winAnsi(hex: string): string {
  const bytes = Buffer.from(hex, "hex");
  return [...bytes].map((b) => (b === 0x85 ? "…" : String.fromCharCode(b))).join("");
}

const RE = /(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/;

export async function inspectPdf(bytes: Uint8Array): Promise<InspectedPage[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const content = streamText(page.node.get(page.node.context.obj("Contents")), doc);
    const stamps = content
      .split("/IMStamp BMC")
      .slice(1)
      .map((segment) => {
        const body = segment.split(/\nEMC\b/)[0] ?? "";
        const m = RE.exec(body);
        if (!m) throw new Error("stamp without a box");
        const [x, y, width, height] = m.slice(1, 5).map(Number);
        const texts = [...body.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map((t) => winAnsi(t[1] ?? ""));
        return { box: { x: x ?? NaN, y: y ?? NaN, width: width ?? NaN, height: height ?? NaN }, texts };
      });
    const { width, height } = page.getSize();
    return { width, height, stamps };
  });
}

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pages = await PDFDocument.load(bytes);
  return pages
    .getPages()
    .map((page) => streamText(page.node.get(page.node.context.obj("Contents")), pages))
    .flatMap((content) => [...content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map((t) => winAnsi(t[1] ?? "")))
    .join("\n");
}

const PNG_SIGNATURE = "89504e470d0a1a0a";

export function inspectPng(bytes: Uint8Array): {
  width: number;
  height: number;
  text: Record<string, string>;
} {
  const buf = Buffer.from(bytes);
  if (buf.subarray(0, 8).toString("hex") !== PNG_SIGNATURE) throw new Error("not a PNG");
  const text: Record<string, string> = {};
  let width = 0;
  let height = 0;
  for (let offset = 8; offset < buf.length;) {
    const length = buf.readUInt32BE(offset);
    const type = buf.subarray(offset + 4, offset + 8).toString("latin1");
    const data = buf.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    }
    if (type === "tEXt") {
      const zero = data.indexOf(0);
      text[data.subarray(0, zero).toString("latin1")] = data.subarray(zero + 1).toString("latin1");
    }
    offset += 12 + length;
  }
  return { width, height, text };
}

export function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export const MM = 72 / 25.4;
