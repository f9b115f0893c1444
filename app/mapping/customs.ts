// Customs declaration (CN 22 / CN 23) for a letter with goods: decided by the EU customs and VAT territory,
// not EU membership, per destination country and, where it matters, postal code. Sources per row below and
// in app/mapping/README.md ("Customs").
//
// Deutsche Post, "Zollbestimmungen – das Wichtigste im Überblick" (deutschepost.de, Briefe ins Ausland):
// goods in letters need a declaration when sent to non-EU states, to areas outside the EU customs territory
// and to third-country territories for VAT; CN 22 up to 300 SDR of goods value, CN 23 above.
// Deutsche Post, "Besondere Zollbestimmungen" (EU member states and their areas that need CN 22/CN 23).
// EU: Union Customs Code, Regulation (EU) 952/2013, Art. 4 (customs territory, as amended by Regulation
// (EU) 2019/474 for Campione d'Italia); VAT Directive 2006/112/EC, Art. 6 and 7 (areas outside the VAT area).
import { EU_MEMBER_STATES } from "./countries";

/** A place whose customs status differs from its country code's. */
export interface Territory {
  id: string; // message key part: customs.territory.<id>
  country: string; // ISO alpha-2 as Shopify sends it
  /** Postal codes of the territory (spaces removed, upper case). */
  postalCode: RegExp;
  declaration: boolean;
  source: string;
}

/** Areas whose status differs from their country code. First match wins. */
export const TERRITORIES: readonly Territory[] = [
  {
    id: "heligoland",
    country: "DE",
    postalCode: /^27498$/,
    declaration: true,
    source: "UCC Art. 4(1) (outside the customs territory); Deutsche Post: treated like non-EU mail",
  },
  {
    id: "buesingen",
    country: "DE",
    postalCode: /^78266$/,
    declaration: true,
    source: "UCC Art. 4(1) (Swiss customs area by the 1964 treaty); Deutsche Post: treated like non-EU mail",
  },
  {
    id: "ceuta",
    country: "ES",
    postalCode: /^51\d{3}$/,
    declaration: true,
    source: "UCC Art. 4(1); VAT Directive Art. 6(1)(b); Deutsche Post, Besondere Zollbestimmungen",
  },
  {
    id: "melilla",
    country: "ES",
    postalCode: /^52\d{3}$/,
    declaration: true,
    source: "UCC Art. 4(1); VAT Directive Art. 6(1)(b); Deutsche Post, Besondere Zollbestimmungen",
  },
  {
    id: "canary-islands",
    country: "ES",
    postalCode: /^(35|38)\d{3}$/,
    declaration: true,
    source: "VAT Directive Art. 6(1)(b) (outside the VAT area); Deutsche Post, Besondere Zollbestimmungen",
  },
  {
    id: "livigno",
    country: "IT",
    postalCode: /^23041$/,
    declaration: true,
    source: "UCC Art. 4(1); VAT Directive Art. 6(2)(a); Deutsche Post, Besondere Zollbestimmungen",
  },
  {
    id: "campione",
    country: "IT",
    postalCode: /^22061$/,
    declaration: true,
    source: "VAT Directive Art. 6(1)(e) (in the customs territory since Reg. 2019/474, outside the VAT area)",
  },
  {
    id: "mount-athos",
    country: "GR",
    postalCode: /^6308[67]$/,
    declaration: true,
    source: "VAT Directive Art. 6(1)(a); Deutsche Post, Besondere Zollbestimmungen",
  },
  {
    id: "aland",
    country: "FI",
    postalCode: /^22\d{3}$/,
    declaration: true,
    source: "VAT Directive Art. 6(1)(d); Deutsche Post, Besondere Zollbestimmungen (Ålandinseln)",
  },
  {
    // 971 Guadeloupe, 972 Martinique, 973 French Guiana, 974 Réunion, 975 Saint-Pierre-et-Miquelon,
    // 976 Mayotte, 977 Saint-Barthélemy, 978 Saint-Martin; 986-988 Wallis-et-Futuna, Polynesia, New Caledonia.
    id: "french-overseas",
    country: "FR",
    postalCode: /^(97\d|98[6-8])\d{2}$/,
    declaration: true,
    source: "VAT Directive Art. 6(1)(c); UCC Art. 4(1); Deutsche Post, Besondere Zollbestimmungen",
  },
  {
    id: "northern-ireland",
    country: "GB",
    postalCode: /^BT\d/,
    declaration: false,
    source:
      "Windsor Framework (Protocol on Ireland/Northern Ireland, Art. 5 and 8): EU customs and VAT rules for " +
      "goods apply. Assumption: Deutsche Post's own page was not available to check",
  },
];

/**
 * Countries outside the EU member states that are inside the EU customs and VAT territory: Monaco
 * (UCC Art. 4(2); VAT Directive Art. 7). San Marino and Andorra (customs unions, outside the VAT area),
 * Vatican City, Gibraltar, the Channel Islands (JE, GG), the Isle of Man (IM) and every other code are not.
 */
export const INSIDE_WITHOUT_MEMBERSHIP: ReadonlySet<string> = new Set(["MC"]);

/** 300 SDR in euro cents, as Deutsche Post's Zollbestimmungen state it (373,59 €): CN 22 up to it, CN 23 above. */
export const CN22_MAX_VALUE_EUR_CENTS = 37_359;

export type CustomsForm = "CN 22" | "CN 23";

export type CustomsDecision =
  | { declaration: false; territory: string | null }
  | {
      declaration: true;
      territory: string | null;
      form: CustomsForm;
      /** Why this form: the value against 300 SDR, or a value that cannot be compared (unknown or not in EUR). */
      basis: "value-up-to-limit" | "value-above-limit" | "value-unknown" | "value-not-in-eur";
    };

const cleanZip = (zip: string | null): string => (zip ?? "").replace(/\s+/g, "").toUpperCase();

/** The territory a postal address lies in, when its status differs from its country's. */
export function territoryOf(countryCode: string, zip: string | null): Territory | null {
  const code = cleanZip(zip);
  return TERRITORIES.find((t) => t.country === countryCode && t.postalCode.test(code)) ?? null;
}

/**
 * Whether goods to this address need a customs declaration, and which form. `valueCents` is the order total
 * in shop money (minor units of `currencyCode`); null when unknown. A value that is not in euros (or whose
 * currency is unknown) cannot be compared with 300 SDR, so the form then is CN 23, which Deutsche Post accepts for any value.
 */
export function customsDecision(
  countryCode: string,
  zip: string | null,
  valueCents: number | null,
  currencyCode: string | null,
): CustomsDecision {
  const territory = territoryOf(countryCode, zip);
  const inside = EU_MEMBER_STATES.has(countryCode) || INSIDE_WITHOUT_MEMBERSHIP.has(countryCode);
  const declaration = territory ? territory.declaration : !inside;
  const id = territory?.id ?? null;
  if (!declaration) return { declaration: false, territory: id };
  if (valueCents === null) return { declaration: true, territory: id, form: "CN 23", basis: "value-unknown" };
  if (currencyCode?.trim().toUpperCase() !== "EUR") {
    return { declaration: true, territory: id, form: "CN 23", basis: "value-not-in-eur" };
  }
  return valueCents <= CN22_MAX_VALUE_EUR_CENTS
    ? { declaration: true, territory: id, form: "CN 22", basis: "value-up-to-limit" }
    : { declaration: true, territory: id, form: "CN 23", basis: "value-above-limit" };
}
