/**
 * The statement as a PDF (A4, pdf-lib's Helvetica, which holds German umlauts and €): heading, opening
 * balance, one row per entry with the running balance, totals per kind, closing balance. Pages break
 * every ~45 rows.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { Locale } from "~/i18n";
import { germanAmount, germanDate, germanDateTime } from "./format";
import { LEDGER_KINDS } from "./ledger";
import { monthKey } from "./month";
import type { Statement } from "./statement";
import { KIND_WORDS, STATEMENT_WORDS } from "./words";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const ROW = 15;
const COLUMNS = [MARGIN, 150, 270, 390, 430, 500];

export async function statementPdf(
  statement: Statement,
  account: string,
  locale: Locale,
): Promise<Uint8Array> {
  const w = STATEMENT_WORDS[locale];
  const kinds = KIND_WORDS[locale];
  const doc = await PDFDocument.create();
  doc.setTitle(`${w.title} ${monthKey(statement.month)}`);
  doc.setProducer("Frankiermeister");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const write = (p: PDFPage, value: string, x: number, f: PDFFont, size = 9, right = false) => {
    const at = right ? x - f.widthOfTextAtSize(value, size) + 60 : x;
    p.drawText(value, { x: at, y, size, font: f, color: rgb(0, 0, 0) });
  };
  const row = (cells: string[], f: PDFFont = font) => {
    if (y < MARGIN + ROW) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
    }
    cells.forEach((value, i) => write(page, value, COLUMNS[i] ?? MARGIN, f, 9, i >= 3));
    y -= ROW;
  };
  write(page, `${w.title} – ${monthKey(statement.month)}`, MARGIN, bold, 14);
  y -= 22;
  write(page, `${w.account}: ${account}`, MARGIN, font, 10);
  y -= 14;
  write(page, w.basis.replace("{date}", germanDateTime(statement.anchor.at)), MARGIN, font, 8);
  y -= 24;
  row([w.date, w.kind, w.reference, w.stamps, w.amount, w.balance], bold);
  row([germanDate(statement.from), w.opening, "", "", "", germanAmount(statement.openingCents)], bold);
  if (statement.lines.length === 0) row(["", w.noEntries]);
  for (const l of statement.lines) {
    row([
      germanDateTime(l.at),
      kinds[l.kind],
      l.reference.slice(0, 22),
      String(l.stamps),
      germanAmount(l.cents),
      germanAmount(l.balanceAfterCents),
    ]);
  }
  row(
    [
      germanDate(new Date(statement.to.getTime() - 1)),
      w.closing,
      "",
      "",
      "",
      germanAmount(statement.closingCents),
    ],
    bold,
  );
  y -= ROW;
  row([w.totals, "", "", "", "", ""], bold);
  for (const kind of LEDGER_KINDS) {
    const t = statement.totals[kind];
    row(["", kinds[kind], "", String(t.stamps), germanAmount(t.cents), ""]);
  }
  return doc.save();
}
