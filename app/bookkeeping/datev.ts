/**
 * DATEV's import format "EXTF" Buchungsstapel (DATEV-Format, Formatversion 700, Datenkategorie 21,
 * Formatversion der Kategorie 13), for the month's money movements of one Portokasse:
 * - a stamp purchase: postage expense (Soll) against the Portokasse (Haben): Konto = postage account,
 *   Gegenkonto = Portokasse, "S";
 * - a confirmed refund: the reverse ("H");
 * - a top-up: Portokasse (Soll) against the bank: Konto = Portokasse, Gegenkonto = bank, "S".
 * Refund requests and refusals move no money and are not booked. Postage of Deutsche Post's universal
 * service is exempt from VAT, so no BU-Schlüssel is set (the accountant may map it differently).
 *
 * File structure (public descriptions of the format, see docs/decisions/017 for the sources): line 1 the
 * header ("Vorlaufsatz", 31 fields), line 2 the column names, then one line per booking; fields separated
 * by ";", text in double quotes, amounts without sign and with a decimal comma, Belegdatum as TTMM (the
 * year comes from the header's period), lines ended by CRLF, encoded in Windows-1252 (ANSI).
 */
import { balanceEffect, type LedgerEntry } from "./ledger";
import { berlinDayMonth, daysIn, type Month } from "./month";
import type { Statement } from "./statement";

export interface DatevSettings {
  chart: "SKR03" | "SKR04";
  postageAccount: string;
  portokasseAccount: string;
  topUpAccount: string;
  /** Beraternummer (1001..9999999) and Mandantennummer (1..99999). */
  consultantNumber: number;
  clientNumber: number;
  /** First month of the fiscal year (1..12). */
  fiscalYearStartMonth: number;
}

/** The suggestion per chart of accounts; the merchant's accountant decides. */
export const CHART_DEFAULTS = {
  SKR03: { postageAccount: "4910", portokasseAccount: "1360", topUpAccount: "1200" },
  SKR04: { postageAccount: "6800", portokasseAccount: "1460", topUpAccount: "1800" },
} as const;

export const DATEV_HEADER_FIELDS = 31;

/** The data columns written (the first 14 of the Buchungsstapel; later ones are optional and left out). */
export const DATEV_COLUMNS = [
  "Umsatz (ohne Soll/Haben-Kz)",
  "Soll/Haben-Kennzeichen",
  "WKZ Umsatz",
  "Kurs",
  "Basis-Umsatz",
  "WKZ Basis-Umsatz",
  "Konto",
  "Gegenkonto (ohne BU-Schlüssel)",
  "BU-Schlüssel",
  "Belegdatum",
  "Belegfeld 1",
  "Belegfeld 2",
  "Skonto",
  "Buchungstext",
] as const;

const text = (value: string, max: number) =>
  `"${value
    .replace(/"/g, "'")
    .replace(/[\r\n;]/g, " ")
    .slice(0, max)}"`;
const ymd = (m: Month, day: number) =>
  `${m.year}${String(m.month).padStart(2, "0")}${String(day).padStart(2, "0")}`;

/** Amount for the "Umsatz" field: no sign, no thousands separator, decimal comma ("1234,56"). */
export function datevAmount(cents: number): string {
  const abs = Math.abs(cents);
  return `${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

/** YYYYMMDDHHMMSSFFF in UTC (the "erzeugt am" field). */
function stamp(at: Date): string {
  return at.toISOString().replace(/[-:TZ.]/g, "");
}

export function datevHeader(settings: DatevSettings, month: Month, createdAt: Date): string[] {
  const fiscalYear = month.month >= settings.fiscalYearStartMonth ? month.year : month.year - 1;
  const fields = [
    text("EXTF", 4), // Kennzeichen
    "700", // Versionsnummer
    "21", // Formatkategorie: Buchungsstapel
    text("Buchungsstapel", 14), // Formatname
    "13", // Formatversion
    stamp(createdAt), // erzeugt am
    "", // importiert
    text("FM", 2), // Herkunft
    text("Frankiermeister", 25), // exportiert von
    "", // importiert von
    String(settings.consultantNumber), // Beraternummer
    String(settings.clientNumber), // Mandantennummer
    ymd({ year: fiscalYear, month: settings.fiscalYearStartMonth }, 1), // WJ-Beginn
    String(settings.postageAccount.length), // Sachkontenlänge
    ymd(month, 1), // Datum vom
    ymd(month, daysIn(month)), // Datum bis
    text(`Porto ${String(month.month).padStart(2, "0")}/${month.year}`, 30), // Bezeichnung
    "", // Diktatkürzel
    "1", // Buchungstyp: Finanzbuchführung
    "0", // Rechnungslegungszweck
    "0", // Festschreibung: no, the accountant may still edit
    text("EUR", 3), // WKZ
    "", // reserviert
    "", // Derivatskennzeichen
    "", // reserviert
    "", // reserviert
    text(settings.chart === "SKR03" ? "03" : "04", 2), // Sachkontenrahmen
    "", // Branchen-Lösungs-ID
    "", // reserviert
    "", // reserviert
    "", // Anwendungsinformation
  ];
  if (fields.length !== DATEV_HEADER_FIELDS) throw new Error("DATEV header has the wrong field count");
  return fields;
}

function bookingText(entry: LedgerEntry): string {
  if (entry.kind === "purchase") return `INTERNETMARKE ${entry.stamps} Marke${entry.stamps === 1 ? "" : "n"}`;
  if (entry.kind === "refund_confirmed")
    return `Retoure ${entry.stamps} Marke${entry.stamps === 1 ? "" : "n"}`;
  return "Aufladung Portokasse";
}

/** One booking line per money movement of the month. */
export function datevRows(statement: Statement, settings: DatevSettings): string[][] {
  return statement.lines
    .filter((line) => balanceEffect(line) !== 0)
    .map((line) => {
      const topUp = line.kind === "top_up";
      const konto = topUp ? settings.portokasseAccount : settings.postageAccount;
      const gegenkonto = topUp ? settings.topUpAccount : settings.portokasseAccount;
      const sollHaben = line.kind === "refund_confirmed" ? "H" : "S";
      return [
        datevAmount(line.cents),
        text(sollHaben, 1),
        text("EUR", 3),
        "",
        "",
        "",
        konto,
        gegenkonto,
        "",
        berlinDayMonth(line.at),
        text(line.reference, 36),
        "",
        "",
        text(bookingText(line), 60),
      ];
    });
}

/** The whole file as text (encode with `windows1252` before sending). */
export function datevFile(statement: Statement, settings: DatevSettings, createdAt: Date): string {
  const lines = [
    datevHeader(settings, statement.month, createdAt),
    [...DATEV_COLUMNS],
    ...datevRows(statement, settings),
  ];
  return lines.map((fields) => fields.join(";")).join("\r\n") + "\r\n";
}

const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/** Windows-1252 bytes of a text; a character it cannot hold becomes "?". */
export function windows1252(value: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0x3f;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else bytes.push(CP1252_HIGH[code] ?? 0x3f);
  }
  return Uint8Array.from(bytes);
}
