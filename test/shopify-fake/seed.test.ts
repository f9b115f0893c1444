import { beforeEach, describe, expect, it } from "vitest";
import { gramsOf } from "./format";
import { createShopifyFake, DEMO_SHOP_DOMAIN, type FakeOrder, type FakeShopState } from "./index";
import { totalWeightGrams } from "./order-logic";
import { API_KEY, API_SECRET } from "./test-helpers";

let shop: FakeShopState;
let orders: FakeOrder[];

beforeEach(() => {
  const fake = createShopifyFake({
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    now: () => new Date("2026-11-16T09:00:00Z"),
  });
  expect(fake.seedDemoShop()).toEqual({
    shopDomain: DEMO_SHOP_DOMAIN,
    accessToken: expect.stringMatching(/^shpat_[0-9a-f]{32}$/),
  });
  shop = fake.shop(DEMO_SHOP_DOMAIN);
  orders = shop.orders;
});

const byCountry = (code: string) =>
  orders.filter((o) => o.shippingAddress?.countryCode === code).map((o) => o.name);

describe("the demo shop", () => {
  it("is a German merchant in EUR", () => {
    expect(shop.info).toMatchObject({
      name: "Frankier Demo",
      currencyCode: "EUR",
      ianaTimezone: "Europe/Berlin",
    });
    expect(shop.info.address).toMatchObject({ city: "Berlin", countryCode: "DE", country: "Germany" });
    expect(orders).toHaveLength(23);
    expect(orders.map((o) => o.name)).toEqual(Array.from({ length: 23 }, (_, i) => `#${1001 + i}`));
  });

  it("has domestic letters of 15 g, 45 g, 300 g, 900 g and 1.6 kg, and one 2.5 kg parcel", () => {
    const weights = orders.filter((o) => byCountry("DE").includes(o.name)).map((o) => totalWeightGrams(o));
    expect(weights).toEqual(expect.arrayContaining([15, 45, 300, 900, 1600, 2500]));
    const heavy = shop.requireOrder("#1013");
    expect(heavy.lineItems[0]?.variant?.inventoryItem.weight).toEqual({ value: 2.5, unit: "KILOGRAMS" });
    expect(shop.requireOrder("#1005").lineItems[0]?.variant?.inventoryItem.weight).toEqual({
      value: 1.6,
      unit: "KILOGRAMS",
    });
  });

  it("ships to the EU and the world, with a UK postcode", () => {
    expect(byCountry("AT")).toEqual(["#1006"]);
    expect(byCountry("FR")).toEqual(["#1007"]);
    expect(byCountry("NL")).toEqual(["#1008"]);
    expect(byCountry("US")).toEqual(["#1009"]);
    expect(byCountry("JP")).toEqual(["#1010"]);
    expect(byCountry("CH")).toEqual(["#1011"]);
    expect(shop.requireOrder("#1012").shippingAddress).toMatchObject({
      countryCode: "GB",
      zip: "SW1A 1AA",
      country: "United Kingdom",
    });
  });

  it("covers the awkward cases", () => {
    expect(shop.requireOrder("#1014").lineItems.length).toBeGreaterThanOrEqual(3);
    const missingWeight = shop
      .requireOrder("#1015")
      .lineItems.find((l) => gramsOf(l.variant?.inventoryItem.weight ?? null) === 0);
    expect(missingWeight?.variant?.inventoryItem.weight).toBeNull();
    const digital = shop.requireOrder("#1016");
    expect(digital.shippingAddress).toBeNull();
    expect(digital.lineItems.every((l) => !l.requiresShipping)).toBe(true);
    expect(shop.requireOrder("#1017")).toMatchObject({
      cancelReason: "CUSTOMER",
      cancelledAt: expect.any(Date),
    });
    const fulfilled = shop.requireOrder("#1018");
    expect(fulfilled.fulfillments[0]?.trackingInfo[0]).toMatchObject({
      company: "Deutsche Post",
      number: "RR123456785DE",
    });
    expect(shop.requireOrder("#1003").shippingLines[0]).toMatchObject({
      title: "Einschreiben",
      code: "einschreiben",
    });
    expect(shop.requireOrder("#1019").shippingAddress?.zip).toMatch(/^\d{4}$/);
    const long = shop.requireOrder("#1020").shippingAddress;
    expect(`${long?.firstName} ${long?.lastName}`.length).toBeGreaterThan(50);
    expect(long?.address1?.length).toBeGreaterThan(50);
  });

  it("gives every unfulfilled, uncancelled order one OPEN fulfillment order holding all its lines", () => {
    const single = orders.filter((o) => !o.cancelledAt && o.fulfillments.length === 0 && o.name !== "#1022");
    for (const order of single) {
      expect(order.fulfillmentOrders).toHaveLength(1);
      const [fo] = order.fulfillmentOrders;
      expect(fo?.status).toBe("OPEN");
      expect(fo?.lineItems.map((l) => [l.lineItemId, l.remainingQuantity])).toEqual(
        order.lineItems.map((l) => [l.id, l.quantity]),
      );
    }
    expect(shop.requireOrder("#1018").fulfillmentOrders[0]?.status).toBe("CLOSED");
    expect(shop.requireOrder("#1017").fulfillmentOrders[0]?.status).toBe("CLOSED");
  });

  it("has the fulfillment-order cases: a 3PL order, a split order and a local pickup", () => {
    const locationOf = (name: string, index = 0) =>
      shop.location(shop.requireOrder(name).fulfillmentOrders[index]?.locationId ?? 0);
    expect(locationOf("#1021")?.fulfillmentService).toBe("fulfillment-nord");
    expect(shop.requireOrder("#1022").fulfillmentOrders).toHaveLength(2);
    expect([locationOf("#1022", 0)?.name, locationOf("#1022", 1)?.name]).toEqual([
      "Lager Berlin-Schöneberg",
      "Laden Leipzig",
    ]);
    expect(shop.requireOrder("#1023").fulfillmentOrders[0]?.deliveryMethodType).toBe("PICK_UP");
  });

  it("places every order in the two weeks before now, oldest first", () => {
    const times = orders.map((o) => o.createdAt.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times[0]).toBeGreaterThan(new Date("2026-11-02T00:00:00Z").getTime());
    expect(times.at(-1)).toBeLessThanOrEqual(new Date("2026-11-16T09:00:00Z").getTime());
  });
});
