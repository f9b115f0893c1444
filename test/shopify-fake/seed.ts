import type { AddressSpec, OrderSpec } from "./order-factory";
import { line, PRODUCTS as P, SHIPPING } from "./seed-data";

export const DEMO_SHOP_DOMAIN = "frankier-demo.myshopify.com";
export const DEMO_SHOP = {
  shopDomain: DEMO_SHOP_DOMAIN,
  name: "Frankier Demo",
  email: "shop@frankier-demo.example",
  currencyCode: "EUR",
  ianaTimezone: "Europe/Berlin",
  shopOwnerName: "Katrin Vogel",
  locationName: "Lager Berlin-Schöneberg",
  locations: [
    // A 3PL's warehouse: its fulfillment orders are third-party ones the franking app cannot see.
    { name: "Fulfillment Nord (3PL)", fulfillmentService: "fulfillment-nord" },
    // The merchant's shop in Leipzig: stock for split orders and local pickup.
    { name: "Laden Leipzig" },
  ],
  address: {
    company: "Frankier Demo GmbH",
    address1: "Hauptstraße 12",
    address2: null,
    city: "Berlin",
    zip: "10827",
    province: null,
    provinceCode: null,
    countryCode: "DE",
    phone: "+49 30 5557 1200",
  },
};

function person(
  first: string,
  last: string,
  address: Omit<AddressSpec, "firstName" | "lastName">,
  email?: string,
) {
  const mail =
    email ??
    `${first}.${last}`
      .toLowerCase()
      .replace(/ä/g, "ae")
      .replace(/ö/g, "oe")
      .replace(/ü/g, "ue")
      .replace(/ß/g, "ss")
      .replace(/[^a-z.]/g, "");
  return {
    customer: { email: `${mail}@example.com`, firstName: first, lastName: last },
    shippingAddress: { firstName: first, lastName: last, ...address },
  };
}

const de = (address1: string, zip: string, city: string, extra: Partial<AddressSpec> = {}) => ({
  address1,
  zip,
  city,
  countryCode: "DE",
  ...extra,
});

/**
 * The demo shop's orders, #1001–#1023, placed over the last two weeks (relative to `now`): one case each
 * the franking flow has to handle. #1021–#1023 are the cases of Shopify's fulfillment-order rules: an order
 * assigned to a 3PL location, an order split across two locations and a local pickup order.
 */
export function demoOrders(now: Date): OrderSpec[] {
  const daysAgo = (days: number, hour: number) => {
    const at = new Date(now.getTime() - days * 86_400_000);
    at.setUTCHours(hour, (days * 7) % 60, 0, 0);
    return at.getTime() > now.getTime() ? new Date(now.getTime() - 60_000) : at;
  };
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const longName = {
    first: "Maximiliane Alexandra Friederike",
    last: "von Hohenzollern-Sigmaringen-Wittelsbach",
  };
  return [
    {
      createdAt: daysAgo(13, 8),
      ...person("Anna", "Schmidt", de("Lindenstraße 5", "10969", "Berlin")),
      lineItems: [line(P.grusskarte)],
      shippingLine: SHIPPING.standard,
    },
    {
      createdAt: daysAgo(12, 9),
      ...person(
        "Jonas",
        "Müller",
        de("Schillerstraße 22", "80336", "München", { province: "Bayern", provinceCode: "BY" }),
      ),
      lineItems: [line(P.sticker)],
      shippingLine: SHIPPING.standard,
    },
    {
      createdAt: daysAgo(12, 14),
      ...person("Sebastian", "Braun", de("Kirchgasse 8", "70173", "Stuttgart")),
      lineItems: [line(P.notizbuch)],
      shippingLine: SHIPPING.einschreiben,
      note: "Bitte als Einschreiben versenden.",
    },
    {
      createdAt: daysAgo(11, 10),
      ...person("Maximilian", "Weber", de("Königsallee 60", "40212", "Düsseldorf")),
      lineItems: [line(P.kalender)],
      shippingLine: SHIPPING.standard,
    },
    {
      createdAt: daysAgo(10, 16),
      ...person("Sophie", "Wagner", de("Hafenstraße 14", "20459", "Hamburg")),
      lineItems: [line(P.bildband)],
      shippingLine: SHIPPING.paket,
      tags: ["Stammkundin"],
    },
    {
      createdAt: daysAgo(9, 11),
      ...person("Katharina", "Huber", {
        address1: "Mariahilfer Straße 88",
        zip: "1070",
        city: "Wien",
        countryCode: "AT",
      }),
      lineItems: [line(P.sticker), line(P.kugelschreiber)],
      shippingLine: SHIPPING.international,
    },
    {
      createdAt: daysAgo(9, 15),
      ...person("Camille", "Dubois", {
        address1: "12 Rue de Rivoli",
        zip: "75004",
        city: "Paris",
        countryCode: "FR",
      }),
      lineItems: [line(P.grusskarte, 2)],
      shippingLine: SHIPPING.international,
    },
    {
      createdAt: daysAgo(8, 9),
      ...person("Daan", "de Vries", {
        address1: "Prinsengracht 263",
        zip: "1016 GV",
        city: "Amsterdam",
        countryCode: "NL",
      }),
      lineItems: [line(P.washiTape)],
      shippingLine: SHIPPING.international,
    },
    {
      createdAt: daysAgo(8, 18),
      ...person("Emily", "Johnson", {
        address1: "350 Fifth Avenue",
        address2: "Suite 3300",
        zip: "10118",
        city: "New York",
        province: "New York",
        provinceCode: "NY",
        countryCode: "US",
        phone: "+1 212-555-0142",
      }),
      lineItems: [line(P.notizbuch)],
      shippingLine: SHIPPING.international,
    },
    {
      createdAt: daysAgo(7, 6),
      ...person("Yuki", "Tanaka", {
        address1: "1-1-2 Oshiage",
        address2: "Sumida-ku",
        zip: "131-0045",
        city: "Tokyo",
        province: "Tokyo",
        provinceCode: "JP-13",
        countryCode: "JP",
      }),
      lineItems: [line(P.grusskarte)],
      shippingLine: SHIPPING.international,
    },
    {
      createdAt: daysAgo(6, 12),
      ...person("Luca", "Meier", {
        address1: "Bahnhofstrasse 1",
        zip: "8001",
        city: "Zürich",
        province: "Zürich",
        provinceCode: "ZH",
        countryCode: "CH",
      }),
      lineItems: [line(P.sticker)],
      shippingLine: SHIPPING.international,
    },
    {
      createdAt: daysAgo(5, 13),
      ...person("Oliver", "Smith", {
        address1: "12 Birdcage Walk",
        zip: "SW1A 1AA",
        city: "London",
        countryCode: "GB",
      }),
      lineItems: [line(P.briefpapier)],
      shippingLine: SHIPPING.international,
    },
    {
      createdAt: daysAgo(5, 17),
      ...person("Thomas", "Becker", de("Rheinuferstraße 9", "55116", "Mainz")),
      lineItems: [line(P.briefbeschwerer)],
      shippingLine: SHIPPING.paket,
    },
    {
      createdAt: daysAgo(4, 10),
      ...person(
        "Julia",
        "Hoffmann",
        de("Goethestraße 17", "60313", "Frankfurt am Main", { company: "Hoffmann & Partner Steuerberatung" }),
      ),
      lineItems: [line(P.kugelschreiber, 2), line(P.washiTape), line(P.briefpapier), line(P.grusskarte, 3)],
      shippingLine: SHIPPING.standard,
      tags: ["Geschenk"],
    },
    {
      createdAt: daysAgo(3, 9),
      ...person("Felix", "Schulz", de("Bergstraße 4", "69117", "Heidelberg")),
      lineItems: [line(P.lesezeichen), line(P.grusskarte)],
      shippingLine: SHIPPING.standard,
    },
    {
      createdAt: daysAgo(3, 20),
      customer: { email: "marie.koch@example.com", firstName: "Marie", lastName: "Koch" },
      shippingAddress: null,
      billingAddress: { firstName: "Marie", lastName: "Koch", ...de("Uhlandstraße 30", "10719", "Berlin") },
      lineItems: [line(P.eBook)],
      shippingLine: null,
    },
    {
      createdAt: daysAgo(2, 8),
      ...person("Paul", "Richter", de("Domplatz 2", "50667", "Köln")),
      lineItems: [line(P.notizbuch)],
      shippingLine: SHIPPING.standard,
      cancelled: { reason: "CUSTOMER", at: daysAgo(2, 11) },
    },
    {
      createdAt: daysAgo(2, 15),
      ...person("Laura", "Neumann", de("Marktplatz 1", "01067", "Dresden")),
      lineItems: [line(P.sticker)],
      shippingLine: SHIPPING.einschreiben,
      fulfilled: {
        at: daysAgo(1, 9),
        tracking: {
          company: "Deutsche Post",
          number: "RR123456785DE",
          url: "https://www.deutschepost.de/de/s/sendungsverfolgung.html?piececode=RR123456785DE",
        },
      },
    },
    {
      createdAt: daysAgo(1, 14),
      ...person("Hannah", "Zimmermann", de("Lindenallee 3", "1446", "Potsdam")),
      lineItems: [line(P.grusskarte)],
      shippingLine: SHIPPING.standard,
      financialStatus: "PENDING",
    },
    {
      createdAt: daysAgo(0, 7),
      customer: { email: "m.hohenzollern@example.com", firstName: longName.first, lastName: longName.last },
      shippingAddress: {
        firstName: longName.first,
        lastName: longName.last,
        company: "Gemeinnützige Gesellschaft für Brief- und Schreibkultur mbH",
        ...de("Bürgermeister-Dr.-Friedrich-Wilhelm-Schmidt-Straße 123a", "47051", "Duisburg", {
          address2: "Hinterhaus, 3. Obergeschoss links, bei Familie Schneider-Oberhausen",
        }),
      },
      lineItems: [line(P.kalender)],
      shippingLine: SHIPPING.standard,
    },
    {
      createdAt: minutesAgo(45),
      ...person("Felix", "Hartmann", de("Speicherstadt 4", "20457", "Hamburg")),
      lineItems: [line(P.notizbuch)],
      shippingLine: SHIPPING.standard,
      fulfillmentOrders: [{ location: "Fulfillment Nord (3PL)", lines: [0] }],
    },
    {
      createdAt: minutesAgo(30),
      ...person("Clara", "Schulz", de("Karl-Liebknecht-Straße 20", "04107", "Leipzig")),
      lineItems: [line(P.grusskarte), line(P.sticker)],
      shippingLine: SHIPPING.standard,
      fulfillmentOrders: [
        { location: "Lager Berlin-Schöneberg", lines: [0] },
        { location: "Laden Leipzig", lines: [1] },
      ],
    },
    {
      createdAt: minutesAgo(15),
      ...person("Emil", "Krause", de("Petersstraße 8", "04109", "Leipzig")),
      lineItems: [line(P.grusskarte, 2)],
      shippingLine: { title: "Abholung im Laden Leipzig", code: "pickup", priceCents: 0 },
      deliveryMethod: "PICK_UP",
      fulfillmentOrders: [{ location: "Laden Leipzig", lines: [0] }],
    },
  ];
}
