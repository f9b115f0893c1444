/**
 * What the benchmark franks: the latency model, the merchant's credentials inside the simulators, the
 * shop's settings and a deterministic mix of N frankable letter orders (domestic, Einschreiben, EU, world).
 */
import type { OrderSpec } from "../test/shopify-fake/order-factory";
import { PRODUCTS, SHIPPING, line } from "../test/shopify-fake/seed-data";

/** The latency model: every Deutsche Post call and every Shopify call takes at least this long. */
export const LATENCY = { internetmarkeMs: 150, shopifyMs: 80 } as const;
/** Shopify's standard plan, the fake's default bucket. */
export const SHOPIFY_BUCKET = { maximumAvailable: 2000, restoreRate: 100 } as const;

export const BENCH_APP = {
  clientId: "frankiermeister-bench",
  clientSecret: "bench-secret-4711",
  apiKey: "bench-api-key",
  apiSecret: "bench-api-secret",
};
export const BENCH_MERCHANT = { username: "versand@bench.example", password: "Portokasse-bench1" };
export const BENCH_ENCRYPTION_KEY = "7f".repeat(32);

/** Sender, A4 sheet of 2 × 5 labels (page format 1), address stamps, Einschreiben for that shipping line. */
export const BENCH_SETTINGS = {
  sender: {
    name: "Katrin Vogel",
    company: "Frankier Demo GmbH",
    street: "Hauptstraße 12",
    postalCode: "10827",
    city: "Berlin",
    country: "DE",
  },
  pageFormatId: 1,
  voucherLayout: "ADDRESS_ZONE",
  registeredMailRules: [{ shippingMethod: "einschreiben", service: "EINSCHREIBEN_EINWURF" }],
};

type Destination = NonNullable<OrderSpec["shippingAddress"]>;

const DOMESTIC: Array<Omit<Destination, "firstName" | "lastName">> = [
  { address1: "Lindenstraße 5", zip: "10969", city: "Berlin", countryCode: "DE" },
  { address1: "Schillerstraße 22", zip: "80336", city: "München", countryCode: "DE" },
  { address1: "Kirchgasse 8", zip: "70173", city: "Stuttgart", countryCode: "DE" },
  { address1: "Hafenstraße 14", zip: "20459", city: "Hamburg", countryCode: "DE" },
];

/** Abroad: EU and world, with postal codes the address zone takes (exactly five characters). */
const ABROAD: Array<Omit<Destination, "firstName" | "lastName">> = [
  { address1: "12 Rue de Rivoli", zip: "75004", city: "Paris", countryCode: "FR" },
  { address1: "Via del Corso 12", zip: "00186", city: "Roma", countryCode: "IT" },
  { address1: "Calle Mayor 5", zip: "28013", city: "Madrid", countryCode: "ES" },
  {
    address1: "350 Fifth Avenue",
    zip: "10118",
    city: "New York",
    province: "New York",
    provinceCode: "NY",
    countryCode: "US",
  },
];

/**
 * Order `i` of the mix, repeating every 20 orders: 12 Standardbrief, 2 Kompaktbrief, 1 Großbrief and
 * 1 Einschreiben in Germany, 4 abroad (EU and world). One line item each, as letter shops mostly send.
 */
export function benchOrder(i: number): OrderSpec {
  const slot = i % 20;
  const person = { firstName: "Kim", lastName: `Kunde ${i + 1}` };
  const customer = { email: `kunde${i + 1}@example.com`, ...person };
  const pick = <T>(list: readonly T[], turn: number): T => {
    const item = list[turn % list.length];
    if (item === undefined) throw new Error("empty list");
    return item;
  };
  const round = Math.floor(i / 20);
  if (slot >= 16) {
    return {
      customer,
      shippingAddress: { ...person, ...pick(ABROAD, slot + round) },
      lineItems: [line(slot % 2 ? PRODUCTS.grusskarte : PRODUCTS.sticker)],
      shippingLine: SHIPPING.international,
    };
  }
  const product =
    slot < 12
      ? PRODUCTS.grusskarte
      : slot < 14
        ? PRODUCTS.sticker
        : slot === 14
          ? PRODUCTS.notizbuch
          : PRODUCTS.grusskarte;
  const shippingLine = slot === 15 ? SHIPPING.einschreiben : SHIPPING.standard;
  return {
    customer,
    shippingAddress: { ...person, ...pick(DOMESTIC, slot + round) },
    lineItems: [line(product)],
    shippingLine,
  };
}
