import de from "@shopify/polaris/locales/de.json" with { type: "json" };
import en from "@shopify/polaris/locales/en.json" with { type: "json" };
import type { Locale } from "./index";

/** Polaris' own component strings in the merchant's language. */
export function polarisTranslations(locale: Locale) {
  return locale === "de" ? de : en;
}
