// Address checks. With the ADDRESS_ZONE layout the stamp carries the recipient address where it fits the
// INTERNETMARKE address fields; where it does not (a postal code that is not 5 characters, a field too long),
// the order is bought with the franking-zone layout and the app prints the address itself (ADR 014).
// In any layout a German postal code must have five digits.
import { checkServed, HOME_COUNTRY, normaliseCountryCode } from "./countries";
import type { MappingFailure, MappingSettings, OrderForMapping } from "./types";

/** Field limits of the INTERNETMARKE address binding (characters). */
export const ADDRESS_LIMITS = {
  name: 50,
  additionalName: 40,
  addressLine1: 50,
  addressLine2: 60,
  city: 40,
  postalCode: 5,
};

const fail = (
  error: MappingFailure["error"],
  reason: string,
  key: string,
  values: Record<string, string | number> = {},
): MappingFailure => ({ ok: false, error, reason, reasonParams: { key, values } });

const clean = (value: string | null): string => (value ?? "").trim();

export function checkAddress(
  order: OrderForMapping,
  settings: MappingSettings,
): { ok: true; countryCode: string; addressOnStamp: boolean } | MappingFailure {
  const address = order.shippingAddress;
  if (!address) return fail("missing-address", "No shipping address on the order", "missing-address");
  const countryCode = normaliseCountryCode(address.countryCode);
  if (!countryCode) {
    return fail("unusable-address", "The shipping address has no valid country", "address-no-country");
  }
  const served = checkServed(countryCode);
  if (!served.ok) return countryRefused(countryCode, served);
  if (settings.unservedCountries.some((c) => c.trim().toUpperCase() === countryCode)) {
    return fail(
      "destination-not-served",
      `Deutsche Post currently does not deliver letters to ${countryCode}`,
      "destination-not-served",
      { country: countryCode },
    );
  }
  const addressZone = settings.voucherLayout === "ADDRESS_ZONE";
  const name = clean(address.name) || clean(address.company);
  if (addressZone) {
    const missing = (
      [
        ["name", "recipient name", name],
        ["street", "street", clean(address.address1)],
        ["city", "city", clean(address.city)],
      ] as const
    )
      .filter(([, , value]) => !value)
      .map(([code, label]) => [code, label] as const);
    if (missing.length > 0) {
      return fail(
        "unusable-address",
        `The address stamp needs ${missing.map(([, label]) => label).join(", ")}; the shipping address has none`,
        "address-missing-fields",
        { fields: missing.map(([code]) => code).join(",") },
      );
    }
  }
  const zip = clean(address.zip);
  if (countryCode === HOME_COUNTRY && !/^\d{5}$/.test(zip)) {
    return fail(
      "postal-code-rejected",
      zip
        ? `German postal code "${zip}" must have exactly 5 digits`
        : "The German address has no postal code",
      "postal-code-german",
      { zip },
    );
  }
  const fits = zip.length === ADDRESS_LIMITS.postalCode && fieldTooLong(address, name) === null;
  return { ok: true, countryCode, addressOnStamp: addressZone && fits };
}

/** Shopify's placeholder regions, codes outside ISO 3166-1 and places without a postal service. */
function countryRefused(country: string, check: Exclude<ReturnType<typeof checkServed>, { ok: true }>) {
  if (check.problem === "placeholder" && check.useInstead === "") {
    return fail(
      "unusable-address",
      `The shipping address names Shopify's "unknown region" (${country}), not a country: correct the address`,
      "country-unknown-region",
      { country },
    );
  }
  if (check.problem === "placeholder") {
    return fail(
      "unusable-address",
      `${country} is a Shopify code, not an ISO country: Deutsche Post addresses it as ${check.useInstead}; correct the address`,
      "country-shopify-only",
      { country, useInstead: check.useInstead },
    );
  }
  if (check.problem === "not-iso") {
    return fail(
      "unusable-address",
      `${country} is not an ISO 3166 country code Deutsche Post can address a letter to`,
      "country-not-iso",
      { country },
    );
  }
  return fail(
    "destination-not-served",
    `Deutsche Post has no letter service to ${country}`,
    "country-no-postal-service",
    { country },
  );
}

/** The first field the address stamp cannot take (then the app prints the address itself). */
export function fieldTooLong(
  address: NonNullable<OrderForMapping["shippingAddress"]>,
  name: string,
): { label: string; length: number; max: number } | null {
  const company = clean(address.name) ? clean(address.company) : ""; // printed above the name when both are set
  const fields: Array<[string, string, number]> = [
    ["name", name, ADDRESS_LIMITS.name],
    ["company", company, ADDRESS_LIMITS.additionalName],
    ["street", clean(address.address1), ADDRESS_LIMITS.addressLine1],
    ["street2", clean(address.address2), ADDRESS_LIMITS.addressLine2],
    ["city", clean(address.city), ADDRESS_LIMITS.city],
  ];
  for (const [label, value, max] of fields) {
    const length = [...value].length;
    if (length > max) return { label, length, max };
  }
  return null;
}
