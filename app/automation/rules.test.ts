import { describe, expect, it } from "vitest";
import {
  type AutomationOrder,
  automationConfigSchema,
  parseStoredConfig,
  productFits,
  ruleMiss,
} from "./rules";

const order: AutomationOrder = {
  id: "gid://shopify/Order/1",
  name: "#1001",
  paid: true,
  open: true,
  countryCode: "DE",
  shippingMethod: "Deutsche Post Brief",
  tags: ["Wholesale"],
  totalCents: 2_000,
};
const rule = (config: object) => automationConfigSchema.parse({ enabled: true, ...config });

describe("ruleMiss", () => {
  it("takes any paid, open order when no criterion is set", () => {
    expect(ruleMiss(order, rule({}))).toBeNull();
  });
  it.each([
    ["not_paid", { paid: false }, {}],
    ["not_open", { open: false }, {}],
    ["destination", {}, { countries: ["AT", "CH"] }],
    ["destination", { countryCode: null }, { countries: ["DE"] }],
    ["shipping_method", {}, { shippingMethods: ["Paket"] }],
    ["tag", {}, { tags: ["eilig"] }],
    ["order_value", {}, { minOrderCents: 2_001 }],
    ["order_value", {}, { maxOrderCents: 1_999 }],
  ])("%s", (miss, changes, config) => {
    expect(ruleMiss({ ...order, ...changes }, rule(config))).toBe(miss);
  });
  it("matches names and tags without regard to case, and a part of the shipping method name", () => {
    expect(
      ruleMiss(
        order,
        rule({ shippingMethods: ["brief"], tags: ["wholesale"], countries: ["de"], minOrderCents: 2_000 }),
      ),
    ).toBeNull();
  });
});

describe("the stored rules", () => {
  it("refuses a malformed time, time zone or country", () => {
    expect(automationConfigSchema.safeParse({ times: ["25:00"] }).success).toBe(false);
    expect(automationConfigSchema.safeParse({ timeZone: "Europe/Atlantis" }).success).toBe(false);
    expect(automationConfigSchema.safeParse({ countries: ["Germany"] }).success).toBe(false);
    expect(automationConfigSchema.parse({ times: ["9:30"] }).times).toEqual(["09:30"]);
  });
  it("a document that no longer parses counts as switched off", () => {
    expect(parseStoredConfig('{"enabled":true,"times":["nonsense"]}').enabled).toBe(false);
    expect(parseStoredConfig("not json").enabled).toBe(false);
  });
  it("product fit: any product, or one of the listed codes", () => {
    expect(productFits(1, rule({}))).toBe(true);
    expect(productFits(1, rule({ productCodes: [1002] }))).toBe(false);
  });
});
