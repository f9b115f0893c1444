/**
 * Choosing a page format from the Portokasse catalog (`GET /app/catalog?types=PAGE_FORMATS`).
 *
 * Kinds (the catalog's `pageType`): REGULARPAGE and LABELPAGE are sheets for office printers (A4 paper, label
 * sheets with a grid of labels), LABELPRINTER formats are rolls for thermal label printers with one stamp
 * per label, ENVELOPE formats print straight onto an envelope. Thermal label printers (Dymo, Brother, Zebra,
 * Seiko) mostly print at 203 dpi, office printers at 300 dpi or more, which is what `dpiFor` answers.
 * Only formats with `isAddressPossible` can carry the address zone (`voucherLayout: ADDRESS_ZONE`).
 */
import type { Dpi, PageFormat, VoucherLayout } from "~/internetmarke";

export type PageKind = "sheet" | "labelPrinter" | "envelope";

export function pageKind(format: Pick<PageFormat, "pageType">): PageKind {
  const type = format.pageType.toUpperCase();
  if (type === "LABELPRINTER") return "labelPrinter";
  if (type === "ENVELOPE") return "envelope";
  return "sheet";
}

export const isLabelPrinterFormat = (format: Pick<PageFormat, "pageType">) =>
  pageKind(format) === "labelPrinter";

export function stampsPerPage(format: Pick<PageFormat, "pageLayout">): number {
  const { labelX, labelY } = format.pageLayout.labelCount;
  return labelX * labelY;
}

/** 203 dpi for thermal label printers, 300 dpi for everything else; a merchant's choice wins. */
export function dpiFor(format: Pick<PageFormat, "pageType">, preferred?: Dpi | null): Dpi {
  if (preferred) return preferred;
  return isLabelPrinterFormat(format) ? "DPI203" : "DPI300";
}

/** The address zone only where the format allows it; otherwise the plain franking zone. */
export function voucherLayoutFor(
  format: Pick<PageFormat, "isAddressPossible">,
  wantsAddress: boolean,
): VoucherLayout {
  return wantsAddress && format.isAddressPossible ? "ADDRESS_ZONE" : "FRANKING_ZONE";
}

export interface PageFormatChoice {
  id: number;
  name: string;
  kind: PageKind;
  /** Paper size in millimetres, as the catalog gives it (`null` if it gives none). */
  sizeMm: { width: number; height: number } | null;
  columns: number;
  rows: number;
  stampsPerPage: number;
  addressPossible: boolean;
  dpi: Dpi;
}

export function describePageFormat(format: PageFormat): PageFormatChoice {
  const { labelX, labelY } = format.pageLayout.labelCount;
  const size = format.pageLayout.size;
  return {
    id: format.id,
    name: format.name,
    kind: pageKind(format),
    sizeMm: size ? { width: size.x, height: size.y } : null,
    columns: labelX,
    rows: labelY,
    stampsPerPage: labelX * labelY,
    addressPossible: format.isAddressPossible,
    dpi: dpiFor(format),
  };
}

export interface GroupedPageFormats {
  sheets: PageFormatChoice[];
  labelPrinters: PageFormatChoice[];
  envelopes: PageFormatChoice[];
}

/**
 * The catalog's formats grouped for a settings select, each group sorted by name (then id: the catalog has
 * several formats of the same name). With `addressZone: true` only formats that can carry the address.
 */
export function groupPageFormats(
  formats: readonly PageFormat[],
  options: { addressZone?: boolean } = {},
): GroupedPageFormats {
  const choices = formats
    .filter((f) => !options.addressZone || f.isAddressPossible)
    .map(describePageFormat)
    .sort((a, b) => a.name.localeCompare(b.name, "de") || a.id - b.id);
  return {
    sheets: choices.filter((c) => c.kind === "sheet"),
    labelPrinters: choices.filter((c) => c.kind === "labelPrinter"),
    envelopes: choices.filter((c) => c.kind === "envelope"),
  };
}

export function findPageFormat(formats: readonly PageFormat[], id: number): PageFormat | null {
  return formats.find((f) => f.id === id) ?? null;
}
