import { describe, expect, it } from "vitest";
import { bookkeepingCsv, csvCell, euroCents, type BookkeepingRow } from "./csv";
import { berlinMidnight, dayRange } from "./csv.server";

const row = (overrides: Partial<BookkeepingRow> = {}): BookkeepingRow => ({
  boughtAt: new Date("2025-10-06T17:03:39Z"),
  batchId: "cm1batch",
  orderName: "#1001",
  productCode: 1007,
  productName: "Standardbrief Integral + EINSCHREIBEN",
  priceCents: 360,
  voucherId: "AF188FFFFF0000000001",
  trackingNumber: "RR123456785DE",
  refundState: null,
  ...overrides,
});

describe("bookkeeping CSV for German Excel", () => {
  it("has a BOM, semicolons, decimal commas, German dates and CRLF", () => {
    const csv = bookkeepingCsv(
      [row(), row({ priceCents: 95, trackingNumber: null, productCode: 1, productName: "Standardbrief" })],
      "de",
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Datum;Stapel;Bestellung;Produktcode;Produkt;Preis EUR;Frankier-ID;Sendungsnummer;Retoure",
      "06.10.2025;cm1batch;#1001;1007;Standardbrief Integral + EINSCHREIBEN;3,60;AF188FFFFF0000000001;RR123456785DE;",
      "06.10.2025;cm1batch;#1001;1;Standardbrief;0,95;AF188FFFFF0000000001;;",
      "",
    ]);
  });

  it("has English headers for English admins, the same cells", () => {
    const [header, line] = bookkeepingCsv([row()], "en").slice(1).split("\r\n");
    expect(header).toBe("Date;Batch;Order;Product code;Product;Price EUR;Voucher ID;Tracking number;Refund");
    expect(line).toContain(";3,60;");
  });

  it("names the refund state in the admin's language", () => {
    const rows = [
      row({ refundState: "REFUNDED" }),
      row({ refundState: "NOT_REFUNDED" }),
      row({ refundState: "PENDING" }),
    ];
    expect(
      bookkeepingCsv(rows, "de")
        .split("\r\n")
        .slice(1, 4)
        .map((l) => l.split(";").at(-1)),
    ).toEqual(["erstattet", "nicht erstattet", "beantragt"]);
    expect(bookkeepingCsv([row({ refundState: "REFUNDED" })], "en")).toContain(";refunded\r\n");
  });

  it("dates are German days: 23:30 UTC on 6 October is 7 October", () => {
    const csv = bookkeepingCsv([row({ boughtAt: new Date("2025-10-06T23:30:00Z") })], "de");
    expect(csv).toContain("\r\n07.10.2025;");
  });

  it.each([
    [0, "0,00"],
    [5, "0,05"],
    [95, "0,95"],
    [123456, "1234,56"],
    [-95, "-0,95"],
  ])("euroCents(%i) = %s", (cents, text) => {
    expect(euroCents(cents)).toBe(text);
  });

  it.each([
    ["#1001", "#1001"],
    ["Müller; Söhne", '"Müller; Söhne"'],
    ['Der "beste" Shop', '"Der ""beste"" Shop"'],
    ["zwei\nZeilen", '"zwei\nZeilen"'],
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["+49", "'+49"],
    ["-1", "'-1"],
    ["@SUM", "'@SUM"],
  ])("csvCell(%j) = %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe("Berlin days", () => {
  it("midnight in winter and summer time", () => {
    expect(berlinMidnight("2025-01-15")?.toISOString()).toBe("2025-01-14T23:00:00.000Z");
    expect(berlinMidnight("2025-07-01")?.toISOString()).toBe("2025-06-30T22:00:00.000Z");
    expect(berlinMidnight("2025-03-30")?.toISOString()).toBe("2025-03-29T23:00:00.000Z");
    expect(berlinMidnight("2025-02-30")).toBeNull();
    expect(berlinMidnight("30.10.2025")).toBeNull();
  });

  it("a range includes its last day and refuses reversed or over-long ranges", () => {
    expect(dayRange("2025-10-01", "2025-10-31")).toEqual({
      from: new Date("2025-09-30T22:00:00Z"),
      to: new Date("2025-10-31T23:00:00Z"),
    });
    expect(dayRange("2025-10-02", "2025-10-01")).toBeNull();
    expect(dayRange("2024-01-01", "2025-06-01")).toBeNull();
    expect(dayRange("2025-01-01", "2025-12-31")).not.toBeNull();
    expect(dayRange("", "2025-12-31")).toBeNull();
  });
});
