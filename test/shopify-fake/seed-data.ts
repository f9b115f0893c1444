import type { LineItemSpec } from "./order-factory";

/**
 * The demo merchant's catalogue: stationery a small German shop sends as letters (Briefe) or parcels.
 * Weights live on the variant's inventory item, as in Shopify; HS codes and origin serve customs forms.
 */
type Product = Omit<LineItemSpec, "quantity">;

export const PRODUCTS = {
  grusskarte: {
    title: "Grußkarte Berliner Fernsehturm",
    variantTitle: "mit Umschlag",
    sku: "GK-BER-01",
    priceCents: 350,
    weight: { value: 15, unit: "GRAMS" },
    vendor: "Frankier Demo",
    harmonizedSystemCode: "490900",
    countryCodeOfOrigin: "DE",
  },
  sticker: {
    title: "Stickerset Bundesländer",
    variantTitle: null,
    sku: "ST-BL-16",
    priceCents: 690,
    weight: { value: 45, unit: "GRAMS" },
    vendor: "Frankier Demo",
    harmonizedSystemCode: "491199",
    countryCodeOfOrigin: "DE",
  },
  notizbuch: {
    title: "Notizbuch A5 Recyclingpapier",
    variantTitle: "Dotted",
    sku: "NB-A5-DOT",
    priceCents: 1490,
    weight: { value: 300, unit: "GRAMS" },
    vendor: "Papierwerk Leipzig",
    harmonizedSystemCode: "482010",
    countryCodeOfOrigin: "DE",
  },
  kalender: {
    title: "Wandkalender 2027 Deutsche Küsten",
    variantTitle: "A3",
    sku: "KAL-2027-A3",
    priceCents: 2490,
    weight: { value: 900, unit: "GRAMS" },
    vendor: "Frankier Demo",
    harmonizedSystemCode: "491000",
    countryCodeOfOrigin: "DE",
  },
  bildband: {
    title: "Bildband Leuchttürme der Nordsee",
    variantTitle: null,
    sku: "BB-LT-NS",
    priceCents: 3900,
    weight: { value: 1.6, unit: "KILOGRAMS" },
    vendor: "Küstenverlag Husum",
    harmonizedSystemCode: "490199",
    countryCodeOfOrigin: "DE",
  },
  briefbeschwerer: {
    title: "Briefbeschwerer Gusseisen Posthorn",
    variantTitle: null,
    sku: "BBW-PH-GE",
    priceCents: 4900,
    weight: { value: 2.5, unit: "KILOGRAMS" },
    vendor: "Eisengießerei Lauchhammer",
    harmonizedSystemCode: "732510",
    countryCodeOfOrigin: "DE",
  },
  lesezeichen: {
    title: "Lesezeichen Messing",
    variantTitle: "Feder",
    sku: "LZ-MS-FED",
    priceCents: 890,
    weight: null,
    vendor: "Frankier Demo",
    harmonizedSystemCode: null,
    countryCodeOfOrigin: null,
  },
  kugelschreiber: {
    title: "Kugelschreiber Buchenholz",
    variantTitle: null,
    sku: "KS-BUCHE",
    priceCents: 450,
    weight: { value: 20, unit: "GRAMS" },
    vendor: "Frankier Demo",
    harmonizedSystemCode: "960810",
    countryCodeOfOrigin: "DE",
  },
  washiTape: {
    title: "Washi-Tape 3er-Set Ostsee",
    variantTitle: null,
    sku: "WT-3-OST",
    priceCents: 590,
    weight: { value: 30, unit: "GRAMS" },
    vendor: "Frankier Demo",
    harmonizedSystemCode: "481141",
    countryCodeOfOrigin: "JP",
  },
  briefpapier: {
    title: "Briefpapier-Set Bütten",
    variantTitle: "20 Bogen, 10 Umschläge",
    sku: "BP-BUE-20",
    priceCents: 1290,
    weight: { value: 120, unit: "GRAMS" },
    vendor: "Büttenpapierfabrik Gmund",
    harmonizedSystemCode: "481710",
    countryCodeOfOrigin: "DE",
  },
  eBook: {
    title: "E-Book: Porto richtig berechnen (PDF)",
    variantTitle: null,
    sku: "EB-PORTO",
    priceCents: 990,
    weight: null,
    requiresShipping: false,
    vendor: "Frankier Demo",
    harmonizedSystemCode: null,
    countryCodeOfOrigin: null,
  },
} satisfies Record<string, Product>;

export const SHIPPING = {
  standard: { title: "Deutsche Post Brief", code: "brief-standard", priceCents: 195 },
  paket: { title: "DHL Paket", code: "dhl-paket", priceCents: 549 },
  einschreiben: { title: "Einschreiben", code: "einschreiben", priceCents: 495 },
  international: { title: "Internationaler Brief", code: "brief-international", priceCents: 450 },
} as const;

export function line(product: Product, quantity = 1): LineItemSpec {
  return { ...product, quantity };
}
