/** Money and dates for the batches pages, in the merchant's language; dates in German time. */
import type { Locale } from "~/i18n";

const tag = (locale: Locale) => (locale === "de" ? "de-DE" : "en-GB");

export function formatEuro(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), { style: "currency", currency: "EUR" }).format(cents / 100);
}

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), {
    timeZone: "Europe/Berlin",
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));
}

/** `YYYY-MM-DD` of `date` in German time. */
export function berlinDay(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(date);
}

/** The numeric id of `gid://shopify/Order/123`, or the input unchanged. */
export const numericId = (gid: string) => gid.split("/").pop() ?? gid;
