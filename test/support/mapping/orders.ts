// Builders for mapping tests: one order and one settings object with sensible defaults.
import type { MappingSettings, OrderForMapping, ShippingAddressForMapping } from "~/mapping/types";

export const PRESETS: MappingSettings["packagingPresets"] = [
  { id: "dl", name: "DL envelope", tareG: 5, lengthMm: 220, widthMm: 110, heightMm: 5 },
  { id: "dl-thick", name: "DL padded", tareG: 5, lengthMm: 220, widthMm: 110, heightMm: 8 },
  { id: "c4", name: "C4 padded", tareG: 20, lengthMm: 353, widthMm: 250, heightMm: 20 },
  { id: "box30", name: "Flat box", tareG: 40, lengthMm: 300, widthMm: 200, heightMm: 30 },
  { id: "carton", name: "Carton", tareG: 100, lengthMm: 400, widthMm: 300, heightMm: 100 },
  { id: "tube", name: "Poster tube", tareG: 60, lengthMm: 650, widthMm: 80, heightMm: 80 },
  { id: "tiny", name: "Tiny bag", tareG: 2, lengthMm: 90, widthMm: 60, heightMm: 5 },
];

export const tareOf = (packagingId: string): number => PRESETS.find((p) => p.id === packagingId)?.tareG ?? 0;

export function settings(overrides: Partial<MappingSettings> = {}): MappingSettings {
  return {
    packagingPresets: PRESETS,
    defaultPackagingId: "c4",
    packagingRules: [
      { tag: "small", packagingId: "dl" },
      { shippingMethod: "Paket-Box", packagingId: "box30" },
    ],
    registeredMailRules: [],
    productOverrides: [],
    defaultItemWeightG: null,
    allowWarensendung: false,
    voucherLayout: "FRANKING_ZONE",
    unservedCountries: ["RU", "BY"],
    // The cases below name their packaging; "smallest-fitting" and the built-in Einschreiben rule have their
    // own cases (app/mapping/exact-edges.test.ts).
    packagingChoice: "default",
    registeredMailFromShippingMethod: false,
    ...overrides,
  };
}

export const ADDRESSES: Record<string, ShippingAddressForMapping> = {
  DE: {
    name: "Erika Mustermann",
    company: null,
    address1: "Heidestraße 17",
    address2: null,
    zip: "51147",
    city: "Köln",
    countryCode: "DE",
  },
  FR: {
    name: "Marie Curie",
    company: null,
    address1: "1 Rue de Rivoli",
    address2: null,
    zip: "75001",
    city: "Paris",
    countryCode: "FR",
  },
  US: {
    name: "John Doe",
    company: null,
    address1: "1 Main St",
    address2: "Apt 2",
    zip: "10001",
    city: "New York",
    countryCode: "US",
  },
  GB: {
    name: "Jane Smith",
    company: null,
    address1: "10 Downing Street",
    address2: null,
    zip: "SW1A 2AA",
    city: "London",
    countryCode: "GB",
  },
  JP: {
    name: "Taro Yamada",
    company: null,
    address1: "1-1 Chiyoda",
    address2: null,
    zip: "100-0001",
    city: "Tokyo",
    countryCode: "JP",
  },
  RU: {
    name: "Ivan Petrov",
    company: null,
    address1: "Tverskaya 1",
    address2: null,
    zip: "125009",
    city: "Moskva",
    countryCode: "RU",
  },
};

export type LineItem = OrderForMapping["lineItems"][number];

export interface OrderSpec {
  itemsG?: number; // one item of this weight
  items?: LineItem[];
  country?: string;
  address?: Partial<ShippingAddressForMapping> | null;
  tags?: string[];
  shipping?: string;
  totalCents?: number;
  currency?: string | null;
}

export function order(spec: OrderSpec = {}): OrderForMapping {
  const base = ADDRESSES[spec.country ?? "DE"] ?? ADDRESSES.DE;
  return {
    id: "gid://shopify/Order/1001",
    name: "#1001",
    shippingAddress:
      spec.address === null ? null : { ...(base as ShippingAddressForMapping), ...spec.address },
    lineItems: spec.items ?? [
      { title: "Print", quantity: 1, weightG: spec.itemsG ?? 300, requiresShipping: true },
    ],
    shippingLine: {
      title: spec.shipping ?? "Standard",
      code: spec.shipping ? spec.shipping.toLowerCase() : "standard",
    },
    tags: spec.tags ?? [],
    totalPriceCents: spec.totalCents ?? 2500,
    currencyCode: spec.currency === undefined ? "EUR" : spec.currency,
  };
}

export const item = (
  title: string,
  weightG: number | null,
  quantity = 1,
  requiresShipping = true,
): LineItem => ({
  title,
  quantity,
  weightG,
  requiresShipping,
});
