/**
 * The product choice's notices and its issue-16 reasons in the merchant's language, from data only (a code and
 * its values): numbers formatted per language ("20,0 g", "2.001 g", "373,59 €"), plural forms picked by count,
 * country names from the runtime's CLDR data. English is rendered the same way, not taken from the engine.
 */
import type { MappingNotice, ReasonParams } from "~/mapping";
import { translate, type Locale, type MessageKey } from "./index";
import { isMessageKey } from "./keys";

const tag = (locale: Locale) => (locale === "de" ? "de-DE" : "en-GB");

/** Whole grams with thousands separators: 2001 → "2.001 g" / "2,001 g". */
export function formatGrams(value: number, locale: Locale): string {
  return `${new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 1 }).format(value)} g`;
}

/** Grams to one decimal, always shown: 20 → "20,0 g" / "20.0 g". */
export function formatExactGrams(value: number, locale: Locale): string {
  const format = new Intl.NumberFormat(tag(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${format.format(value)} g`;
}

/** Minor units in a currency (the shop's): 37359, "EUR" → "373,59 €" / "€373.59". */
export function formatMoney(cents: number, currency: string, locale: Locale): string {
  try {
    return new Intl.NumberFormat(tag(locale), { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${new Intl.NumberFormat(tag(locale), { minimumFractionDigits: 2 }).format(cents / 100)} ${currency}`;
  }
}

/** "Vereinigte Staaten" / "United States" for "US"; the code itself when the runtime has no name. */
export function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([tag(locale)], { type: "region", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}

const text = (v: string | number | undefined): string => (v === undefined ? "" : String(v));
const num = (v: string | number | undefined): number => (typeof v === "number" ? v : Number(v ?? 0));

function fill(locale: Locale, key: string, params: Record<string, string | number>): string | null {
  return isMessageKey(key) ? translate(locale, key as MessageKey, params) : null;
}

const service = (locale: Locale, value: string | number | undefined) =>
  fill(locale, `mapping.service.${text(value)}`, {}) ?? text(value);

function place(values: Record<string, string | number>, locale: Locale): string {
  const territory = text(values.territory);
  return (
    (territory && fill(locale, `mapping.territory.${territory}`, {})) ||
    countryName(text(values.country), locale)
  );
}

/** One notice of a chosen product as a sentence. */
export function noticeText(notice: MappingNotice, locale: Locale): string {
  const v = notice.values;
  switch (notice.code) {
    case "exact-weight":
      return translate(locale, "mapping.exactWeight", {
        exact: formatExactGrams(num(v.exactWeightG), locale),
        items: formatExactGrams(num(v.itemsG), locale),
        tare: formatGrams(num(v.tareG), locale),
        charged: formatGrams(num(v.weightG), locale),
      });
    case "packaging-chosen":
      return translate(locale, "mapping.packagingChosen", {
        packaging: text(v.packaging),
        goods: formatGrams(num(v.goodsG), locale),
        capacity: formatGrams(num(v.capacityG), locale),
      });
    case "customs-form": {
      const currency = text(v.currency) || "EUR";
      const known = num(v.valueCents) >= 0;
      return translate(locale, `mapping.customs.${text(v.basis)}` as MessageKey, {
        form: text(v.form),
        place: place(v, locale),
        value: known ? formatMoney(num(v.valueCents), currency, locale) : "–",
        currency,
        limit: formatMoney(num(v.limitCents), "EUR", locale),
      });
    }
    case "customs-not-needed":
      return translate(locale, "mapping.customsNotNeeded", { place: place(v, locale) });
    case "service-substituted":
      return translate(locale, "mapping.serviceSubstituted", {
        service: service(locale, v.service),
        substitute: service(locale, v.substitute),
        country: countryName(text(v.country), locale),
      });
    case "paid-service-missing":
      return translate(locale, "mapping.paidServiceMissing", {
        service: service(locale, v.service),
        method: text(v.shippingMethod),
        product: text(v.product),
      });
  }
}

const plural = (locale: Locale, count: number) => new Intl.PluralRules(tag(locale)).select(count);

/**
 * The reasons this file owns (issue 16: refused countries, a service left out, no packaging that fits) in
 * either language; null for every other reason key, which the caller renders as before.
 */
export function mappingReasonText(params: ReasonParams | null, locale: Locale): string | null {
  if (!params) return null;
  const v = params.values;
  const code = text(v.country);
  switch (params.key) {
    case "service-unavailable":
      return fill(locale, "reason.service-unavailable", {
        service: service(locale, v.service),
        substitute: service(locale, v.substitute),
        country: countryName(code, locale),
      });
    case "no-packaging-fits": {
      const count = num(v.count);
      const form = plural(locale, count) === "one" ? "one" : "other";
      return fill(locale, `reason.no-packaging-fits.${form}`, {
        count,
        goods: formatGrams(num(v.goodsG), locale),
        capacity: formatGrams(num(v.capacityG), locale),
      });
    }
    case "country-unknown-region":
    case "country-not-iso":
      return fill(locale, `reason.${params.key}`, { code });
    case "country-shopify-only":
      return fill(locale, "reason.country-shopify-only", {
        code,
        useInstead: text(v.useInstead),
        name: countryName(text(v.useInstead), locale),
      });
    case "country-no-postal-service":
      return fill(locale, "reason.country-no-postal-service", { code, country: countryName(code, locale) });
    default:
      return null;
  }
}
