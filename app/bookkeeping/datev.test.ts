import { describe, expect, it } from "vitest";
import {
  datevAmount,
  datevFile,
  datevHeader,
  DATEV_COLUMNS,
  DATEV_HEADER_FIELDS,
  windows1252,
  type DatevSettings,
} from "./datev";
import { buildStatement } from "./statement";
import type { LedgerEntry } from "./ledger";
import { monthRange } from "./month";

const SETTINGS: DatevSettings = {
  chart: "SKR04",
  postageAccount: "6800",
  portokasseAccount: "1460",
  topUpAccount: "1800",
  consultantNumber: 1234567,
  clientNumber: 10001,
  fiscalYearStartMonth: 7,
};
const month = { year: 2026, month: 3 };
const { from, to } = monthRange(month);
const at = (iso: string) => new Date(iso);
const entries: LedgerEntry[] = [
  { at: at("2026-03-01T09:00:00Z"), kind: "purchase", cents: 123_456, reference: "SO-1", stamps: 1300 },
  { at: at("2026-03-02T10:00:00Z"), kind: "refund_requested", cents: 95, reference: "R-1", stamps: 1 },
  { at: at("2026-03-05T10:00:00Z"), kind: "refund_confirmed", cents: 95, reference: "R-1", stamps: 1 },
  { at: at("2026-03-06T10:00:00Z"), kind: "refund_refused", cents: 330, reference: "R-2", stamps: 1 },
  { at: at("2026-03-31T21:30:00Z"), kind: "top_up", cents: 50_000, reference: "TU-1", stamps: 0 },
];
const statement = buildStatement({ month, from, to, anchor: { balanceCents: 200_000, at: to }, entries });
const file = datevFile(statement, SETTINGS, new Date("2026-04-02T08:09:10.123Z"));
const lines = file.split("\r\n");

describe("DATEV EXTF Buchungsstapel", () => {
  it("writes the header line with its 31 fields in the documented order", () => {
    const header = lines[0]?.split(";") ?? [];
    expect(header).toHaveLength(DATEV_HEADER_FIELDS);
    expect(header.slice(0, 6)).toEqual([
      '"EXTF"',
      "700",
      "21",
      '"Buchungsstapel"',
      "13",
      "20260402080910123",
    ]);
    expect(header[10]).toBe("1234567"); // Beraternummer
    expect(header[11]).toBe("10001"); // Mandantennummer
    expect(header[12]).toBe("20250701"); // WJ-Beginn: fiscal year from July, March belongs to 2025's
    expect(header[13]).toBe("4"); // Sachkontenlänge
    expect([header[14], header[15]]).toEqual(["20260301", "20260331"]); // Datum vom / bis
    expect(header[16]).toBe('"Porto 03/2026"');
    expect([header[18], header[19], header[20], header[21]]).toEqual(["1", "0", "0", '"EUR"']);
    expect(header[26]).toBe('"04"');
    expect(datevHeader({ ...SETTINGS, fiscalYearStartMonth: 1 }, month, new Date())[12]).toBe("20260101");
  });

  it("names the columns on line 2 and writes one booking per money movement", () => {
    expect(lines[1]?.split(";")).toEqual([...DATEV_COLUMNS]);
    const rows = lines
      .slice(2)
      .filter(Boolean)
      .map((l) => l.split(";"));
    expect(rows).toEqual([
      [
        "1234,56",
        '"S"',
        '"EUR"',
        "",
        "",
        "",
        "6800",
        "1460",
        "",
        "0103",
        '"SO-1"',
        "",
        "",
        '"INTERNETMARKE 1300 Marken"',
      ],
      ["0,95", '"H"', '"EUR"', "", "", "", "6800", "1460", "", "0503", '"R-1"', "", "", '"Retoure 1 Marke"'],
      // 21:30 UTC on 31 March is 23:30 in Berlin (summer time since 29 March): still March.
      [
        "500,00",
        '"S"',
        '"EUR"',
        "",
        "",
        "",
        "1460",
        "1800",
        "",
        "3103",
        '"TU-1"',
        "",
        "",
        '"Aufladung Portokasse"',
      ],
    ]);
    const totals = (sh: string) =>
      rows
        .filter((r) => r[1] === `"${sh}"`)
        .reduce((s, r) => s + Number((r[0] ?? "").replace(",", ".")) * 100, 0);
    expect(Math.round(totals("S"))).toBe(123_456 + 50_000);
    expect(Math.round(totals("H"))).toBe(95);
    expect(file.endsWith("\r\n")).toBe(true);
  });

  it("encodes Windows-1252 (ANSI): umlauts and € as single bytes", () => {
    const bytes = windows1252("Gegenkonto (ohne BU-Schlüssel) 5 € ✓");
    expect(new TextDecoder("windows-1252").decode(bytes)).toBe("Gegenkonto (ohne BU-Schlüssel) 5 € ?");
    expect(bytes.includes(0xfc)).toBe(true);
    expect(bytes.includes(0x80)).toBe(true);
  });

  it("writes amounts without sign or thousands separator, with a decimal comma", () => {
    expect([datevAmount(5), datevAmount(-123_456), datevAmount(100)]).toEqual(["0,05", "1234,56", "1,00"]);
  });
});
