/**
 * Real translations for tests, resolved the way Shopify's `i18n.translate` does: dotted keys,
 * `{one, other}` plurals chosen by `count`, `{{name}}` replacements. A missing key or replacement throws.
 */
import type { I18n, I18nTranslate } from "@shopify/ui-extensions";
import de from "../../locales/de.json";
import en from "../../locales/en.default.json";

const LOCALES = {
  en: { messages: en as unknown, intl: "en" },
  de: { messages: de as unknown, intl: "de-DE" },
};
export type Locale = keyof typeof LOCALES;

function lookup(messages: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>(
      (node, part) =>
        typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined,
      messages,
    );
}

export function translate(locale: Locale, key: string, options: Record<string, unknown> = {}): string {
  const { messages, intl } = LOCALES[locale];
  let message = lookup(messages, key);
  if (typeof message === "object" && message !== null && typeof options.count === "number") {
    const plurals = message as Record<string, unknown>;
    message = plurals[new Intl.PluralRules(intl).select(options.count)] ?? plurals.other;
  }
  if (typeof message !== "string") throw new Error(`No ${locale} translation for "${key}"`);
  return message.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in options)) throw new Error(`"${key}" needs the replacement {{${name}}}`);
    return String(options[name]);
  });
}

export function installLocale(shopify: { i18n: I18n }, locale: Locale): void {
  const { intl } = LOCALES[locale];
  const i18n = shopify.i18n;
  i18n.translate = ((key: string, options?: Record<string, unknown>) =>
    translate(locale, key, options)) as I18nTranslate;
  i18n.formatCurrency = (amount, options = {}) => {
    const { inExtensionLocale: _, ...format } = options;
    return new Intl.NumberFormat(intl, { style: "currency", ...format }).format(amount);
  };
  i18n.formatNumber = (amount, options = {}) => {
    const { inExtensionLocale: _, ...format } = options;
    return new Intl.NumberFormat(intl, format).format(amount);
  };
  i18n.formatDate = (date, options = {}) => {
    const { inExtensionLocale: _, ...format } = options;
    return new Intl.DateTimeFormat(intl, format).format(date);
  };
}
