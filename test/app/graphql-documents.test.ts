import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { loadAdminSchema } from "../shopify-fake/schema";

/**
 * Every Admin GraphQL document the app sends (template literals starting with `#graphql`)
 * must validate against the real Admin API 2026-10 schema.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function appDocuments(): Array<{ file: string; document: string }> {
  return sourceFiles("app").flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/`(#graphql[\s\S]*?)`/g)].map((m) => ({
      file,
      document: m[1] ?? "",
    })),
  );
}

describe("the app's Admin GraphQL documents", () => {
  const documents = appDocuments();

  it("are found", () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(
    documents.map((d) => [
      `${d.file}: ${/(query|mutation)\s+(\w+)/.exec(d.document)?.[2] ?? "?"}`,
      d.document,
    ]),
  )("%s validates against the 2026-10 schema", (_name, document) => {
    const errors = validate(loadAdminSchema(), parse(document));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it("would catch a document Shopify rejects", () => {
    const errors = validate(loadAdminSchema(), parse("#graphql\n query { shop { nameOfTheShop } }"));
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining("nameOfTheShop")]);
  });
});
