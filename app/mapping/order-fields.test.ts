import { describe, expect, it } from "vitest";
import { matchesRule, orderFieldsRead } from "./rules";
import type { MappingSettings, OrderForMapping } from "./types";

type Rules = Pick<MappingSettings, "packagingRules" | "registeredMailRules" | "productOverrides">;
const none: Rules = { packagingRules: [], registeredMailRules: [], productOverrides: [] };
/** Only the rules matter to `orderFieldsRead`. */
const settings = (rules: Partial<Rules>) => ({ ...none, ...rules }) as MappingSettings;

const order: OrderForMapping = {
  id: "gid://shopify/Order/1",
  name: "#1001",
  shippingAddress: null,
  lineItems: [],
  shippingLine: null,
  tags: [],
  totalPriceCents: null,
};

describe("orderFieldsRead", () => {
  it("reads neither field when no rule compares them (tags cost nothing)", () => {
    expect(orderFieldsRead(settings({ packagingRules: [{ tag: "gross", packagingId: "c4" }] }))).toEqual({
      shippingLine: false,
      orderValue: false,
    });
  });

  it("reads the shipping line for a rule of any kind that names a shipping method", () => {
    for (const rules of [
      { packagingRules: [{ shippingMethod: "Express", packagingId: "c4" }] },
      { registeredMailRules: [{ shippingMethod: "Einschreiben", service: "EINSCHREIBEN" as const }] },
      { productOverrides: [{ shippingMethod: "Warensendung", productCode: 1 }] },
    ]) {
      expect(orderFieldsRead(settings(rules))).toEqual({ shippingLine: true, orderValue: false });
    }
    expect(orderFieldsRead(settings({ packagingRules: [{ shippingMethod: "  ", packagingId: "c4" }] })).shippingLine).toBe(false);
  });

  it("reads the order value when a registered-mail rule compares it", () => {
    const rules = { registeredMailRules: [{ orderValueAboveCents: 0, service: "EINSCHREIBEN" as const }] };
    expect(orderFieldsRead(settings(rules))).toEqual({ shippingLine: false, orderValue: true });
  });
});

describe("matchesRule without the order value", () => {
  it("refuses to guess when a rule compares a value that was not read", () => {
    expect(() => matchesRule({ orderValueAboveCents: 100 }, order)).toThrow(/not read/);
    expect(matchesRule({ tag: "x" }, { ...order, tags: ["X"] })).toBe(true);
  });
});
