/**
 * Labels ready to stick for PNG batches (ADR 023). Deutsche Post answers a PNG checkout with one image per
 * stamp and nothing beside it, so the app puts each stamp on a label-sized page of its own, at the stamp's
 * real size, with what ADR 014 prints beside a stamp on a sheet: the order name on every label, and for a
 * franking-zone stamp the recipient address. One page per stamp, in batch order; any printer (label printer
 * or office printer at 100 %) prints them at size. The page:
 *
 *   ┌─────────────────────────────┐
 *   │           ┌───────────────┐ │   with an address: the stamp top right (stuck with the label's right edge
 *   │           │ stamp         │ │   near the envelope's, the stamp lies in the franking zone), the address
 *   │           └───────────────┘ │   block below it (10 pt Helvetica, bold first line, at most 80 mm wide),
 *   │ Erika Muster             #1 │   the order name turned 90° in a 3.5 mm strip along the right edge,
 *   │ Heidestr. 17             01 │   beside the address and starting at its last line: outside the
 *   │ 51147 Köln               2  │   franking zone and not in the address's column. A stamp alone: the
 *   └─────────────────────────────┘   stamp top left, the strip beside it (lower half).
 *
 * Pure: bytes in, bytes out. Each addition is a marked-content sequence `/FMLabel BMC … EMC`, as in
 * `annotate.ts`.
 */
import {
  beginMarkedContent,
  degrees,
  endMarkedContent,
  rgb,
  StandardFonts,
  type PDFFont,
  type PDFPage,
} from "pdf-lib";
import { POINTS_PER_MM } from "./cells";
import { LabelFileError, NotAPngError } from "./errors";
import { isPng } from "./merge-png";
import { newOutput } from "./pdf";
import { fitText } from "./pdf-text";

export interface StampLabel {
  /** One stamp image as Deutsche Post delivered it. */
  png: Uint8Array;
  /** "#1012": printed on every label. */
  orderName: string;
  /** The Shopify order (gid) when known: picks one order's label for a reprint. */
  orderId?: string | null;
  /** The recipient address the app prints (franking-zone stamps), or null. */
  addressLines: readonly string[] | null;
  /** The cart the stamp came from (0-based), named in errors so the caller can fetch it again. */
  part?: number;
}

/** The resolution the app orders PNG stamps in (`dpi` of the PNG checkout), and reads them back in. */
export const PNG_STAMP_DPI = "DPI300" as const;
export const DEFAULT_PNG_DPI = 300;

const PAD = 2 * POINTS_PER_MM;
const STRIP = 3.5 * POINTS_PER_MM;
const GAP = 2 * POINTS_PER_MM;
const ADDRESS_WIDTH = 80 * POINTS_PER_MM;
const ADDRESS_SIZE = 10;
const LINE = ADDRESS_SIZE * 1.2;
const NAME_SIZE = 8;
const black = rgb(0, 0, 0);

const u32 = (b: Uint8Array, at: number) =>
  (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0;

/**
 * The printed size of a PNG in points: pixels from IHDR, resolution from a `pHYs` chunk in pixels per
 * metre when there is one, else `fallbackDpi` (the resolution the stamps were ordered in).
 */
export function pngPrintSize(
  png: Uint8Array,
  fallbackDpi = DEFAULT_PNG_DPI,
): { width: number; height: number } {
  const widthPx = u32(png, 16);
  const heightPx = u32(png, 20);
  let dpiX = fallbackDpi;
  let dpiY = fallbackDpi;
  for (let at = 8; at + 12 <= png.length;) {
    const length = u32(png, at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === "pHYs" && length === 9 && png[at + 16] === 1) {
      const [x, y] = [u32(png, at + 8), u32(png, at + 12)];
      if (x > 0 && y > 0) [dpiX, dpiY] = [x * 0.0254, y * 0.0254];
    }
    if (type === "IDAT" || type === "IEND") break;
    at += 12 + length;
  }
  return { width: (widthPx / dpiX) * 72, height: (heightPx / dpiY) * 72 };
}

function drawOrderName(page: PDFPage, bold: PDFFont, name: string, room: number) {
  const { width } = page.getSize();
  page.drawText(fitText(bold, name, NAME_SIZE, room), {
    x: width - PAD - STRIP * 0.25,
    y: PAD + ADDRESS_SIZE * 0.2,
    size: NAME_SIZE,
    font: bold,
    color: black,
    rotate: degrees(90),
  });
}

/**
 * One PDF, one label-sized page per stamp (in the order given): the stamp at its real size, the order name,
 * and the address where the app prints it. Throws `not_a_png` (naming the stamp's cart as `part`) on bytes
 * that are no PNG, `nothing_to_merge` on an empty list.
 */
export async function pngLabelPages(
  stamps: readonly StampLabel[],
  options: { title?: string; dpi?: number } = {},
): Promise<Uint8Array> {
  if (stamps.length === 0) throw new LabelFileError("nothing_to_merge", "No stamps to put on labels");
  const doc = await newOutput(options.title ?? "Frankiermeister");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (const [i, stamp] of stamps.entries()) {
    if (!isPng(stamp.png)) {
      throw new NotAPngError(stamp.part ?? 0, `stamp ${i + 1}`);
    }
    const image = await doc.embedPng(stamp.png);
    const size = pngPrintSize(stamp.png, options.dpi);
    const lines = stamp.addressLines?.filter((l) => l.trim() !== "") ?? [];
    const content = Math.max(size.width, lines.length > 0 ? ADDRESS_WIDTH : 0);
    const address = lines.length > 0 ? GAP + lines.length * LINE : 0;
    const width = PAD + content + PAD + STRIP;
    const height = PAD + size.height + address + PAD;
    const page = doc.addPage([width, height]);
    // With an address the stamp goes top right: stuck with its right edge near the envelope's, the stamp lies
    // in the franking zone (74 mm from the right edge). A stamp alone (Deutsche Post's address-zone stamp,
    // or one without an address) stays left, with the strip beside it.
    const x = lines.length > 0 ? width - PAD - size.width : PAD;
    page.drawImage(image, { x, y: height - PAD - size.height, ...size });
    page.pushOperators(beginMarkedContent("FMLabel"));
    lines.forEach((line, n) => {
      const f = n === 0 ? bold : font;
      const y = height - PAD - size.height - GAP - LINE * (n + 1) + ADDRESS_SIZE * 0.2;
      page.drawText(fitText(f, line, ADDRESS_SIZE, content), {
        x: PAD,
        y,
        size: ADDRESS_SIZE,
        font: f,
        color: black,
      });
    });
    // The lower part of the strip: beside the address block (ending 1 pt below the stamp, which reaches
    // over the strip), or the lower half beside a stamp alone.
    const room = lines.length > 0 ? address - ADDRESS_SIZE * 0.2 - 1 : height / 2 - PAD;
    drawOrderName(page, bold, stamp.orderName, room);
    page.pushOperators(endMarkedContent());
  }
  return doc.save();
}
