/**
 * The Einlieferungsliste drawn by the app when Deutsche Post sent no manifest for a batch (the cart was
 * bought without `createManifest`, or the manifest link expired unfetched): the registered-mail
 * (Einschreiben) vouchers of the batch as a table on A4 landscape pages, with the count and signature
 * lines for handing them in at the post office. Vouchers without a tracking number are not listed.
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { encodable, fitText } from "./pdf-text";

export interface PostingListItem {
  voucherId: string;
  /** Einschreiben tracking number; items without one are left out. */
  trackingNumber: string | null;
  productName: string;
  recipientName: string;
  postalCode: string;
  city: string;
  /** ISO alpha-2 or alpha-3 of the recipient's country; shown after the city when it is not Germany. */
  countryCode?: string | null;
}

export interface PostingListMeta {
  shopName: string;
  /** How the merchant knows the batch, e.g. "Stapel 12" or the batch id. */
  batchLabel: string;
  createdAt: Date;
  /** Sender line (name and town) as on the stamps, if known. */
  sender?: string | null;
}

const PAGE = { width: 841.89, height: 595.28 }; // A4 landscape in points
const MARGIN = 40;
const ROW = 15;
const SIZE = 9;
const COLUMNS = [
  { title: "Nr.", width: 28 },
  { title: "Sendungsnummer", width: 105 },
  { title: "Frankier-ID", width: 125 },
  { title: "Produkt", width: 165 },
  { title: "Empfänger", width: 160 },
  { title: "PLZ", width: 50 },
  { title: "Ort", width: PAGE.width - 2 * MARGIN - 633 },
] as const;
const HEADER_HEIGHT = 70;
const FOOTER_HEIGHT = 90;
const ROWS_PER_PAGE = Math.floor((PAGE.height - 2 * MARGIN - HEADER_HEIGHT - FOOTER_HEIGHT) / ROW);

const berlin = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  dateStyle: "medium",
  timeStyle: "short",
});

function cells(item: PostingListItem, index: number): string[] {
  const code = item.countryCode?.toUpperCase() ?? "";
  const country = code === "" || code === "DE" || code === "DEU" ? "" : ` (${code})`;
  return [
    String(index + 1),
    item.trackingNumber ?? "",
    item.voucherId,
    item.productName,
    item.recipientName,
    item.postalCode,
    `${item.city}${country}`,
  ];
}

function drawRow(page: PDFPage, font: PDFFont, values: readonly string[], y: number) {
  let x = MARGIN;
  COLUMNS.forEach((column, i) => {
    page.drawText(fitText(font, values[i] ?? "", SIZE, column.width - 6), { x, y, size: SIZE, font });
    x += column.width;
  });
}

function drawHeader(page: PDFPage, fonts: { regular: PDFFont; bold: PDFFont }, meta: PostingListMeta) {
  let y = PAGE.height - MARGIN;
  page.drawText("Einlieferungsliste Einschreiben (INTERNETMARKE)", {
    x: MARGIN,
    y,
    size: 14,
    font: fonts.bold,
  });
  y -= 18;
  const line = [meta.shopName, meta.batchLabel, berlin.format(meta.createdAt), meta.sender ?? ""]
    .filter((part) => part !== "")
    .join("  ·  ");
  page.drawText(fitText(fonts.regular, line, 10, PAGE.width - 2 * MARGIN), {
    x: MARGIN,
    y,
    size: 10,
    font: fonts.regular,
  });
  y = PAGE.height - MARGIN - HEADER_HEIGHT + ROW;
  drawRow(
    page,
    fonts.bold,
    COLUMNS.map((c) => c.title),
    y,
  );
  page.drawLine({
    start: { x: MARGIN, y: y - 4 },
    end: { x: PAGE.width - MARGIN, y: y - 4 },
    thickness: 0.7,
    color: rgb(0, 0, 0),
  });
}

function drawClosing(page: PDFPage, fonts: { regular: PDFFont; bold: PDFFont }, count: number, y: number) {
  page.drawText(`Anzahl Sendungen: ${count}`, { x: MARGIN, y, size: 10, font: fonts.bold });
  const lineY = y - 45;
  const labels = ["Datum", "Unterschrift Einlieferer", "Annahme Deutsche Post"];
  const width = (PAGE.width - 2 * MARGIN) / labels.length;
  labels.forEach((label, i) => {
    const x = MARGIN + i * width;
    page.drawLine({ start: { x, y: lineY }, end: { x: x + width - 30, y: lineY }, thickness: 0.5 });
    page.drawText(encodable(fonts.regular, label), { x, y: lineY - 12, size: 8, font: fonts.regular });
  });
}

/** The posting list as a PDF, or `null` when the batch has no registered-mail voucher. */
export async function renderPostingList(
  meta: PostingListMeta,
  items: readonly PostingListItem[],
): Promise<Uint8Array | null> {
  const registered = items.filter((item) => item.trackingNumber !== null && item.trackingNumber !== "");
  if (registered.length === 0) return null;
  const doc = await PDFDocument.create();
  doc.setTitle(`Einlieferungsliste ${meta.batchLabel}`);
  doc.setProducer("Frankiermeister");
  doc.setCreationDate(meta.createdAt);
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const pageCount = Math.ceil(registered.length / ROWS_PER_PAGE);
  for (let p = 0; p < pageCount; p++) {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    drawHeader(page, fonts, meta);
    let y = PAGE.height - MARGIN - HEADER_HEIGHT;
    registered.slice(p * ROWS_PER_PAGE, (p + 1) * ROWS_PER_PAGE).forEach((item, i) => {
      drawRow(page, fonts.regular, cells(item, p * ROWS_PER_PAGE + i), y);
      y -= ROW;
    });
    if (p === pageCount - 1) drawClosing(page, fonts, registered.length, y - 10);
    const footer = `Seite ${p + 1} von ${pageCount}`;
    page.drawText(footer, {
      x: PAGE.width - MARGIN - fonts.regular.widthOfTextAtSize(footer, 8),
      y: MARGIN / 2,
      size: 8,
      font: fonts.regular,
    });
  }
  return doc.save();
}
