/**
 * What the app prints on a label cell beside Deutsche Post's stamp (ADR 014): the order name on every cell,
 * and for a franking-zone stamp the recipient address. The stamp keeps the upper half of the cell (the
 * franking zone; with the address-zone layout Deutsche Post prints the address in the lower half). So:
 * - the recipient address: a left-aligned block in the lower half, 6-10 pt Helvetica, no blank lines;
 * - the order name: small, turned 90°, in a 3.5 mm strip along the cell's right edge in the lower half,
 *   outside the franking zone and never below the address block's last line.
 * Each addition is a marked-content sequence `/FMLabel BMC … EMC`, so tests can tell it from the stamp.
 */
import {
  beginMarkedContent,
  degrees,
  endMarkedContent,
  rgb,
  StandardFonts,
  type PDFDocument,
  type PDFFont,
  type PDFPage,
} from "pdf-lib";
import type { LabelPosition } from "~/internetmarke";
import { cellBox, POINTS_PER_MM, type Box, type PageGeometry } from "./cells";
import { LabelFileError } from "./errors";
import { fitText } from "./pdf-text";
import { loadPart } from "./pdf";

export interface LabelNote {
  /** Where Deutsche Post printed the stamp (cart-relative page). */
  position: LabelPosition;
  /** "#1012": printed on every cell. */
  orderName: string;
  /** The recipient address the app prints (franking-zone stamps), or null. */
  addressLines: readonly string[] | null;
}

const STRIP = 3.5 * POINTS_PER_MM;
const black = rgb(0, 0, 0);

function drawOrderName(page: PDFPage, font: PDFFont, cell: Box, name: string) {
  const lower = cell.height / 2;
  const size = Math.max(5, Math.min(8, STRIP * 0.8));
  const text = fitText(font, name, size, lower - 4);
  // Turned 90° counter-clockwise: the baseline runs upwards along the right edge.
  page.drawText(text, {
    x: cell.x + cell.width - STRIP * 0.25,
    y: cell.y + 2,
    size,
    font,
    color: black,
    rotate: degrees(90),
  });
}

function drawAddress(page: PDFPage, font: PDFFont, bold: PDFFont, cell: Box, lines: readonly string[]) {
  const pad = Math.min(4 * POINTS_PER_MM, cell.width / 20);
  const area = { x: cell.x + pad, top: cell.y + cell.height / 2 - pad / 2, bottom: cell.y + pad / 2 };
  const width = cell.width - 2 * pad - STRIP;
  const size = Math.max(6, Math.min(10, (area.top - area.bottom) / (lines.length * 1.2)));
  lines.forEach((line, i) => {
    const y = area.top - size * (i + 1) * 1.2 + size * 0.2;
    const f = i === 0 ? bold : font;
    page.drawText(fitText(f, line, size, width), { x: area.x, y, size, font: f, color: black });
  });
}

/**
 * `pdf` (one cart's label file) with the notes drawn into their cells. `geometry` is the page format's
 * layout; the cells are scaled to the PDF's real page size.
 */
export async function annotateLabels(
  pdf: Uint8Array,
  geometry: PageGeometry,
  notes: readonly LabelNote[],
  part = 0,
): Promise<Uint8Array> {
  if (notes.length === 0) return pdf;
  const doc: PDFDocument = await loadPart(pdf, part);
  await annotateDocument(doc, geometry, notes, part);
  return doc.save();
}

/**
 * The same on a parsed document, changed in place: a merge draws the notes on each part just before
 * copying its pages, instead of saving every part and parsing it again (that round trip was most of a
 * batch's label file build). The fonts are written into the document, so copied pages carry them.
 */
export async function annotateDocument(
  doc: PDFDocument,
  geometry: PageGeometry,
  notes: readonly LabelNote[],
  part = 0,
): Promise<void> {
  if (notes.length === 0) return;
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (const note of notes) {
    if (note.position.page > doc.getPageCount()) {
      throw new LabelFileError("page_out_of_range", `Part ${part} has no page ${note.position.page}`, {
        part,
      });
    }
    const page = doc.getPage(note.position.page - 1);
    const cell = cellBox(geometry, note.position, page.getSize());
    page.pushOperators(beginMarkedContent("FMLabel"));
    if (note.addressLines && note.addressLines.length > 0)
      drawAddress(page, font, bold, cell, note.addressLines);
    drawOrderName(page, bold, cell, note.orderName);
    page.pushOperators(endMarkedContent());
  }
  await doc.flush();
}
