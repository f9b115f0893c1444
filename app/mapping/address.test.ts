import { describe } from "vitest";
import { ok, runCases, type Case } from "../../test/support/mapping/cases";

const chars = (n: number) => "x".repeat(n);
const ADDRESS_ZONE = { voucherLayout: "ADDRESS_ZONE" } as const;
const addresses: Case[] = [
  { name: "no shipping address", order: { address: null }, expected: { error: "missing-address" } },
  {
    name: "no country",
    order: { address: { countryCode: null } },
    expected: { error: "unusable-address", reason: "no valid country" },
  },
  {
    name: "address stamp without street",
    order: { address: { address1: " " } },
    settings: ADDRESS_ZONE,
    expected: { error: "unusable-address", reason: "street" },
  },
  {
    name: "franking zone does not need the street",
    order: { address: { address1: null } },
    expected: ok(21, 180),
  },
  {
    name: "name of 50 characters fits",
    order: { address: { name: chars(50) } },
    settings: ADDRESS_ZONE,
    expected: ok(21, 180),
  },
  {
    name: "name of 51 characters: franked, the app prints the address",
    order: { address: { name: chars(51) } },
    settings: ADDRESS_ZONE,
    expected: ok(21, 180, { flags: ["address-printed"] }),
  },
  {
    name: "company stands in for a missing name",
    order: { address: { name: null, company: "ACME GmbH" } },
    settings: ADDRESS_ZONE,
    expected: ok(21, 180),
  },
  {
    name: "second street line of 61: the app prints the address",
    order: { address: { address2: chars(61) } },
    settings: ADDRESS_ZONE,
    expected: ok(21, 180, { flags: ["address-printed"] }),
  },
  {
    name: "city of 41: the app prints the address",
    order: { address: { city: chars(41) } },
    settings: ADDRESS_ZONE,
    expected: ok(21, 180, { flags: ["address-printed"] }),
  },
  {
    name: "4-digit German postal code, franking zone",
    order: { address: { zip: "5114" } },
    expected: { error: "postal-code-rejected", reason: 'German postal code "5114"' },
  },
  {
    name: "4-digit German postal code, address zone",
    order: { address: { zip: "5114" } },
    settings: ADDRESS_ZONE,
    expected: { error: "postal-code-rejected" },
  },
  {
    name: "UK postcode cannot go on an address stamp: franked, the app prints the address",
    order: { country: "GB" },
    settings: ADDRESS_ZONE,
    expected: ok(10051, 330, { flags: ["address-printed", "customs-declaration"] }),
  },
  {
    name: "UK postcode with the franking zone",
    order: { country: "GB" },
    expected: ok(10051, 330, { reason: "world (GB)" }),
  },
  {
    name: "French postal code on an address stamp",
    order: { country: "FR" },
    settings: ADDRESS_ZONE,
    expected: ok(10051, 330, { flags: [] }),
  },
  {
    name: "unserved destination",
    order: { country: "RU" },
    expected: { error: "destination-not-served", reason: "RU" },
  },
  {
    name: "unserved destination, lower-case code",
    order: { country: "RU", address: { countryCode: "ru" } },
    expected: { error: "destination-not-served" },
  },
];

describe("chooseProduct: addresses", () => runCases(addresses));
