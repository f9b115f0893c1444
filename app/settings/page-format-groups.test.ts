import { describe, expect, it } from "vitest";
import { toStoredCatalog } from "~/catalog/portokasse-catalog.server";
import { pageFormats } from "../../test/simulators/internetmarke/data";
import { pageFormatGroups } from "./page-format-groups";

const stored = toStoredCatalog({
  pageFormats: pageFormats.map((f) => ({ ...f, description: null })),
  publicMotifs: [],
  privateMotifs: [],
  contractProducts: [],
}).pageFormats;

describe("page formats a merchant can find", () => {
  it("groups sheets, label printers and envelopes, each sorted by name, with label size and grid", () => {
    const groups = pageFormatGroups(stored);
    expect(groups.map((g) => g.kind)).toEqual(["sheet", "labelPrinter", "envelope"]);
    expect(groups.flatMap((g) => g.formats)).toHaveLength(stored.length);
    for (const group of groups) {
      const names = group.formats.map((f) => f.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "de", { numeric: true })));
    }
    const a4 = groups[0]?.formats.find((f) => f.id === 1);
    expect(a4).toEqual({
      id: 1,
      name: "DIN A4 Normalpapier",
      labelMm: { width: 90, height: 47 },
      columns: 2,
      rows: 5,
    });
  });

  it("puts label printers first when the shop prints on one, and keeps only address formats on request", () => {
    const printer = stored.find((f) => f.pageType === "LABELPRINTER");
    expect(pageFormatGroups(stored, { currentId: printer?.id }).map((g) => g.kind)[0]).toBe("labelPrinter");
    const address = pageFormatGroups(stored, { addressZone: true }).flatMap((g) => g.formats);
    expect(address.length).toBeLessThan(stored.length);
    expect(address.every((f) => stored.find((s) => s.id === f.id)?.isAddressPossible)).toBe(true);
  });
});
