import { describe, expect, it } from "vitest";
import type { Api } from "./testing/harness";
import { login, MERCHANT, OTHER, pngPosition, pngRequest, setupSimulator } from "./testing/harness";
import {
  checkoutSchema,
  expectImError,
  parsed,
  retoureCreatedSchema,
  retoureStateSchema,
} from "./testing/schemas";

const DAY = 24 * 60 * 60 * 1000;

async function buy(api: Api, token: string, productCodes: number[]) {
  const prices: Record<number, number> = { 1: 95, 11: 110, 1002: 330 };
  const total = productCodes.reduce((sum, code) => sum + (prices[code] ?? 0), 0);
  const json = pngRequest(
    undefined,
    total,
    productCodes.map((code) => pngPosition(code)),
  );
  return parsed(
    checkoutSchema,
    await api.call("POST", "/app/shoppingcart/png?directCheckout=true", { token, json }),
  );
}

async function retoure(api: Api, token: string, shoppingCart: Record<string, unknown>) {
  return parsed(
    retoureCreatedSchema,
    await api.call("POST", "/app/retoure", { token, json: { shoppingCart } }),
  );
}

async function state(api: Api, token: string, query: string) {
  const body = await parsed(retoureStateSchema, await api.call("GET", `/app/retoure?${query}`, { token }));
  return body.RetrieveRetoureStateResponse;
}

describe("POST /app/retoure and GET /app/retoure", () => {
  it("settles asynchronously: open until retoureDelayMs has passed by now(), then credited", async () => {
    const { api, sim, clock } = setupSimulator({ retoureDelayMs: 5000 });
    const token = await login(api);
    const order = await buy(api, token, [1, 1002]);
    const created = await retoure(api, token, { shopOrderId: order.shoppingCart.shopOrderId });
    expect(created.retoureTransactionId).toMatch(/^\d+$/);

    const [pending] = await state(api, token, `shopRetoureId=${created.shopRetoureId}`);
    expect(pending).toEqual({
      shopRetoureId: created.shopRetoureId,
      retoureTransactionId: Number(created.retoureTransactionId),
      totalCount: 2,
      countStillOpen: 2,
      retourePrice: 0,
      creationDate: "6102025-190339",
      serialnumber: "AF188FFFFF",
      refundedVouchers: [],
      notRefundedVouchers: [],
    });
    expect(sim.account(MERCHANT.username).balanceCents).toBe(10_000 - 425);

    clock.advance(5000);
    const [settled] = await state(api, token, `shopRetoureId=${created.shopRetoureId}`);
    expect(settled).toMatchObject({ countStillOpen: 0, retourePrice: 425, notRefundedVouchers: [] });
    expect(settled?.refundedVouchers).toEqual([
      { voucherId: order.shoppingCart.voucherList[0]?.voucherId, trackId: "" },
      {
        voucherId: order.shoppingCart.voucherList[1]?.voucherId,
        trackId: order.shoppingCart.voucherList[1]?.trackId,
      },
    ]);
    const account = sim.account(MERCHANT.username);
    expect(account.balanceCents).toBe(10_000);
    expect(account.ledger.at(-1)).toEqual({
      kind: "refund",
      cents: 425,
      ref: created.shopRetoureId,
      at: clock.now(),
    });
    expect(account.vouchers.every((v) => v.refunded)).toBe(true);
  });

  it("settles through processRetoures() without any request", async () => {
    const { api, sim, clock } = setupSimulator({ retoureDelayMs: 2000 });
    const token = await login(api);
    const order = await buy(api, token, [11]);
    await retoure(api, token, { voucherList: [{ voucherId: order.shoppingCart.voucherList[0]?.voucherId }] });
    clock.advance(2000);
    sim.processRetoures();
    expect(sim.account(MERCHANT.username).ledger.map((e) => e.kind)).toEqual(["purchase", "refund"]);
  });

  it("refunds a voucher at most once", async () => {
    const { api, sim, clock } = setupSimulator({ retoureDelayMs: 1000 });
    const token = await login(api);
    const order = await buy(api, token, [1]);
    const voucherId = order.shoppingCart.voucherList[0]?.voucherId;
    const first = await retoure(api, token, { voucherList: [{ voucherId }, { voucherId }] });
    const whilePending = await retoure(api, token, { voucherList: [{ voucherId }] });
    clock.advance(1000);
    const afterSettled = await retoure(api, token, { shopOrderId: order.shoppingCart.shopOrderId });

    const [a] = await state(api, token, `shopRetoureId=${first.shopRetoureId}`);
    expect(a).toMatchObject({
      totalCount: 2,
      retourePrice: 95,
      refundedVouchers: [{ voucherId }],
      notRefundedVouchers: [{ voucherId }],
    });
    for (const id of [whilePending.shopRetoureId, afterSettled.shopRetoureId]) {
      const [r] = await state(api, token, `shopRetoureId=${id}`);
      expect(r).toMatchObject({
        countStillOpen: 0,
        retourePrice: 0,
        refundedVouchers: [],
        notRefundedVouchers: [{ voucherId }],
      });
    }
    const refunds = sim.account(MERCHANT.username).ledger.filter((e) => e.kind === "refund");
    expect(refunds).toEqual([expect.objectContaining({ cents: 95 })]);
  });

  it("refuses vouchers older than 14 days, unknown and foreign vouchers", async () => {
    const { api, clock } = setupSimulator({ retoureDelayMs: 0, tokenTtlSeconds: 30 * 86_400 });
    const token = await login(api);
    const old = await buy(api, token, [1]);
    clock.advance(14 * DAY + 1);
    const fresh = await buy(api, token, [11]);
    const foreign = await buy(api, await login(api, OTHER), [1]);
    const voucherList = [old, fresh, foreign].map((o) => ({
      voucherId: o.shoppingCart.voucherList[0]?.voucherId,
    }));
    const created = await retoure(api, token, {
      voucherList: [...voucherList, { voucherId: "AF188FFFFF00000000FF" }],
    });
    const [r] = await state(api, token, `shopRetoureId=${created.shopRetoureId}`);
    expect(r?.refundedVouchers.map((v) => v.voucherId)).toEqual([voucherList[1]?.voucherId]);
    expect(r?.notRefundedVouchers.map((v) => v.voucherId)).toEqual([
      voucherList[0]?.voucherId,
      voucherList[2]?.voucherId,
      "AF188FFFFF00000000FF",
    ]);
    expect(r).toMatchObject({ totalCount: 4, countStillOpen: 0, retourePrice: 110 });
  });

  it("accepts a voucher bought exactly 14 days ago", async () => {
    const { api, clock } = setupSimulator({ retoureDelayMs: 0, tokenTtlSeconds: 30 * 86_400 });
    const token = await login(api);
    const order = await buy(api, token, [1]);
    clock.advance(14 * DAY);
    const created = await retoure(api, token, { shopOrderId: order.shoppingCart.shopOrderId });
    const [r] = await state(api, token, `shopRetoureId=${created.shopRetoureId}`);
    expect(r?.retourePrice).toBe(95);
  });

  it("rejects unknown or foreign shopOrderIds (unknownShopOrderId) and empty requests (Bad Request)", async () => {
    const { api } = setupSimulator();
    const token = await login(api);
    const foreign = await buy(api, await login(api, OTHER), [1]);
    const post = (shoppingCart: unknown) =>
      api.call("POST", "/app/retoure", { token, json: { shoppingCart } });
    await expectImError(await post({ shopOrderId: "424242" }), 400, "unknownShopOrderId");
    await expectImError(
      await post({ shopOrderId: foreign.shoppingCart.shopOrderId }),
      400,
      "unknownShopOrderId",
    );
    await expectImError(await post({}), 400, "Bad Request");
    await expectImError(await post({ voucherList: [] }), 400, "Bad Request", /voucherList/);
    await expectImError(
      await api.call("POST", "/app/retoure", { token, json: {} }),
      400,
      "Bad Request",
      /shoppingCart/,
    );
  });

  it("finds retoures by transaction id and date range, only the caller's, and checks parameters", async () => {
    const { api, clock } = setupSimulator({ retoureDelayMs: 0, tokenTtlSeconds: 30 * 86_400 });
    const token = await login(api);
    const first = await retoure(api, token, {
      shopOrderId: (await buy(api, token, [1])).shoppingCart.shopOrderId,
    });
    clock.advance(DAY);
    const second = await retoure(api, token, {
      shopOrderId: (await buy(api, token, [1])).shoppingCart.shopOrderId,
    });
    await retoure(api, await login(api, OTHER), {
      shopOrderId: (await buy(api, await login(api, OTHER), [1])).shoppingCart.shopOrderId,
    });

    expect((await state(api, token, "")).map((r) => r.shopRetoureId)).toEqual([
      first.shopRetoureId,
      second.shopRetoureId,
    ]);
    expect(
      (await state(api, token, `retoureTransactionId=${second.retoureTransactionId}`)).map(
        (r) => r.shopRetoureId,
      ),
    ).toEqual([second.shopRetoureId]);
    const start = encodeURIComponent(new Date(clock.now().getTime() - 60_000).toISOString());
    expect((await state(api, token, `startDate=${start}`)).map((r) => r.shopRetoureId)).toEqual([
      second.shopRetoureId,
    ]);
    expect(await state(api, token, "shopRetoureId=1")).toEqual([]);
    await expectImError(
      await api.call("GET", "/app/retoure?retoureTransactionId=abc", { token }),
      400,
      "Bad Request",
    );
    await expectImError(
      await api.call("GET", "/app/retoure?startDate=yesterday", { token }),
      400,
      "Bad Request",
    );
  });
});
