/**
 * The recipient address as the app prints it beside a franking-zone stamp (ADR 014), following Deutsche
 * Post's rules for machine-readable addresses: one left-aligned block without blank lines, the company
 * above the name, street lines, then postal code and town; abroad the town in capitals and the country as
 * the last line, in capitals and in German (Deutsche Post accepts German, English or French names).
 */
export interface PrintableAddress {
  name?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  zip?: string | null;
  city?: string | null;
  /** ISO 3166 alpha-2. */
  countryCode?: string | null;
}

export const HOME_COUNTRY = "DE";

function countryInGerman(code: string): string {
  try {
    return new Intl.DisplayNames(["de"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

const clean = (value: string | null | undefined) => (value ?? "").replace(/\s+/g, " ").trim();

export function addressLines(address: PrintableAddress): string[] {
  const country = clean(address.countryCode).toUpperCase();
  const abroad = country !== "" && country !== HOME_COUNTRY;
  const name = clean(address.name);
  const company = clean(address.company);
  const city = abroad ? clean(address.city).toUpperCase() : clean(address.city);
  const lines = [
    name && company ? company : "",
    name || company,
    clean(address.address1),
    clean(address.address2),
    [clean(address.zip), city].filter(Boolean).join(" "),
    abroad ? countryInGerman(country).toUpperCase() : "",
  ];
  return lines.filter((line) => line !== "");
}
