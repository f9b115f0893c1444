// Destination zones. Deutsche Post letter prices only distinguish domestic (DE) from international; the EU
// membership is used for the merchant-facing reason and to flag that goods outside the EU need a customs form.

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
