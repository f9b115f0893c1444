import { describe, expect, it } from "vitest";
import { ValidationError } from "./errors";
import { buildPositions, gridOf, pagesNeeded } from "./positions";

const a4 = { labelX: 2, labelY: 5 }; // "DIN A4 Normalpapier": 2 columns, 5 rows

describe("buildPositions", () => {
  it("fills row by row, 1-based, from the first label", () => {
    expect(buildPositions(a4, 4)).toEqual([
      { labelX: 1, labelY: 1, page: 1 },
      { labelX: 2, labelY: 1, page: 1 },
      { labelX: 1, labelY: 2, page: 1 },
      { labelX: 2, labelY: 2, page: 1 },
    ]);
  });

  it("starts at a chosen position (partly used label sheet)", () => {
    expect(buildPositions(a4, 3, { labelX: 2, labelY: 4 })).toEqual([
      { labelX: 2, labelY: 4, page: 1 },
      { labelX: 1, labelY: 5, page: 1 },
      { labelX: 2, labelY: 5, page: 1 },
    ]);
  });

  it("overflows onto the next pages from the first slot", () => {
    const positions = buildPositions(a4, 13, { labelX: 2, labelY: 5 });
    expect(positions[0]).toEqual({ labelX: 2, labelY: 5, page: 1 });
    expect(positions[1]).toEqual({ labelX: 1, labelY: 1, page: 2 });
    expect(positions[10]).toEqual({ labelX: 2, labelY: 5, page: 2 });
    expect(positions[11]).toEqual({ labelX: 1, labelY: 1, page: 3 });
    expect(positions.at(-1)).toEqual({ labelX: 2, labelY: 1, page: 3 });
    expect(new Set(positions.map((p) => `${p.page}/${p.labelY}/${p.labelX}`)).size).toBe(13);
  });

  it("continues from a later start page", () => {
    expect(buildPositions(a4, 1, { page: 3 })).toEqual([{ labelX: 1, labelY: 1, page: 3 }]);
  });

  it("handles one-label formats (envelopes, label printers)", () => {
    expect(buildPositions({ labelX: 1, labelY: 1 }, 3)).toEqual([
      { labelX: 1, labelY: 1, page: 1 },
      { labelX: 1, labelY: 1, page: 2 },
      { labelX: 1, labelY: 1, page: 3 },
    ]);
  });

  it("returns nothing for zero labels", () => {
    expect(buildPositions(a4, 0)).toEqual([]);
  });

  it.each([
    [{ labelX: 3, labelY: 1 }, "start.labelX"],
    [{ labelX: 0, labelY: 1 }, "start.labelX"],
    [{ labelX: 1, labelY: 6 }, "start.labelY"],
    [{ labelX: 1, labelY: 1, page: 0 }, "start.page"],
    [{ labelX: 1.5, labelY: 1 }, "start.labelX"],
  ])("rejects start %o outside the grid", (start, path) => {
    try {
      buildPositions(a4, 1, start);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect(error instanceof ValidationError && error.fields.map((f) => f.path)).toContain(path);
    }
  });

  it("rejects a bad count or grid", () => {
    expect(() => buildPositions(a4, -1)).toThrow(ValidationError);
    expect(() => buildPositions({ labelX: 0, labelY: 2 }, 1)).toThrow(ValidationError);
  });

  it("reads the grid from a page format and counts pages", () => {
    const grid = gridOf({ pageLayout: { labelCount: { labelX: 3, labelY: 8 } } });
    expect(grid).toEqual({ labelX: 3, labelY: 8 });
    expect(pagesNeeded(grid, 24)).toBe(1);
    expect(pagesNeeded(grid, 25)).toBe(2);
    expect(pagesNeeded(grid, 2, { labelX: 3, labelY: 8 })).toBe(2);
    expect(pagesNeeded(grid, 0)).toBe(0);
  });
});
