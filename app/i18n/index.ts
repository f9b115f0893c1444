import { type Locale, type MessageKey, messages } from "./messages";

export type { Locale, MessageKey } from "./messages";
export const LOCALES: Locale[] = ["en", "de"];

/**
 * The merchant's admin language: Shopify passes it as ?locale= when it opens an embedded app
 * (e.g. "de" or "de-DE"); otherwise the browser's Accept-Language; English when neither is German.
 */
export function resolveLocale(request: Request): Locale {
  const fromQuery = new URL(request.url).searchParams.get("locale");
  const candidates = [fromQuery, ...(request.headers.get("accept-language") ?? "").split(",")].filter(
    Boolean,
  );
  for (const candidate of candidates) {
    const language = String(candidate).trim().slice(0, 2).toLowerCase();
    if (language === "de" || language === "en") return language;
  }
  return "en";
}

export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const template: string = messages[locale][key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function translator(locale: Locale) {
  return (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
}
