import { describe, expect, it } from "vitest";
import { z } from "zod";
import { pageFormatSchema, type PageFormat } from "~/internetmarke/catalog";
import rawFormats from "../../test/simulators/internetmarke/data/page-formats.json";
import {
  describePageFormat,
  dpiFor,
  findPageFormat,
  groupPageFormats,
  isLabelPrinterFormat,
  pageKind,
  stampsPerPage,
  voucherLayoutFor,
} from "./page-formats";

/** Deutsche Post's published page formats, as the catalog call parses them. */
const formats: PageFormat[] = z.array(pageFormatSchema).parse(rawFormats);
const byId = (id: number) => {
  const format = findPageFormat(formats, id);
  if (format === null) throw new Error(`no page format ${id}`);
  return format;
};

describe("page formats from the catalog", () => {
  it.each([
    ["REGULARPAGE", "sheet"],
    ["LABELPAGE", "sheet"],
    ["LABELPRINTER", "labelPrinter"],
    ["labelprinter", "labelPrinter"],
    ["ENVELOPE", "envelope"],
    ["SOMETHING_NEW", "sheet"],
  ])("pageType %s is a %s", (pageType, kind) => {
    expect(pageKind({ pageType })).toBe(kind);
  });

  it("label printers print at 203 dpi, sheets at 300, unless the merchant chose", () => {
    expect(dpiFor(byId(42))).toBe("DPI203");
    expect(dpiFor(byId(1))).toBe("DPI300");
    expect(dpiFor(byId(42), "DPI300")).toBe("DPI300");
    expect(isLabelPrinterFormat(byId(25))).toBe(true);
  });

  it("the address zone only where the format allows it", () => {
    expect(byId(1).isAddressPossible).toBe(true);
    expect(voucherLayoutFor(byId(1), true)).toBe("ADDRESS_ZONE");
    expect(voucherLayoutFor(byId(1), false)).toBe("FRANKING_ZONE");
    expect(byId(42).isAddressPossible).toBe(false);
    expect(voucherLayoutFor(byId(42), true)).toBe("FRANKING_ZONE");
  });

  it("describes a format for a select", () => {
    expect(describePageFormat(byId(1))).toEqual({
      id: 1,
      name: "DIN A4 Normalpapier",
      kind: "sheet",
      sizeMm: { width: 210, height: 297 },
      columns: 2,
      rows: 5,
      stampsPerPage: 10,
      addressPossible: true,
      dpi: "DPI300",
    });
    expect(stampsPerPage(byId(25))).toBe(1);
  });

  it("groups the 108 published formats, sorted by name then id", () => {
    const groups = groupPageFormats(formats);
    expect(groups.sheets.length + groups.labelPrinters.length + groups.envelopes.length).toBe(formats.length);
    expect(groups.labelPrinters).toHaveLength(18);
    expect(groups.envelopes).toHaveLength(20);
    expect(groups.labelPrinters.every((f) => f.dpi === "DPI203" && f.stampsPerPage === 1)).toBe(true);
    const names = groups.sheets.map((f) => f.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "de")));
    const brother = groups.labelPrinters.filter((f) => f.name === "Brother DK-22205 Endlos-Etikett 62mm");
    expect(brother.map((f) => f.id)).toEqual([25, 37]);
  });

  it("with the address zone only the formats that can carry it", () => {
    const groups = groupPageFormats(formats, { addressZone: true });
    const all = [...groups.sheets, ...groups.labelPrinters, ...groups.envelopes];
    expect(all.length).toBe(formats.filter((f) => f.isAddressPossible).length);
    expect(all.every((f) => f.addressPossible)).toBe(true);
    expect(groups.labelPrinters.map((f) => f.id)).toContain(25);
    expect(groups.labelPrinters.map((f) => f.id)).not.toContain(42);
  });

  it("findPageFormat answers null for an unknown id", () => {
    expect(findPageFormat(formats, 99999)).toBeNull();
  });
});
