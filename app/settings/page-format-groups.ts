/**
 * The page formats of the stamp settings as a merchant looks for them: sheets, label printers and rolls,
 * envelopes; each sorted by name (numbers in names read as numbers), each entry with its label size and
 * grid. Label printers come first when the shop's format is one.
 */
import type { StoredPageFormat } from "~/catalog/portokasse-catalog.server";
import { pageKind, type PageKind } from "~/labels/page-formats";

export interface PageFormatOption {
  id: number;
  name: string;
  /** One label's size in mm, rounded (null when the catalog gives no layout). */
  labelMm: { width: number; height: number } | null;
  columns: number;
  rows: number;
}

export interface PageFormatGroup {
  kind: PageKind;
  formats: PageFormatOption[];
}

function labelSize(format: StoredPageFormat): PageFormatOption["labelMm"] {
  const l = format.layout;
  if (!l) return null;
  const width =
    (l.widthMm - l.margin.left - l.margin.right - (format.labelsX - 1) * l.spacing.x) / format.labelsX;
  const height =
    (l.heightMm - l.margin.top - l.margin.bottom - (format.labelsY - 1) * l.spacing.y) / format.labelsY;
  return width > 0 && height > 0 ? { width: Math.round(width), height: Math.round(height) } : null;
}

export function pageFormatGroups(
  formats: readonly StoredPageFormat[],
  options: { addressZone?: boolean; currentId?: number | null } = {},
): PageFormatGroup[] {
  const usable = formats.filter((f) => !options.addressZone || f.isAddressPossible);
  const current = formats.find((f) => f.id === options.currentId);
  const order: PageKind[] =
    current && pageKind(current) === "labelPrinter"
      ? ["labelPrinter", "sheet", "envelope"]
      : ["sheet", "labelPrinter", "envelope"];
  return order
    .map((kind) => ({
      kind,
      formats: usable
        .filter((f) => pageKind(f) === kind)
        .sort((a, b) => a.name.localeCompare(b.name, "de", { numeric: true }) || a.id - b.id)
        .map((f) => ({ id: f.id, name: f.name, labelMm: labelSize(f), columns: f.labelsX, rows: f.labelsY })),
    }))
    .filter((g) => g.formats.length > 0);
}
