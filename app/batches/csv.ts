/**
 * The bookkeeping export: one line per bought stamp, made for German Excel (semicolons, decimal comma,
 * dates as TT.MM.JJJJ, UTF-8 with a byte order mark, CRLF). Cells that a spreadsheet would run as a
 * formula (=, +, -, @ at the start) are prefixed with an apostrophe.
 */
import type { Locale } from "~/i18n";

export interface BookkeepingRow {
  boughtAt: Date;
  batchId: string;
  orderName: string;
  productCode: number;
  productName: string;
  priceCents: number;
  voucherId: string;
  trackingNumber: string | null;
  /** Retoure of the stamp (app/refunds): PENDING, REFUNDED, NOT_REFUNDED; null when none was asked for. */
  refundState: string | null;
}

const HEADERS: Record<Locale, string[]> = {
  de: [
    "Datum",
    "Stapel",
    "Bestellung",
    "Produktcode",
    "Produkt",
    "Preis EUR",
    "Frankier-ID",
    "Sendungsnummer",
    "Retoure",
  ],
  en: [
    "Date",
    "Batch",
    "Order",
    "Product code",
    "Product",
    "Price EUR",
    "Voucher ID",
    "Tracking number",
    "Refund",
  ],
};

const REFUND_WORDS: Record<Locale, Record<string, string>> = {
  de: { PENDING: "beantragt", REFUNDED: "erstattet", NOT_REFUNDED: "nicht erstattet" },
  en: { PENDING: "requested", REFUNDED: "refunded", NOT_REFUNDED: "not refunded" },
};

export const refundWord = (state: string | null, locale: Locale): string =>
  state === null ? "" : (REFUND_WORDS[locale][state] ?? state);

const berlinDate = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

/** 1234 -> "12,34", -95 -> "-0,95": exact, from the integer cents. */
export function euroCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function bookkeepingCsv(rows: readonly BookkeepingRow[], locale: Locale): string {
  const lines = [
    HEADERS[locale],
    ...rows.map((r) => [
      berlinDate.format(r.boughtAt),
      r.batchId,
      r.orderName,
      String(r.productCode),
      r.productName,
      euroCents(r.priceCents),
      r.voucherId,
      r.trackingNumber ?? "",
      refundWord(r.refundState, locale),
    ]),
  ];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(";")).join("\r\n")}\r\n`;
}
