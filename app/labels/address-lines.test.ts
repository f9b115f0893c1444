import { describe, expect, it } from "vitest";
import { addressLines } from "./address-lines";

describe("the address the app prints beside a franking-zone stamp", () => {
  it("puts the company above the name and leaves no blank line at home", () => {
    expect(
      addressLines({
        name: "Erika Muster",
        company: "Muster GmbH",
        address1: "Hauptstr. 1",
        zip: "53113",
        city: "Bonn",
        countryCode: "DE",
      }),
    ).toEqual(["Muster GmbH", "Erika Muster", "Hauptstr. 1", "53113 Bonn"]);
  });

  it("abroad: the town in capitals, the country last in German capitals", () => {
    expect(
      addressLines({
        name: "John Smith",
        address1: "10 Downing Street",
        address2: "Flat 2",
        zip: "SW1A 2AA",
        city: "London",
        countryCode: "GB",
      }),
    ).toEqual(["John Smith", "10 Downing Street", "Flat 2", "SW1A 2AA LONDON", "VEREINIGTES KÖNIGREICH"]);
    expect(
      addressLines({ name: "A", address1: "B", zip: "1010", city: "Wien", countryCode: "at" }).at(-1),
    ).toBe("ÖSTERREICH");
  });
});
