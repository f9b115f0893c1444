/**
 * Where a label cell lies on a page, from the page format's layout (Deutsche Post's catalog, in mm): the
 * grid fills the page inside the margins, `spacing` is the gap between cells. PDF points, origin bottom left.
 * The same reading of `pageLayout` as Deutsche Post's own placement (and the simulator's, test/simulators).
 */
import type { LabelPosition } from "~/internetmarke";

export const POINTS_PER_MM = 72 / 25.4;

export interface PageGeometry {
  widthMm: number;
  heightMm: number;
  columns: number;
  rows: number;
  margin: { top: number; bottom: number; left: number; right: number };
  spacing: { x: number; y: number };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The cell of a 1-based grid position, in points, on a page of `pageSize` points (the PDF's own size wins). */
export function cellBox(
  geometry: PageGeometry,
  position: Pick<LabelPosition, "labelX" | "labelY">,
  pageSize?: { width: number; height: number },
): Box {
  const { margin, spacing, columns, rows } = geometry;
  const scaleX = pageSize ? pageSize.width / (geometry.widthMm * POINTS_PER_MM) : 1;
  const scaleY = pageSize ? pageSize.height / (geometry.heightMm * POINTS_PER_MM) : 1;
  const cellW = (geometry.widthMm - margin.left - margin.right - (columns - 1) * spacing.x) / columns;
  const cellH = (geometry.heightMm - margin.top - margin.bottom - (rows - 1) * spacing.y) / rows;
  const left = margin.left + (position.labelX - 1) * (cellW + spacing.x);
  const top = margin.top + (position.labelY - 1) * (cellH + spacing.y);
  return {
    x: left * POINTS_PER_MM * scaleX,
    y: (geometry.heightMm - top - cellH) * POINTS_PER_MM * scaleY,
    width: cellW * POINTS_PER_MM * scaleX,
    height: cellH * POINTS_PER_MM * scaleY,
  };
}

/** A page format without a layout in the catalog: the grid spread evenly over the page. */
export function evenGeometry(widthMm: number, heightMm: number, columns: number, rows: number): PageGeometry {
  return {
    widthMm,
    heightMm,
    columns,
    rows,
    margin: { top: 0, bottom: 0, left: 0, right: 0 },
    spacing: { x: 0, y: 0 },
  };
}
