/**
 * Test set-up for one extension target: the tester's mock `shopify` global and `fetch`, a fake app
 * behind `fetch`, English (or German) strings from locales/, and a clean DOM after each test.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { I18n } from "@shopify/ui-extensions";
import { getExtension } from "@shopify/ui-extensions-tester";
import { render } from "preact";
import { parse } from "smol-toml";
import { afterEach, beforeEach } from "vitest";
import { FakeApp } from "./fake-app";
import { installLocale } from "./locale";

export const EXTENSION_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export type Target =
  | "admin.order-index.selection-action.render"
  | "admin.order-details.action.render"
  | "admin.order-details.block.render"
  | "admin.order-details.print-action.render"
  | "admin.order-index.selection-print-action.render";

interface ExtensionConfig {
  api_version: string;
  extensions: {
    name: string;
    handle: string;
    type: string;
    targeting: { module: string; target: string }[];
  }[];
}

export function readExtensionConfig(): ExtensionConfig {
  return parse(
    readFileSync(resolve(EXTENSION_ROOT, "shopify.extension.toml"), "utf8"),
  ) as unknown as ExtensionConfig;
}

/** The module shopify.extension.toml names for `target`, as an absolute path. */
export function moduleOf(target: Target): string {
  const targeting = readExtensionConfig()
    .extensions.flatMap((extension) => extension.targeting)
    .find((entry) => entry.target === target);
  if (targeting === undefined) throw new Error(`shopify.extension.toml has no ${target}`);
  return resolve(EXTENSION_ROOT, targeting.module);
}

export function setUpTarget<T extends Target>(target: T) {
  const extension = getExtension(target, { configSearchDir: EXTENSION_ROOT });
  const app = new FakeApp();

  beforeEach(() => {
    extension.setUp();
    app.reset();
    extension.fetch = app.fetch;
    installLocale(extension.shopify as { i18n: I18n }, "en");
  });

  afterEach(() => {
    render(null, document.body);
    extension.tearDown();
  });

  return {
    extension,
    app,
    /**
     * Does what `extension.render()` does (import the target's module from the toml, call its default
     * export), but through vitest's module loader: the tester is loaded as an external package, and
     * Node's own import() cannot load .tsx.
     */
    async render() {
      const module = (await import(/* @vite-ignore */ moduleOf(target))) as { default: () => Promise<void> };
      await module.default();
    },
  };
}
