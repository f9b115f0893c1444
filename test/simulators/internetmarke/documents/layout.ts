// Where a stamp goes on a page format. Page formats are in millimetres: the page is pageLayout.size,
// the grid (labelCount) fills the page inside the margins, labelSpacing is the gap between cells.
// PDF user space is in points with the origin bottom left.
import type { PageFormat } from "../data";

export const POINTS_PER_MM = 72 / 25.4;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GridPosition {
  labelX: number;
  labelY: number;
  page: number;
}

export function mmToPt(mm: number): number {
  return mm * POINTS_PER_MM;
}

export function pageSizePt(format: PageFormat): { width: number; height: number } {
  return { width: mmToPt(format.pageLayout.size.x), height: mmToPt(format.pageLayout.size.y) };
}

/** The cell size in millimetres. */
export function cellSizeMm(format: PageFormat): { width: number; height: number } {
  const { size, margin, labelSpacing, labelCount } = format.pageLayout;
  const width =
    (size.x - margin.left - margin.right - (labelCount.labelX - 1) * labelSpacing.x) / labelCount.labelX;
  const height =
    (size.y - margin.top - margin.bottom - (labelCount.labelY - 1) * labelSpacing.y) / labelCount.labelY;
  return { width, height };
}

export function isInsideGrid(format: PageFormat, position: GridPosition): boolean {
  const { labelX, labelY } = format.pageLayout.labelCount;
  return (
    position.labelX >= 1 && position.labelX <= labelX && position.labelY >= 1 && position.labelY <= labelY
  );
}

/** The stamp box of a 1-based grid position, in PDF points (origin bottom left). */
export function stampBoxPt(format: PageFormat, position: GridPosition): Box {
  const { size, margin, labelSpacing } = format.pageLayout;
  const cell = cellSizeMm(format);
  const leftMm = margin.left + (position.labelX - 1) * (cell.width + labelSpacing.x);
  const topMm = margin.top + (position.labelY - 1) * (cell.height + labelSpacing.y);
  return {
    x: mmToPt(leftMm),
    y: mmToPt(size.y - topMm - cell.height),
    width: mmToPt(cell.width),
    height: mmToPt(cell.height),
  };
}
