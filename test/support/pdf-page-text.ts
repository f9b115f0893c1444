// The text drawn on each page of a PDF, including form XObjects (a page cut out of another and drawn in),
// for assertions on label files: the stamps' texts and what the app prints beside them.
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from "pdf-lib";
import type { PDFObject } from "pdf-lib";

function winAnsi(hex: string): string {
  return [...Buffer.from(hex, "hex")].map((b) => (b === 0x85 ? "…" : String.fromCharCode(b))).join("");
}

function decoded(stream: PDFRawStream): string {
  return Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
}

interface Clip {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

/** Texts drawn by pdf-lib (`a b c d x y Tm <hex> Tj`); with a clip, only those starting inside it. */
function texts(content: string, clip?: Clip): string[] {
  const n = "(-?[\\d.]+)";
  const re = new RegExp(`${n} ${n} ${n} ${n} ${n} ${n} Tm\\s*<([0-9A-Fa-f]*)> Tj`, "g");
  return [...content.matchAll(re)].flatMap((m) => {
    const [x, y] = [Number(m[5]), Number(m[6])];
    const inside =
      !clip ||
      (x >= clip.left - 0.5 && x <= clip.right + 0.5 && y >= clip.bottom - 0.5 && y <= clip.top + 0.5);
    return inside ? [winAnsi(m[7] ?? "")] : [];
  });
}

function clipOf(form: PDFRawStream): Clip | undefined {
  const box = form.dict.lookup(PDFName.of("BBox"));
  if (!(box instanceof PDFArray)) return undefined;
  const [left = 0, bottom = 0, right = 0, top = 0] = box.asArray().map((v) => Number(v.toString()));
  return { left, bottom, right, top };
}

function streamsOf(doc: PDFDocument, object: PDFObject | undefined): PDFRawStream[] {
  const resolved = object instanceof PDFRef ? doc.context.lookup(object) : object;
  if (resolved instanceof PDFArray) return resolved.asArray().flatMap((o) => streamsOf(doc, o));
  return resolved instanceof PDFRawStream ? [resolved] : [];
}

function xObjectTexts(doc: PDFDocument, resources: PDFObject | undefined, depth = 0): string[] {
  const dict = resources instanceof PDFRef ? doc.context.lookup(resources) : resources;
  if (!(dict instanceof PDFDict) || depth > 4) return [];
  const xobjects = dict.lookup(PDFName.of("XObject"));
  if (!(xobjects instanceof PDFDict)) return [];
  return xobjects.values().flatMap((ref) => {
    const form = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
    if (!(form instanceof PDFRawStream)) return [];
    return [
      ...texts(decoded(form), clipOf(form)),
      ...xObjectTexts(doc, form.dict.get(PDFName.of("Resources")), depth + 1),
    ];
  });
}

/**
 * Per page: every text shown on it (content streams first, then its form XObjects, where only texts that
 * start inside the form's bounding box count: the rest is clipped away and never printed).
 */
export async function pageTexts(bytes: Uint8Array): Promise<string[][]> {
  const doc = await PDFDocument.load(bytes);
  return doc
    .getPages()
    .map((page) => [
      ...streamsOf(doc, page.node.get(PDFName.of("Contents"))).flatMap((s) => texts(decoded(s))),
      ...xObjectTexts(doc, page.node.get(PDFName.of("Resources"))),
    ]);
}

/** Per page: the texts of its content streams with where they start (points, origin bottom left). */
export async function positionedTexts(
  bytes: Uint8Array,
): Promise<Array<Array<{ text: string; x: number; y: number }>>> {
  const doc = await PDFDocument.load(bytes);
  const n = "(-?[\\d.]+)";
  const re = new RegExp(`${n} ${n} ${n} ${n} ${n} ${n} Tm\\s*<([0-9A-Fa-f]*)> Tj`, "g");
  return doc
    .getPages()
    .map((page) =>
      streamsOf(doc, page.node.get(PDFName.of("Contents"))).flatMap((s) =>
        [...decoded(s).matchAll(re)].map((m) => ({
          text: winAnsi(m[7] ?? ""),
          x: Number(m[5]),
          y: Number(m[6]),
        })),
      ),
    );
}
