import { ValidationError, type FieldProblem } from "./errors";

/** A label slot on the printout, 1-based as the API wants it. */
export interface LabelPosition {
  labelX: number;
  labelY: number;
  page: number;
}

/** Columns (`labelX`) and rows (`labelY`) per page: a page format's `pageLayout.labelCount`. */
export interface LabelGrid {
  labelX: number;
  labelY: number;
}

export function gridOf(pageFormat: { pageLayout: { labelCount: LabelGrid } }): LabelGrid {
  return pageFormat.pageLayout.labelCount;
}

const positiveInt = (n: number) => Number.isInteger(n) && n >= 1;

/**
 * `count` label positions filling the grid row by row (left to right, then the next row), starting at
 * `start` (default: first label of page 1; useful to reuse a partly printed label sheet) and continuing on
 * the following pages.
 */
export function buildPositions(
  grid: LabelGrid,
  count: number,
  start: Partial<LabelPosition> = {},
): LabelPosition[] {
  const from: LabelPosition = { labelX: start.labelX ?? 1, labelY: start.labelY ?? 1, page: start.page ?? 1 };
  const problems: FieldProblem[] = [];
  if (!positiveInt(grid.labelX))
    problems.push({ path: "grid.labelX", message: "must be a whole number >= 1" });
  if (!positiveInt(grid.labelY))
    problems.push({ path: "grid.labelY", message: "must be a whole number >= 1" });
  if (!Number.isInteger(count) || count < 0)
    problems.push({ path: "count", message: "must be a whole number >= 0" });
  if (!positiveInt(from.labelX) || from.labelX > grid.labelX) {
    problems.push({ path: "start.labelX", message: `must be between 1 and ${grid.labelX}` });
  }
  if (!positiveInt(from.labelY) || from.labelY > grid.labelY) {
    problems.push({ path: "start.labelY", message: `must be between 1 and ${grid.labelY}` });
  }
  if (!positiveInt(from.page)) problems.push({ path: "start.page", message: "must be a whole number >= 1" });
  if (problems.length > 0) {
    throw new ValidationError(
      `Cannot place labels: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}`,
      {
        operation: "buildPositions",
        fields: problems,
      },
    );
  }

  const perPage = grid.labelX * grid.labelY;
  const first = (from.labelY - 1) * grid.labelX + (from.labelX - 1);
  return Array.from({ length: count }, (_, k) => {
    const index = first + k;
    const slot = index % perPage;
    return {
      labelX: (slot % grid.labelX) + 1,
      labelY: Math.floor(slot / grid.labelX) + 1,
      page: from.page + Math.floor(index / perPage),
    };
  });
}

/** How many pages `count` labels take from `start` on. */
export function pagesNeeded(grid: LabelGrid, count: number, start: Partial<LabelPosition> = {}): number {
  const positions = buildPositions(grid, count, start);
  const last = positions.at(-1);
  return last === undefined ? 0 : last.page - (start.page ?? 1) + 1;
}
