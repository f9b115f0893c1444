/**
 * The statement as CSV for German spreadsheets: `;`-separated, decimal comma, CRLF, UTF-8 with BOM (Excel
 * then shows umlauts). First the opening balance, then one row per entry with the running balance, then
 * the totals per kind and the closing balance.
 */
import type { Locale } from "~/i18n";
import { germanAmount, germanDateTime } from "./format";
import { LEDGER_KINDS } from "./ledger";
import { monthKey } from "./month";
import type { Statement } from "./statement";
import { KIND_WORDS, STATEMENT_WORDS } from "./words";

function cell(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would be a formula in a spreadsheet; quote and neutralise (only text cells can start so).
  const safe = /^[=+@]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function statementCsv(statement: Statement, account: string, locale: Locale): string {
  const w = STATEMENT_WORDS[locale];
  const kinds = KIND_WORDS[locale];
  const rows: Array<Array<string | number>> = [
    [w.title, account, w.month, monthKey(statement.month)],
    [w.date, w.kind, w.reference, w.stamps, w.amount, w.effect, w.balance],
    [germanDateTime(statement.from), w.opening, "", "", "", "", germanAmount(statement.openingCents)],
    ...statement.lines.map((l) => [
      germanDateTime(l.at),
      kinds[l.kind],
      l.reference,
      l.stamps,
      germanAmount(l.cents),
      germanAmount(l.effectCents),
      germanAmount(l.balanceAfterCents),
    ]),
    ...LEDGER_KINDS.map((kind) => [
      w.totals,
      kinds[kind],
      "",
      statement.totals[kind].stamps,
      germanAmount(statement.totals[kind].cents),
      "",
      "",
    ]),
    [
      germanDateTime(new Date(statement.to.getTime() - 1)),
      w.closing,
      "",
      "",
      "",
      "",
      germanAmount(statement.closingCents),
    ],
  ];
  return "\uFEFF" + rows.map((r) => r.map(cell).join(";")).join("\r\n") + "\r\n";
}
