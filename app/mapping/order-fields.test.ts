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
  it("reads the shipping line and the order value for every order, whatever the rules (issue 16)", () => {
    // The shipping line: the warning that the customer paid for a service the product lacks; the order value
    // in shop money: the customs form (CN 22 up to 300 SDR, CN 23 above) of letters leaving the EU.
    for (const rules of [
      {},
      { packagingRules: [{ tag: "gross", packagingId: "c4" }] },
      { registeredMailRules: [{ orderValueAboveCents: 0, service: "EINSCHREIBEN" as const }] },
    ]) {
      expect(orderFieldsRead(settings(rules))).toEqual({ shippingLine: true, orderValue: true });
    }
  });
});

describe("matchesRule without the order value", () => {
  it("refuses to guess when a rule compares a value that was not read", () => {
    expect(() => matchesRule({ orderValueAboveCents: 100 }, order)).toThrow(/not read/);
    expect(matchesRule({ tag: "x" }, { ...order, tags: ["X"] })).toBe(true);
  });
});
