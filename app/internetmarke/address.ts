import { toAlpha3 } from "./countries";

/** The API's `Address` (sender or receiver inside an address binding). */
export interface Address {
  name: string;
  /** Printed above the name, e.g. the company. */
  additionalName?: string;
  addressLine1: string;
  addressLine2?: string;
  postalCode: string;
  city: string;
  /** ISO 3166 alpha-3, e.g. `DEU`. */
  country: string;
}

export interface AddressBinding {
  sender: Address;
  receiver: Address;
}

/** A shipping address as a shop has it (Shopify's MailingAddress field names). */
export interface ShippingAddress {
  name?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  zip?: string | null;
  city?: string | null;
  /** ISO alpha-2 (`DE`) or alpha-3 (`DEU`). */
  countryCode?: string | null;
}

export type AddressField = keyof Address;

/** Field limits of the API's Address schema (characters, inclusive). */
export const ADDRESS_LIMITS: Readonly<Record<AddressField, { min: number; max: number }>> = {
  name: { min: 1, max: 50 },
  additionalName: { min: 0, max: 40 },
  addressLine1: { min: 1, max: 50 },
  addressLine2: { min: 1, max: 60 },
  postalCode: { min: 5, max: 5 },
  city: { min: 1, max: 40 },
  country: { min: 3, max: 3 },
};

export type AddressProblemKind = "missing" | "too_long" | "wrong_length" | "unknown_country";

export interface AddressProblem {
  /** `name`, or `receiver.postalCode` inside a binding. */
  field: string;
  /** The shop's field the value came from (`zip` for `postalCode`), when mapped from a ShippingAddress. */
  shopField?: keyof ShippingAddress;
  problem: AddressProblemKind;
  /** The value as given (trimmed), so the merchant can see and fix it. */
  value: string | null;
  message: string;
}

export type AddressResult = { ok: true; address: Address } | { ok: false; problems: AddressProblem[] };

const SHOP_FIELD: Record<AddressField, keyof ShippingAddress> = {
  name: "name",
  additionalName: "company",
  addressLine1: "address1",
  addressLine2: "address2",
  postalCode: "zip",
  city: "city",
  country: "countryCode",
};

const isAddressField = (field: string): field is AddressField => Object.hasOwn(ADDRESS_LIMITS, field);

const clean = (value: string | null | undefined): string => (value ?? "").trim();

/**
 * Checks an Address against the API's limits. Nothing is shortened or rewritten: every value that would be
 * cut off or rejected by the server is reported.
 */
export function checkAddress(address: Address, prefix = ""): AddressProblem[] {
  const problems: AddressProblem[] = [];
  const fields: AddressField[] = [
    "name",
    "additionalName",
    "addressLine1",
    "addressLine2",
    "postalCode",
    "city",
  ];
  for (const field of fields) {
    const value = address[field];
    const { min, max } = ADDRESS_LIMITS[field];
    const optional = field === "additionalName" || field === "addressLine2";
    if (value === undefined && optional) continue;
    const v = value ?? "";
    const at = `${prefix}${field}`;
    if (v.length === 0 && min > 0) {
      problems.push({ field: at, problem: "missing", value: null, message: `${at} is required` });
    } else if (min === max && v.length !== min) {
      problems.push({
        field: at,
        problem: "wrong_length",
        value: v,
        message: `${at} must have exactly ${min} characters, has ${v.length}`,
      });
    } else if (v.length > max) {
      problems.push({
        field: at,
        problem: "too_long",
        value: v,
        message: `${at} has ${v.length} characters, at most ${max} fit`,
      });
    }
  }
  const country = address.country;
  if (country.length === 0) {
    problems.push({
      field: `${prefix}country`,
      problem: "missing",
      value: null,
      message: `${prefix}country is required`,
    });
  } else if (toAlpha3(country) !== country) {
    problems.push({
      field: `${prefix}country`,
      problem: "unknown_country",
      value: country,
      message: `${prefix}country must be an ISO 3166 alpha-3 code`,
    });
  }
  return problems;
}

/** Maps a shop's shipping address to the API's Address, or lists every field that does not fit. */
export function toInternetmarkeAddress(input: ShippingAddress, prefix = ""): AddressResult {
  const fullName =
    clean(input.name) || [clean(input.firstName), clean(input.lastName)].filter(Boolean).join(" ");
  const countryCode = clean(input.countryCode);
  const alpha3 = countryCode === "" ? "" : toAlpha3(countryCode);
  const address: Address = {
    name: fullName,
    addressLine1: clean(input.address1),
    postalCode: clean(input.zip),
    city: clean(input.city),
    country: alpha3 ?? countryCode.toUpperCase(),
  };
  const company = clean(input.company);
  if (company !== "") address.additionalName = company;
  const line2 = clean(input.address2);
  if (line2 !== "") address.addressLine2 = line2;

  const problems = checkAddress(address, prefix).map((p): AddressProblem => {
    const field = p.field.slice(prefix.length);
    const shopField = isAddressField(field) ? SHOP_FIELD[field] : undefined;
    return p.problem === "unknown_country"
      ? {
          ...p,
          shopField,
          value: countryCode,
          message: `${prefix}country: unknown country code "${countryCode}"`,
        }
      : { ...p, shopField };
  });
  return problems.length === 0 ? { ok: true, address } : { ok: false, problems };
}

export type AddressBindingResult =
  { ok: true; binding: AddressBinding } | { ok: false; problems: AddressProblem[] };

/** Sender and receiver together (both are required inside a binding); problems are prefixed `sender.`/`receiver.`. */
export function bindAddresses(input: {
  sender: ShippingAddress;
  receiver: ShippingAddress;
}): AddressBindingResult {
  const sender = toInternetmarkeAddress(input.sender, "sender.");
  const receiver = toInternetmarkeAddress(input.receiver, "receiver.");
  if (sender.ok && receiver.ok)
    return { ok: true, binding: { sender: sender.address, receiver: receiver.address } };
  return {
    ok: false,
    problems: [...(sender.ok ? [] : sender.problems), ...(receiver.ok ? [] : receiver.problems)],
  };
}
