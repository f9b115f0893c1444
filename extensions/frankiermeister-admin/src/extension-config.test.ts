/** shopify.extension.toml, the locales and shopify.d.ts agree with each other and with src/. */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import de from "../locales/de.json";
import en from "../locales/en.default.json";
import { EXTENSION_ROOT, readExtensionConfig } from "./testing/harness";
import { translate } from "./testing/locale";

const TARGETS = [
  "admin.order-index.selection-action.render",
  "admin.order-details.action.render",
  "admin.order-details.block.render",
  "admin.order-details.print-action.render",
  "admin.order-index.selection-print-action.render",
];

/** shopify.d.ts as module path → targets whose API its `shopify` global has (single or double quotes). */
function globalDeclarations(): Map<string, string[]> {
  const text = readFileSync(resolve(EXTENSION_ROOT, "shopify.d.ts"), "utf8");
  const blocks = text.matchAll(/declare module ["']([^"']+)["'] \{([^}]*)\}/g);
  return new Map(
    [...blocks].map(([, module = "", body = ""]) => [
      module,
      [...body.matchAll(/@shopify\/ui-extensions\/([\w.-]+)["']\)\.Api/g)].map((m) => m[1] ?? ""),
    ]),
  );
}

function keysOf(node: unknown, prefix = ""): string[] {
  if (typeof node !== "object" || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => keysOf(value, prefix ? `${prefix}.${key}` : key));
}

describe("shopify.extension.toml", () => {
  const config = readExtensionConfig();

  test("targets API version 2026-07 with one target per extension, every target once", () => {
    expect(config.api_version).toBe("2026-07");
    expect(config.extensions.map((extension) => extension.targeting.length)).toEqual(TARGETS.map(() => 1));
    expect(config.extensions.flatMap((extension) => extension.targeting.map((t) => t.target)).sort()).toEqual(
      [...TARGETS].sort(),
    );
  });

  test("handles are unique; names are translated in both languages", () => {
    const handles = config.extensions.map((extension) => extension.handle);
    expect(new Set(handles).size).toBe(handles.length);
    for (const extension of config.extensions) {
      expect(extension.type).toBe("ui_extension");
      expect(extension.name).toMatch(/^t:/);
      const key = extension.name.slice(2);
      expect(translate("en", key).length).toBeLessThanOrEqual(30);
      expect(translate("de", key).length).toBeLessThanOrEqual(30);
    }
  });

  test("every module exists and is declared in shopify.d.ts with its target's API", () => {
    for (const { module, target } of config.extensions.flatMap((extension) => extension.targeting)) {
      expect(existsSync(resolve(EXTENSION_ROOT, module))).toBe(true);
      expect(globalDeclarations().get(module)).toEqual([target]);
    }
  });

  test("shopify.d.ts declares the `shopify` global for every source module", () => {
    const declared = globalDeclarations();
    const sources = (readdirSync(resolve(EXTENSION_ROOT, "src"), { recursive: true }) as string[])
      .map((file) => `./src/${file.replaceAll("\\", "/")}`)
      .filter(
        (file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.startsWith("./src/testing/"),
      );
    for (const source of sources) expect(declared.has(source), source).toBe(true);
  });
});

describe("locales", () => {
  test("German and English have the same keys", () => {
    expect(keysOf(de).sort()).toEqual(keysOf(en).sort());
  });

  test("replacements match between the languages", () => {
    const placeholders = (locale: unknown, key: string) =>
      [
        ...String(
          key.split(".").reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], locale),
        ).matchAll(/\{\{(\w+)\}\}/g),
      ]
        .map((m) => m[1])
        .sort();
    for (const key of keysOf(en)) {
      if (key.endsWith(".one")) continue;
      expect(placeholders(de, key), key).toEqual(placeholders(en, key));
    }
  });
});
