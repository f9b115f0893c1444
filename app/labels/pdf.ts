/**
 * PDF plumbing shared by the label, order-page and manifest functions: load a stored part strictly,
 * copy pages into a new document.
 */
import { EncryptedPDFError, PDFDocument } from "pdf-lib";
import { LabelFileError, NotAPdfError } from "./errors";

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
/** The PDF spec lets a header start within the first 1024 bytes (some producers put junk before it). */
const HEADER_WINDOW = 1024;

export function looksLikePdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF_MAGIC.length, HEADER_WINDOW);
  for (let i = 0; i <= end; i++) {
    if (PDF_MAGIC.every((b, k) => bytes[i + k] === b)) return true;
  }
  return false;
}

/** Loads one part; anything unreadable (or without pages) is a typed error naming the part. */
export async function loadPart(bytes: Uint8Array, part: number): Promise<PDFDocument> {
  if (!looksLikePdf(bytes)) throw new NotAPdfError(part, "no %PDF- header");
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false });
  } catch (error) {
    if (error instanceof EncryptedPDFError) {
      throw new LabelFileError("encrypted_pdf", `Part ${part} is an encrypted PDF`, { part, cause: error });
    }
    throw new NotAPdfError(part, error instanceof Error ? error.message : String(error), error);
  }
  if (doc.getPageCount() === 0) throw new NotAPdfError(part, "it has no pages");
  return doc;
}

export async function newOutput(title: string): Promise<PDFDocument> {
  const out = await PDFDocument.create();
  out.setTitle(title);
  out.setProducer("Frankiermeister");
  out.setCreator("Frankiermeister");
  return out;
}

/** Appends the given 0-based pages of `source` (all if omitted) to `out`, keeping their size and rotation. */
export async function appendPages(out: PDFDocument, source: PDFDocument, indices?: readonly number[]) {
  const pages = await out.copyPages(source, [...(indices ?? source.getPageIndices())]);
  for (const page of pages) out.addPage(page);
}
