import { type Locale, type MessageKey, messages } from "./messages";

export type { Locale, MessageKey } from "./messages";
export const LOCALES: Locale[] = ["en", "de"];

/** Remembers the admin's language between pages (Shopify passes ?locale= only when it opens the app). */
export const LOCALE_COOKIE = "frankiermeister_locale";

function cookieLocale(request: Request): string | null {
  const cookies = request.headers.get("cookie") ?? "";
  const match = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([a-zA-Z-]{2,10})`).exec(cookies);
  return match?.[1] ?? null;
}

/**
 * The merchant's admin language: Shopify passes it as ?locale= when it opens an embedded app
 * (e.g. "de" or "de-DE"); on later pages the remembered cookie; otherwise the browser's
 * Accept-Language; English when none of them is German.
 */
export function resolveLocale(request: Request): Locale {
  const fromQuery = new URL(request.url).searchParams.get("locale");
  const acceptLanguage = (request.headers.get("accept-language") ?? "").split(",");
  const candidates = [fromQuery, cookieLocale(request), ...acceptLanguage].filter(Boolean);
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

/**
 * The Set-Cookie value that remembers ?locale= for the following pages, or null when the request
 * names no locale. Partitioned and SameSite=None: the app runs in Shopify admin's iframe.
 */
export function localeCookie(request: Request): string | null {
  if (!new URL(request.url).searchParams.get("locale")) return null;
  const locale = resolveLocale(request);
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=None; Secure; Partitioned`;
}

/** Keys that exist as `<base>.one` and `<base>.other` (German and English plurals have these two forms). */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.other`
    ? `${Base}.one` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

/** The plural form for `count` ("1 Bestellung", "3 Bestellungen"); `count` is filled in as `{count}`. */
export function translatePlural(
  locale: Locale,
  key: PluralKey,
  count: number,
  params: Record<string, string | number> = {},
): string {
  const form = new Intl.PluralRules(locale).select(count) === "one" ? "one" : "other";
  return translate(locale, `${key}.${form}`, { count, ...params });
}
