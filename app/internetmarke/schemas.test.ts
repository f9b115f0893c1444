import { describe, expect, it } from "vitest";
import {
  cartResponseSchema,
  healthResponseSchema,
  initCartResponseSchema,
  profileResponseSchema,
  tokenResponseSchema,
  topUpResponseSchema,
} from "./schemas";

describe("token response", () => {
  it("reads the live form (token_type, userToken, walletBalance, expires_in 86400)", () => {
    const grant = tokenResponseSchema.parse({
      access_token: "abc",
      userToken: "abc",
      walletBalance: 2446814,
      showTermsAndConditions: false,
      infoMessage: "",
      issued_at: "Wed, 03 Apr 2024 08:37:17 GMT",
      expires_in: 86400,
      token_type: "BearerToken",
      external_customer_id: "DHL-0123",
      authenticated_user: "max@example.de",
    });
    expect(grant).toMatchObject({
      accessToken: "abc",
      tokenType: "BearerToken",
      expiresInSeconds: 86400,
      walletBalanceCents: 2446814,
      externalCustomerId: "DHL-0123",
    });
    expect(grant.issuedAt?.toISOString()).toBe("2024-04-03T08:37:17.000Z");
  });

  it("reads the spec form (tokenType, no userToken) and a token only in userToken", () => {
    expect(
      tokenResponseSchema.parse({ access_token: "a", tokenType: "BearerToken", expires_in: 3000 }),
    ).toMatchObject({
      accessToken: "a",
      tokenType: "BearerToken",
      walletBalanceCents: null,
      issuedAt: null,
    });
    expect(tokenResponseSchema.parse({ userToken: "u", expires_in: "60" })).toMatchObject({
      accessToken: "u",
      expiresInSeconds: 60,
    });
  });

  it("refuses a body without any token", () => {
    expect(tokenResponseSchema.safeParse({ token_type: "BearerToken" }).success).toBe(false);
  });
});

describe("health", () => {
  it("reads live {amp:{...}} and the spec's flat form", () => {
    expect(
      healthResponseSchema.parse({
        amp: { name: "pp-post-internetmarke", version: "v1.1.4", rev: "13", env: "prod-eu" },
      }),
    ).toEqual({
      name: "pp-post-internetmarke",
      version: "v1.1.4",
      rev: "13",
      env: "prod-eu",
    });
    expect(
      healthResponseSchema.parse({ env: "sandbox", version: "1.30", description: "INTERNETMARKE" }),
    ).toEqual({
      name: "INTERNETMARKE",
      version: "1.30",
      rev: null,
      env: "sandbox",
    });
  });
});

describe("profile", () => {
  it("tolerates missing fields and numbers", () => {
    const p = profileResponseSchema.parse({ mail: "m@example.de", country: "DEU", zip: 53113 });
    expect(p).toMatchObject({ mail: "m@example.de", country: "DEU", zip: "53113", ekp: null, phone: null });
  });
});

describe("wallet top-up", () => {
  it("reads walletBalance and walletBallance, string or numeric ids", () => {
    expect(topUpResponseSchema.parse({ shopOrderId: "123", walletBalance: 5000 })).toEqual({
      shopOrderId: "123",
      walletBalanceCents: 5000,
    });
    expect(topUpResponseSchema.parse({ shopOrderId: 124, walletBallance: "6000" })).toEqual({
      shopOrderId: "124",
      walletBalanceCents: 6000,
    });
    expect(topUpResponseSchema.parse({ shopOrderId: "125" })).toEqual({
      shopOrderId: "125",
      walletBalanceCents: null,
    });
  });
});

describe("cart", () => {
  it("init: shopOrderId as string or number", () => {
    expect(initCartResponseSchema.parse({ shopOrderId: "98276337" })).toBe("98276337");
    expect(initCartResponseSchema.parse({ shopOrderId: 98276337 })).toBe("98276337");
  });

  const base = { type: "CheckoutShoppingCartAppResponse", link: "https://x.test/doc" };
  it.each([
    ["manifestLink null", { manifestLink: null }, null],
    ["manifestLink empty", { manifestLink: "" }, null],
    ["manifestLink absent", {}, null],
    ["manifestLink set", { manifestLink: "https://x.test/m" }, "https://x.test/m"],
  ])("%s", (_name, extra, expected) => {
    expect(cartResponseSchema.parse({ ...base, ...extra }).manifestLink).toBe(expected);
  });

  it("reads the live checkout body (walletBallance, trackId null)", () => {
    const cart = cartResponseSchema.parse({
      ...base,
      manifestLink: null,
      shoppingCart: {
        shopOrderId: "98276337",
        voucherList: [
          { voucherId: "A00123C0390000000138", trackId: null },
          { voucherId: "A00123C0390000000139", trackId: "RR123456789DE" },
          { voucherId: "A00123C0390000000140", trackId: "" },
        ],
      },
      walletBallance: 42355,
    });
    expect(cart).toEqual({
      type: "CheckoutShoppingCartAppResponse",
      link: "https://x.test/doc",
      manifestLink: null,
      shopOrderId: "98276337",
      vouchers: [
        { voucherId: "A00123C0390000000138", trackId: null },
        { voucherId: "A00123C0390000000139", trackId: "RR123456789DE" },
        { voucherId: "A00123C0390000000140", trackId: null },
      ],
      walletBalanceCents: 42355,
    });
  });

  it("reads a spec-shaped body (walletBalance spelled right, numeric id) and a retrieval (balance null)", () => {
    expect(
      cartResponseSchema.parse({
        ...base,
        shoppingCart: { shopOrderId: 5, voucherList: [] },
        walletBalance: 10,
      }),
    ).toMatchObject({
      shopOrderId: "5",
      vouchers: [],
      walletBalanceCents: 10,
    });
    expect(
      cartResponseSchema.parse({ ...base, shoppingCart: { shopOrderId: "6" }, walletBallance: null }),
    ).toMatchObject({
      vouchers: [],
      walletBalanceCents: null,
    });
  });

  it("refuses a body without link", () => {
    expect(cartResponseSchema.safeParse({ shoppingCart: { shopOrderId: "1" } }).success).toBe(false);
  });
});
