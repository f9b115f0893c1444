// The faults issue 17's money-path tests need: a commit that lands after the client's timeout, a gateway
// that resends a committed checkout, and a Retoure processed in parts.
import { afterEach, describe, expect, it } from "vitest";
import type { Api } from "./testing/harness";
import {
  login,
  MERCHANT,
  newCart,
  overHttp,
  pdfPosition,
  pdfRequest,
  pngPosition,
  pngRequest,
  setupSimulator,
} from "./testing/harness";
import {
  checkoutSchema,
  expectImError,
  parsed,
  retoureCreatedSchema,
  retoureStateSchema,
} from "./testing/schemas";

const CHECKOUT = { path: "/app/shoppingcart/pdf", method: "POST" };
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("commitAfterTimeout", () => {
  it("over real HTTP: no answer (the client times out), the checkout lands once the clock passes afterMs", async () => {
    const { sim, clock } = setupSimulator();
    const http = await overHttp(sim);
    close = http.close;
    const token = await login(http);
    const shopOrderId = await newCart(http, token);
    sim.faults.commitAfterTimeout(1, { ...CHECKOUT, afterMs: 5_000 });
    const json = pdfRequest(shopOrderId, 95, [pdfPosition(1)]);
    const error: unknown = await fetch(`${http.origin}/post/de/shipping/im/v1/app/shoppingcart/pdf`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(json),
      signal: AbortSignal.timeout(200),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "TimeoutError" });

    clock.advance(4_999);
    expect((await http.call("GET", `/app/shoppingcart/${shopOrderId}`, { token })).status).toBe(404);
    expect(sim.account(MERCHANT.username).balanceCents).toBe(10_000);
    clock.advance(1);
    const found = await parsed(
      checkoutSchema,
      await http.call("GET", `/app/shoppingcart/${shopOrderId}`, { token }),
    );
    expect(found.shoppingCart.voucherList).toHaveLength(1);
    expect(sim.account(MERCHANT.username).balanceCents).toBe(10_000 - 95);
  });

  it("in process: the fetch rejects when the caller aborts; processLateRequests() commits it", async () => {
    const { sim, clock, api } = setupSimulator();
    const token = await login(api);
    const shopOrderId = await newCart(api, token);
    sim.faults.commitAfterTimeout(1, { ...CHECKOUT, afterMs: 1_000 });
    const held = sim.fetch(`http://sim.test/post/de/shipping/im/v1/app/shoppingcart/pdf`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(pdfRequest(shopOrderId, 95, [pdfPosition(1)])),
      signal: AbortSignal.timeout(50),
    });
    await expect(held).rejects.toMatchObject({ name: "TimeoutError" });
    await sim.processLateRequests();
    expect(sim.account(MERCHANT.username).vouchers).toHaveLength(0);
    clock.advance(1_000);
    await sim.processLateRequests();
    expect(sim.account(MERCHANT.username).vouchers).toEqual([expect.objectContaining({ shopOrderId })]);
  });
});

describe("resendByGateway", () => {
  it("commits the first copy and answers the second: invalidShopOrderID, charged once", async () => {
    const { sim, api } = setupSimulator();
    const token = await login(api);
    const shopOrderId = await newCart(api, token);
    sim.faults.resendByGateway(1, CHECKOUT);
    await expectImError(
      await api.call("POST", "/app/shoppingcart/pdf", {
        token,
        json: pdfRequest(shopOrderId, 95, [pdfPosition(1)]),
      }),
      400,
      "invalidShopOrderID",
    );
    expect(sim.account(MERCHANT.username)).toMatchObject({
      balanceCents: 10_000 - 95,
      vouchers: [expect.objectContaining({ shopOrderId })],
    });
    expect(sim.requests.filter((r) => r.path.endsWith("/app/shoppingcart/pdf"))).toHaveLength(1);
  });
});

describe("processRetouresInParts", () => {
  async function stateOf(api: Api, token: string, shopRetoureId: string) {
    const body = await parsed(
      retoureStateSchema,
      await api.call("GET", `/app/retoure?shopRetoureId=${shopRetoureId}`, { token }),
    );
    return body.RetrieveRetoureStateResponse[0];
  }

  it("refunds the first half after one delay and the rest after two; countStillOpen counts what is left", async () => {
    const { api, sim, clock } = setupSimulator({ retoureDelayMs: 5_000 });
    const token = await login(api);
    const bought = await parsed(
      checkoutSchema,
      await api.call("POST", "/app/shoppingcart/png?directCheckout=true", {
        token,
        json: pngRequest(undefined, 3 * 95, [pngPosition(1), pngPosition(1), pngPosition(1)]),
      }),
    );
    sim.faults.processRetouresInParts(1);
    const created = await parsed(
      retoureCreatedSchema,
      await api.call("POST", "/app/retoure", {
        token,
        json: { shoppingCart: { shopOrderId: bought.shoppingCart.shopOrderId } },
      }),
    );
    const ids = bought.shoppingCart.voucherList.map((v) => v.voucherId);

    expect(await stateOf(api, token, created.shopRetoureId)).toMatchObject({
      totalCount: 3,
      countStillOpen: 3,
      retourePrice: 0,
      refundedVouchers: [],
    });
    clock.advance(5_000);
    const part = await stateOf(api, token, created.shopRetoureId);
    expect(part).toMatchObject({ totalCount: 3, countStillOpen: 1, retourePrice: 190 });
    expect(part?.refundedVouchers.map((v) => v.voucherId)).toEqual(ids.slice(0, 2));
    expect(sim.account(MERCHANT.username).balanceCents).toBe(10_000 - 95);
    clock.advance(5_000);
    const done = await stateOf(api, token, created.shopRetoureId);
    expect(done).toMatchObject({ countStillOpen: 0, retourePrice: 285 });
    expect(done?.refundedVouchers.map((v) => v.voucherId)).toEqual(ids);
    expect(
      sim
        .account(MERCHANT.username)
        .ledger.filter((e) => e.kind === "refund")
        .map((e) => e.cents),
    ).toEqual([190, 95]);

    // Only the armed count: the next Retoure settles at once after one delay.
    const next = await parsed(
      checkoutSchema,
      await api.call("POST", "/app/shoppingcart/png?directCheckout=true", {
        token,
        json: pngRequest(undefined, 95, [pngPosition(1)]),
      }),
    );
    const again = await parsed(
      retoureCreatedSchema,
      await api.call("POST", "/app/retoure", {
        token,
        json: { shoppingCart: { shopOrderId: next.shoppingCart.shopOrderId } },
      }),
    );
    clock.advance(5_000);
    expect(await stateOf(api, token, again.shopRetoureId)).toMatchObject({
      countStillOpen: 0,
      retourePrice: 95,
    });
  });
});
