import { describe, expect, it } from "vitest";
import { ValidationError } from "./errors";
import { MERCHANT, SERIAL, useSimulator } from "../../test/support/internetmarke-sim";

const env = useSimulator({ retoureDelayMs: 60_000 });

async function bought(count: number) {
  const p = env.client().client.portokasse(MERCHANT);
  const shopOrderId = await p.initCart();
  const cart = await p.checkoutPng({
    shopOrderId,
    totalCents: 95 * count,
    positions: Array.from({ length: count }, () => ({
      productCode: 1,
      voucherLayout: "FRANKING_ZONE" as const,
    })),
  });
  return { p, shopOrderId, cart };
}

describe("Retoure against the simulator (real HTTP)", () => {
  it("requests a refund of a whole cart and follows it until it is settled", async () => {
    const { p, shopOrderId, cart } = await bought(2);
    env.clock.advance(5 * 60_000);
    const requestedAt = env.clock.now();
    const receipt = await p.requestRetoure({ shopOrderId });
    expect(receipt.shopRetoureId).toMatch(/^\d+$/);
    expect(receipt.retoureTransactionId).toMatch(/^\d+$/);

    const [open] = await p.retoureState(receipt.shopRetoureId);
    expect(open).toMatchObject({
      shopRetoureId: receipt.shopRetoureId,
      retoureTransactionId: receipt.retoureTransactionId,
      totalCount: 2,
      countStillOpen: 2,
      retourePriceCents: 0,
      serialNumber: SERIAL,
      refundedVouchers: [],
      notRefundedVouchers: [],
    });
    expect(open?.creationDateRaw).toMatch(/^\d{7,8}-\d{6}$/);
    expect(open?.creationDate?.getTime()).toBe(Math.floor(requestedAt.getTime() / 1000) * 1000);

    env.clock.advance(60_000);
    const [done] = await p.retoureState(receipt.shopRetoureId);
    expect(done).toMatchObject({ countStillOpen: 0, retourePriceCents: 190, notRefundedVouchers: [] });
    expect(done?.refundedVouchers).toEqual(
      cart.vouchers.map((v) => ({ voucherId: v.voucherId, trackId: null })),
    );
    expect(env.sim.account(MERCHANT.username).balanceCents).toBe(10_000);
  });

  it("refunds single vouchers and reports the ones that cannot be refunded", async () => {
    const { p, cart } = await bought(2);
    const [first] = cart.vouchers;
    if (first === undefined) throw new Error("no voucher");
    const receipt = await p.requestRetoure({
      vouchers: [{ voucherId: first.voucherId }, { voucherId: "AF188FFFFF00000000ZZ" }],
    });
    env.clock.advance(60_000);
    env.sim.processRetoures();
    const [state] = await p.retoureState({ retoureTransactionId: receipt.retoureTransactionId });
    expect(state?.refundedVouchers.map((v) => v.voucherId)).toEqual([first.voucherId]);
    expect(state?.notRefundedVouchers.map((v) => v.voucherId)).toEqual(["AF188FFFFF00000000ZZ"]);
    expect(state?.retourePriceCents).toBe(95);
  });

  it("an unknown shopRetoureId yields an empty list", async () => {
    const p = env.client().client.portokasse(MERCHANT);
    await expect(p.retoureState("123456")).resolves.toEqual([]);
  });

  it("a Retoure without cart or vouchers is refused locally", async () => {
    const p = env.client().client.portokasse(MERCHANT);
    await expect(p.requestRetoure({ vouchers: [] })).rejects.toBeInstanceOf(ValidationError);
    expect(env.sim.requests).toHaveLength(0);
  });
});
