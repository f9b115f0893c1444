import { describe, expect, it } from "vitest";
import { ValidationError } from "./errors";
import { credentials, reply, testClient, tokenReply } from "../../test/support/internetmarke-client";

const json = (body: string | undefined): unknown => JSON.parse(body ?? "null");

describe("catalog, wallet, profile, health, products, retoure", () => {
  it("catalog repeats the types parameter", async () => {
    const t = testClient({
      "POST /user": tokenReply(),
      "GET /app/catalog": reply(200, { pageFormats: [], publicGallery: { items: [] } }),
    });
    await t.client.portokasse(credentials).catalog(["PAGE_FORMATS", "PUBLIC"]);
    expect(t.requests[1]?.query.getAll("types")).toEqual(["PAGE_FORMATS", "PUBLIC"]);
  });

  it("topUp puts the amount in cents and records the new balance", async () => {
    const t = testClient({
      "POST /user": tokenReply(),
      "PUT /app/wallet": reply(200, { shopOrderId: "9", walletBalance: 11_000 }),
    });
    const p = t.client.portokasse(credentials);
    await expect(p.topUp(1000)).resolves.toEqual({ shopOrderId: "9", walletBalanceCents: 11_000 });
    expect(t.requests[1]?.query.get("amount")).toBe("1000");
    expect(p.lastKnownBalance()?.cents).toBe(11_000);
    await expect(p.topUp(0)).rejects.toBeInstanceOf(ValidationError);
    await expect(p.topUp(9.5)).rejects.toBeInstanceOf(ValidationError);
    expect(t.requests).toHaveLength(2);
  });

  it("health needs no token; products use the api key header, not a token", async () => {
    const t = testClient({
      "GET /": reply(200, { amp: { name: "im", version: "v1.1.4", rev: "13", env: "prod-eu" } }),
      "GET /products": reply(200, { shortSalesProducts: [] }),
    });
    await t.client.health();
    await t.client.products();
    expect(t.requests.map((r) => r.headers.authorization)).toEqual([undefined, undefined]);
    expect(t.requests[1]?.headers["dhl-api-key"]).toBe("app-client-id");
    expect(t.requests[1]?.query.toString()).toBe("profile=IM-PARTNER&shortVersion=true");
  });

  it("requestRetoure and retoureState", async () => {
    const t = testClient({
      "POST /user": tokenReply(),
      "POST /app/retoure": reply(200, { shopRetoureId: "555", retoureTransactionId: "777" }),
      "GET /app/retoure": reply(200, {
        RetrieveRetoureStateResponse: [
          {
            shopRetoureId: "555",
            retoureTransactionId: 777,
            creationDate: "6102025-190339",
            refundedVouchers: [],
            notRefundedVouchers: [],
          },
        ],
      }),
    });
    const p = t.client.portokasse(credentials);
    await expect(
      p.requestRetoure({ vouchers: [{ voucherId: "V1" }, { voucherId: "V2", trackId: "T2" }] }),
    ).resolves.toEqual({
      shopRetoureId: "555",
      retoureTransactionId: "777",
    });
    expect(json(t.requests[1]?.body)).toEqual({
      shoppingCart: { voucherList: [{ voucherId: "V1" }, { voucherId: "V2", trackId: "T2" }] },
    });
    const [state] = await p.retoureState("555");
    expect(t.requests[2]?.query.toString()).toBe("shopRetoureId=555");
    expect(state).toMatchObject({ shopRetoureId: "555", retoureTransactionId: "777", totalCount: null });
    await p.retoureState({
      startDate: new Date("2025-10-01T00:00:00Z"),
      endDate: new Date("2025-10-07T00:00:00Z"),
    });
    expect(t.requests[3]?.query.get("startDate")).toBe("2025-10-01T00:00:00.000Z");
    await expect(p.requestRetoure({})).rejects.toBeInstanceOf(ValidationError);
  });
});
