import { describe, expect, it } from "vitest";
import { ADDRESS_LIMITS, bindAddresses, checkAddress, toInternetmarkeAddress } from "./address";
import { COUNTRY_COUNT, toAlpha3 } from "./countries";

const shop = {
  firstName: "Erika",
  lastName: "Mustermann",
  company: "Muster GmbH",
  address1: "Heidestraße 17",
  address2: "Hinterhaus",
  zip: "51147",
  city: "Köln",
  countryCode: "DE",
};

describe("toInternetmarkeAddress", () => {
  it("maps a shop address field by field", () => {
    expect(toInternetmarkeAddress(shop)).toEqual({
      ok: true,
      address: {
        name: "Erika Mustermann",
        additionalName: "Muster GmbH",
        addressLine1: "Heidestraße 17",
        addressLine2: "Hinterhaus",
        postalCode: "51147",
        city: "Köln",
        country: "DEU",
      },
    });
  });

  it("prefers the full name, trims, and leaves out empty optional fields", () => {
    const r = toInternetmarkeAddress({
      ...shop,
      name: "  Dr. Erika Mustermann ",
      company: " ",
      address2: null,
    });
    expect(r).toEqual({
      ok: true,
      address: {
        name: "Dr. Erika Mustermann",
        addressLine1: "Heidestraße 17",
        postalCode: "51147",
        city: "Köln",
        country: "DEU",
      },
    });
  });

  it("accepts values exactly at the limits", () => {
    const r = toInternetmarkeAddress({
      ...shop,
      name: "n".repeat(50),
      company: "c".repeat(40),
      address1: "a".repeat(50),
      address2: "b".repeat(60),
      city: "k".repeat(40),
    });
    expect(r.ok).toBe(true);
  });

  it("reports every value that would be cut or rejected, never shortens it", () => {
    const r = toInternetmarkeAddress({
      name: "n".repeat(51),
      company: "c".repeat(41),
      address1: "a".repeat(51),
      address2: "b".repeat(61),
      zip: "1234",
      city: "k".repeat(41),
      countryCode: "XK",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.field, p.problem, p.shopField])).toEqual([
      ["name", "too_long", "name"],
      ["additionalName", "too_long", "company"],
      ["addressLine1", "too_long", "address1"],
      ["addressLine2", "too_long", "address2"],
      ["postalCode", "wrong_length", "zip"],
      ["city", "too_long", "city"],
      ["country", "unknown_country", "countryCode"],
    ]);
    expect(r.problems[0]?.value).toBe("n".repeat(51));
    expect(r.problems[0]?.message).toContain("51");
  });

  it("reports missing required fields", () => {
    const r = toInternetmarkeAddress({});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => `${p.field}:${p.problem}`)).toEqual([
      "name:missing",
      "addressLine1:missing",
      "postalCode:missing",
      "city:missing",
      "country:missing",
    ]);
  });

  it("reports a 6-character postal code (e.g. a foreign format) instead of cutting it", () => {
    const r = toInternetmarkeAddress({ ...shop, zip: "1234 AB", countryCode: "NL" });
    expect(r).toMatchObject({
      ok: false,
      problems: [{ field: "postalCode", problem: "wrong_length", value: "1234 AB" }],
    });
  });
});

describe("bindAddresses", () => {
  it("binds sender and receiver", () => {
    const r = bindAddresses({ sender: shop, receiver: { ...shop, countryCode: "AT", zip: "10100" } });
    expect(r.ok && r.binding.receiver.country).toBe("AUT");
  });

  it("prefixes problems with the side", () => {
    const r = bindAddresses({ sender: { ...shop, city: "" }, receiver: { ...shop, zip: "123" } });
    expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual(["sender.city", "receiver.postalCode"]);
  });
});

describe("checkAddress", () => {
  it("checks a stored address, including the alpha-3 country", () => {
    const ok = { name: "A", addressLine1: "B 1", postalCode: "12345", city: "C", country: "DEU" };
    expect(checkAddress(ok)).toEqual([]);
    expect(checkAddress({ ...ok, country: "DE" }).map((p) => p.problem)).toEqual(["unknown_country"]);
    expect(checkAddress({ ...ok, addressLine2: "" }).map((p) => p.problem)).toEqual(["missing"]);
  });

  it("documents the API limits", () => {
    expect(ADDRESS_LIMITS.postalCode).toEqual({ min: 5, max: 5 });
  });
});

describe("toAlpha3", () => {
  it.each([
    ["DE", "DEU"],
    ["de", "DEU"],
    ["AT", "AUT"],
    ["CH", "CHE"],
    ["GB", "GBR"],
    ["US", "USA"],
    ["NL", "NLD"],
    ["KR", "KOR"],
    ["AX", "ALA"],
    ["SS", "SSD"],
    ["DEU", "DEU"],
    ["XK", null],
    ["ZZ", null],
    ["", null],
    ["GER", null],
  ])("%s -> %s", (input, expected) => {
    expect(toAlpha3(input)).toBe(expected);
  });

  it("ships the complete ISO 3166-1 table", () => {
    expect(COUNTRY_COUNT).toBe(249);
  });
});
