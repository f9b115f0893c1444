/**
 * Strings and money in the merchant's admin language (German or English, `locales/*.json`).
 * Shared by every target; reads the `shopify` global that each target's host provides.
 */

type Messages = typeof import("../locales/en.default.json");

/** Dotted paths to the strings of `en.default.json`; a `{one, other}` object is one key (plurals). */
type Keys<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K}`
    : T[K] extends { other: string }
      ? `${Prefix}${K}`
      : Keys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Keys<Messages>;
export type Replacements = Record<string, string | number>;

export function t(key: MessageKey, replacements?: Replacements): string {
  return shopify.i18n.translate(key, replacements);
}

/** Cents as euros in the admin's locale: "12,34 €" in German, "€12.34" in English. */
export function formatEuro(cents: number): string {
  return shopify.i18n.formatCurrency(cents / 100, { currency: "EUR" });
}
