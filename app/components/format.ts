import type { Locale } from "~/i18n";

const tag = (locale: Locale) => (locale === "de" ? "de-DE" : "en-GB");

export function formatEuro(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), { style: "currency", currency: "EUR" }).format(cents / 100);
}

/** A date and time from an ISO string (as loaders send it), in Berlin time. */
export function formatDateTime(iso: string | null, locale: Locale): string {
  if (!iso) return "–";
  return new Intl.DateTimeFormat(tag(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Berlin",
  }).format(new Date(iso));
}

export function formatDate(iso: string | null, locale: Locale): string {
  if (!iso) return "–";
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: "medium", timeZone: "Europe/Berlin" }).format(
    date,
  );
}

export const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** Cents as a euro amount for an input field ("49.90"); empty for none. */
export function centsToInput(cents: number | undefined): string {
  return cents === undefined ? "" : (cents / 100).toFixed(2);
}

/** A whole number in the locale's format: 2001 -> "2.001" (German), "2,001" (English). */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 0 }).format(value);
}
