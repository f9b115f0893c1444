// What a stamp shows, and how one is drawn into a box on a PDF page. Each stamp is wrapped in a
// marked-content sequence "/IMStamp BMC ... EMC" whose first "re" operator is the stamp box, so
// tests (and curious humans) can find the boxes again in the content stream.
import type { PDFFont, PDFPage } from "pdf-lib";
import {
  beginMarkedContent,
  degrees,
  endMarkedContent,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingColor,
  setLineWidth,
  setStrokingColor,
  stroke,
} from "pdf-lib";
import type { AddressBinding, VoucherLayout } from "../checkout-schemas";
import type { Box } from "./layout";
import { matrixModules, MATRIX_MODULES } from "./matrix";

export interface StampContent {
  productName: string;
  priceCents: number;
  /** null on previews */
  voucherId: string | null;
  trackId: string | null;
  address: AddressBinding | null;
  layout: VoucherLayout;
  /** Overprinted "MUSTER": developer accounts and previews. */
  muster: boolean;
  date: Date;
}

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** German decimal format: 95 -> "0,95". */
export function formatCents(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
}

/** One formatter for every stamp: building it is what costs (it was the simulator's dearest function). */
const STAMP_DATE = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  day: "2-digit",
  month: "2-digit",
  year: "2-digit",
});

function formatDate(date: Date): string {
  return STAMP_DATE.format(date);
}

/** Standard PDF fonts speak WinAnsi only: anything else prints as "?". */
function printable(font: PDFFont, text: string): string {
  // Most lines encode whole; only a line that does not is checked letter by letter.
  try {
    font.encodeText(text);
    return text;
  } catch {
    // below
  }
  return [...text]
    .map((ch) => {
      try {
        font.encodeText(ch);
        return ch;
      } catch {
        return "?";
      }
    })
    .join("");
}

function fit(font: PDFFont, text: string, size: number, width: number): string {
  let out = printable(font, text);
  if (font.widthOfTextAtSize(out, size) <= width) return out;
  while (out.length > 1 && font.widthOfTextAtSize(`${out}…`, size) > width) out = out.slice(0, -1);
  return `${out}…`;
}

function drawMatrix(page: PDFPage, x: number, y: number, side: number, seed: string): void {
  const m = side / MATRIX_MODULES;
  const ops = [pushGraphicsState(), setFillingColor(rgb(0, 0, 0))];
  // One rectangle per run of dark modules in a row: the same picture with about half the operators,
  // which the benchmark's simulator otherwise spent a good part of its CPU formatting and compressing.
  matrixModules(seed).forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      let end = c;
      while (row[end + 1]) end++;
      ops.push(rectangle(x + c * m, y + side - (r + 1) * m, (end - c + 1) * m, m));
      c = end;
    }
  });
  page.pushOperators(...ops, fill(), popGraphicsState());
}

function addressLines(address: AddressBinding): { sender: string; receiver: string[] } {
  const s = address.sender;
  const r = address.receiver;
  const sender = [s.additionalName, s.name, s.addressLine1, `${s.postalCode} ${s.city}`]
    .filter(Boolean)
    .join(", ");
  const receiver = [r.additionalName, r.name, r.addressLine1, r.addressLine2, `${r.postalCode} ${r.city}`];
  if (r.country !== "DEU") receiver.push(r.country);
  return { sender, receiver: receiver.filter((l): l is string => Boolean(l)) };
}

export function drawStamp(page: PDFPage, fonts: Fonts, box: Box, stamp: StampContent): void {
  const pad = Math.min(4, box.width / 20);
  const size = Math.max(4, Math.min(8, box.height / 14));
  const lineHeight = size * 1.25;
  const black = rgb(0, 0, 0);

  page.pushOperators(
    beginMarkedContent("IMStamp"),
    pushGraphicsState(),
    setLineWidth(0.5),
    setStrokingColor(rgb(0.6, 0.6, 0.6)),
    rectangle(box.x, box.y, box.width, box.height),
    stroke(),
    popGraphicsState(),
  );

  const withAddress = stamp.layout === "ADDRESS_ZONE" && stamp.address !== null;
  const stampHeight = withAddress ? box.height * 0.5 : box.height;
  const top = box.y + box.height - pad;
  const side = Math.min(stampHeight - 2 * pad, box.width * 0.35, 70);
  drawMatrix(page, box.x + pad, top - side, side, stamp.voucherId ?? "MUSTER");

  const textX = box.x + 2 * pad + side;
  const textWidth = box.x + box.width - pad - textX;
  const lines: Array<[string, PDFFont]> = [
    ["Deutsche Post", fonts.bold],
    [stamp.productName, fonts.regular],
    [`IM ${formatCents(stamp.priceCents)}`, fonts.bold],
    [formatDate(stamp.date), fonts.regular],
    [stamp.voucherId ?? "", fonts.regular],
    [stamp.trackId ?? "", fonts.regular],
  ];
  lines
    .filter(([text]) => text !== "")
    .forEach(([text, font], i) => {
      const y = top - size - i * lineHeight;
      page.drawText(fit(font, text, size, textWidth), { x: textX, y, size, font, color: black });
    });

  if (withAddress && stamp.address) {
    const { sender, receiver } = addressLines(stamp.address);
    const innerWidth = box.width - 2 * pad;
    const senderY = box.y + box.height - stampHeight - size;
    page.drawText(fit(fonts.regular, sender, size * 0.8, innerWidth), {
      x: box.x + pad,
      y: senderY,
      size: size * 0.8,
      font: fonts.regular,
      color: black,
    });
    receiver.forEach((line, i) => {
      const font = i === 0 ? fonts.bold : fonts.regular;
      const y = senderY - (i + 1.5) * lineHeight;
      page.drawText(fit(font, line, size, innerWidth), { x: box.x + pad, y, size, font, color: black });
    });
  }

  if (stamp.muster) {
    const musterSize = Math.max(6, Math.min(box.width / 5, box.height / 3));
    const width = fonts.bold.widthOfTextAtSize("MUSTER", musterSize);
    page.drawText("MUSTER", {
      x: box.x + (box.width - width * 0.87) / 2,
      y: box.y + box.height / 2 - musterSize / 2,
      size: musterSize,
      font: fonts.bold,
      color: rgb(0.85, 0.1, 0.1),
      opacity: 0.6,
      rotate: degrees(15),
    });
  }
  page.pushOperators(endMarkedContent());
}
