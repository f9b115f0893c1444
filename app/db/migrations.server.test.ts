import { describe, expect, it } from "vitest";
import { MigrationError, pendingMigrations } from "./migrations.server";

const file = (name: string, checksum = `sum-${name}`) => ({ name, sql: "", checksum });
const row = (
  name: string,
  extra: Partial<{ checksum: string; finished_at: unknown; rolled_back_at: unknown }> = {},
) => ({
  migration_name: name,
  checksum: `sum-${name}`,
  finished_at: 1,
  rolled_back_at: null,
  ...extra,
});

describe("pendingMigrations", () => {
  it("returns the files not yet applied, in order", () => {
    expect(
      pendingMigrations([file("1_a"), file("2_b"), file("3_c")], [row("1_a")]).map((m) => m.name),
    ).toEqual(["2_b", "3_c"]);
  });

  it("re-applies a migration that was rolled back", () => {
    expect(
      pendingMigrations([file("1_a")], [row("1_a", { rolled_back_at: 5, finished_at: null })]),
    ).toHaveLength(1);
  });

  it("refuses a failed, unresolved migration like prisma migrate deploy", () => {
    expect(() => pendingMigrations([file("1_a")], [row("1_a", { finished_at: null })])).toThrow(
      MigrationError,
    );
  });

  it("refuses a migration changed after it was applied", () => {
    expect(() => pendingMigrations([file("1_a", "new")], [row("1_a")])).toThrow(
      /was changed after it was applied/,
    );
  });
});
