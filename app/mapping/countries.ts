// Destination zones. Deutsche Post letter prices only distinguish domestic (DE) from international; the EU
// membership is used for the merchant-facing reason. Whether goods need a customs form is decided by the EU
// customs and VAT territory, not membership: see customs.ts.
import { toAlpha3 } from "~/internetmarke/countries";

/** The 27 EU member states (ISO 3166 alpha-2; Greece is GR here, not the EU's own "EL"). */
export const EU_MEMBER_STATES: ReadonlySet<string> = new Set([
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
]);

export type Zone = "domestic" | "eu" | "world";

export const HOME_COUNTRY = "DE";

/** Upper-cased, trimmed alpha-2 code, or null when the value is not two letters. */
export function normaliseCountryCode(code: string | null): string | null {
  const value = (code ?? "").trim().toUpperCase();
  return /^[A-Z]{2}$/.test(value) ? value : null;
}

/**
 * Codes Shopify's CountryCode enum has that name no country Deutsche Post can address a letter to:
 * ZZ is Shopify's "Unknown Region" placeholder (shopify.dev CountryCode); AC (Ascension) and TA (Tristan da
 * Cunha) are Shopify's own codes for parts of Saint Helena, which ISO 3166-1 lists as SH.
 */
export const PLACEHOLDER_REGIONS: Readonly<Record<string, string>> = { ZZ: "", AC: "SH", TA: "SH" };

/**
 * ISO codes of places without a postal service Deutsche Post can deliver to (uninhabited or research-station
 * territories; Deutsche Post's country list has no entry for them): Antarctica, Bouvet Island, Heard and
 * McDonald Islands, United States Minor Outlying Islands.
 */
export const NO_POSTAL_SERVICE: ReadonlySet<string> = new Set(["AQ", "BV", "HM", "UM"]);

export type CountryCheck =
  | { ok: true }
  | { ok: false; problem: "placeholder"; useInstead: string }
  | { ok: false; problem: "not-iso" | "no-postal-service" };

/**
 * Whether Deutsche Post serves this alpha-2 code at all: an officially assigned ISO 3166-1 code (the table the
 * Internetmarke client converts to alpha-3), not a Shopify placeholder, and a place with a postal service.
 * Kosovo (XK, user-assigned) is refused too: the address binding needs an assigned alpha-3 code.
 */
export function checkServed(countryCode: string): CountryCheck {
  const placeholder = PLACEHOLDER_REGIONS[countryCode];
  if (placeholder !== undefined) return { ok: false, problem: "placeholder", useInstead: placeholder };
  if (toAlpha3(countryCode) === null) return { ok: false, problem: "not-iso" };
  if (NO_POSTAL_SERVICE.has(countryCode)) return { ok: false, problem: "no-postal-service" };
  return { ok: true };
}

export function zoneOf(countryCode: string): Zone {
  if (countryCode === HOME_COUNTRY) return "domestic";
  return EU_MEMBER_STATES.has(countryCode) ? "eu" : "world";
}

/** "domestic", "EU (FR)" or "world (US)": the destination in a reason line. */
export function describeZone(countryCode: string): string {
  const zone = zoneOf(countryCode);
  if (zone === "domestic") return "domestic";
  return zone === "eu" ? `EU (${countryCode})` : `world (${countryCode})`;
}
