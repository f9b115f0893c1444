// Real PDFs: a sheet of stamps laid out on a page format, a single preview stamp, and the
// posting receipt (manifest) of a cart.
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import type { PageFormat } from "../data";
import type { Box, GridPosition } from "./layout";
import { mmToPt, pageSizePt, stampBoxPt } from "./layout";
import type { Fonts, StampContent } from "./stamp";
import { drawStamp, formatCents } from "./stamp";

export interface PlacedStamp {
  position: GridPosition;
  stamp: StampContent;
}

async function newDocument(title: string, now: Date): Promise<{ doc: PDFDocument; fonts: Fonts }> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setProducer("INTERNETMARKE simulator");
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  return { doc, fonts };
}

/** One page per page number used (pages in between stay empty), each stamp in its grid cell. */
export async function renderStampSheet(
  format: PageFormat,
  stamps: PlacedStamp[],
  meta: { title: string; now: Date },
): Promise<Uint8Array> {
  const { doc, fonts } = await newDocument(meta.title, meta.now);
  const pageCount = Math.max(1, ...stamps.map((s) => s.position.page));
  const size = pageSizePt(format);
  const pages = Array.from({ length: pageCount }, () => doc.addPage([size.width, size.height]));
  for (const { position, stamp } of stamps) {
    const page = pages[position.page - 1];
    if (page) drawStamp(page, fonts, stampBoxPt(format, position), stamp);
  }
  return doc.save();
}

/** Preview without a page format: one page the size of a typical stamp cell (90 x 55 mm). */
export async function renderSingleStamp(stamp: StampContent, now: Date): Promise<Uint8Array> {
  const { doc, fonts } = await newDocument("INTERNETMARKE Vorschau", now);
  const box: Box = { x: 0, y: 0, width: mmToPt(90), height: mmToPt(55) };
  drawStamp(doc.addPage([box.width, box.height]), fonts, box, stamp);
  return doc.save();
}

export interface ManifestLine {
  voucherId: string;
  trackId: string | null;
  productName: string;
  priceCents: number;
}

/** Einlieferungsbeleg: the cart's vouchers on A4 pages, 40 lines per page. */
export async function renderManifest(
  meta: { shopOrderId: string; serialNumber: string; now: Date },
  lines: ManifestLine[],
): Promise<Uint8Array> {
  const { doc, fonts } = await newDocument(`Einlieferungsbeleg ${meta.shopOrderId}`, meta.now);
  const perPage = 40;
  const total = lines.reduce((sum, l) => sum + l.priceCents, 0);
  for (let start = 0; start === 0 || start < lines.length; start += perPage) {
    const page = doc.addPage([mmToPt(210), mmToPt(297)]);
    const left = mmToPt(20);
    let y = mmToPt(297 - 20);
    const write = (text: string, bold = false, size = 9) => {
      page.drawText(text, { x: left, y, size, font: bold ? fonts.bold : fonts.regular, color: rgb(0, 0, 0) });
      y -= size * 1.6;
    };
    write("Einlieferungsbeleg INTERNETMARKE", true, 12);
    write(`Auftrag ${meta.shopOrderId} - Portokasse ${meta.serialNumber} - ${meta.now.toISOString()}`);
    for (const line of lines.slice(start, start + perPage)) {
      const track = line.trackId ? ` ${line.trackId}` : "";
      write(`${line.voucherId}${track}  ${line.productName}  ${formatCents(line.priceCents)} EUR`);
    }
    if (start + perPage >= lines.length)
      write(`Summe: ${lines.length} Marken, ${formatCents(total)} EUR`, true);
  }
  return doc.save();
}
