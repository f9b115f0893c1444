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

/**
 * The documents as sent: `${NAME}` inside a document is another `#graphql` constant of the same file (a
 * fragment), put in place. Fragments alone are checked as part of the documents that use them.
 */
function appDocuments(): Array<{ file: string; document: string }> {
  return sourceFiles("app").flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const constants = new Map(
      [...source.matchAll(/const (\w+) = `(#graphql[\s\S]*?)`/g)].map((m) => [m[1] ?? "", m[2] ?? ""]),
    );
    const resolve = (text: string, depth = 0): string =>
      text.replace(/\$\{(\w+)\}/g, (whole, name: string) => {
        const fragment = constants.get(name);
        return fragment !== undefined && depth < 5 ? resolve(fragment, depth + 1) : whole;
      });
    return [...source.matchAll(/`(#graphql[\s\S]*?)`/g)]
      .map((m) => resolve(m[1] ?? ""))
      .filter((document) => !/^#graphql\s+fragment\b/.test(document))
      .map((document) => ({ file, document }));
  });
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
