import { Agent } from "undici";
import { describe, expect, it } from "vitest";
import { NetworkError, RateLimitedError, ServerError, TimeoutError } from "./errors";
import { countRequests, MERCHANT, useSimulator } from "../../test/support/internetmarke-sim";

const env = useSimulator();
const franking = { productCode: 1, voucherLayout: "FRANKING_ZONE" as const };
const PDF = "/app/shoppingcart/pdf";

function portokasse(options: Parameters<typeof env.client>[0] = {}) {
  const { client, sleeps } = env.client(options);
  return { p: client.portokasse(MERCHANT), sleeps };
}

const buy = (p: ReturnType<typeof portokasse>["p"], shopOrderId: string) =>
  p.checkoutPdf({
    shopOrderId,
    pageFormatId: 1,
    totalCents: 95,
    positions: [{ ...franking, position: { labelX: 1, labelY: 1, page: 1 } }],
  });

describe("outcome-unknown checkout, reconciled with retrieveCart (real HTTP)", () => {
  it("connection dropped after the purchase: retrieveCart finds the vouchers, nothing is bought twice", async () => {
    const { p } = portokasse();
    const shopOrderId = await p.initCart();
    env.sim.faults.dropAfterCommit(1, { path: PDF });
    const error = await buy(p, shopOrderId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ outcomeUnknown: true, operation: "checkoutPdf" });
    expect(countRequests(env.sim, "POST", PDF)).toBe(1);

    const found = await p.retrieveCart(shopOrderId);
    expect(found.bought).toBe(true);
    const bought = env.sim.account(MERCHANT.username);
    expect(found.bought && found.cart.vouchers.map((v) => v.voucherId)).toEqual(
      bought.vouchers.map((v) => v.voucherId),
    );
    expect(bought.ledger.filter((e) => e.kind === "purchase")).toHaveLength(1);
  });

  it("connection dropped before handling: not bought, and a fresh cart buys exactly once", async () => {
    const { p } = portokasse();
    const first = await p.initCart();
    env.sim.faults.dropBeforeHandling(1, { path: PDF });
    await expect(buy(p, first)).rejects.toMatchObject({ constructor: NetworkError, outcomeUnknown: true });
    expect(countRequests(env.sim, "POST", PDF)).toBe(1);

    await expect(p.retrieveCart(first)).resolves.toEqual({ bought: false, shopOrderId: first });
    const second = await p.initCart();
    expect(second).not.toBe(first);
    const cart = await buy(p, second);
    expect(cart.vouchers).toHaveLength(1);
    const account = env.sim.account(MERCHANT.username);
    expect(account.ledger.filter((e) => e.kind === "purchase")).toEqual([
      expect.objectContaining({ cents: -95, ref: second }),
    ]);
    expect(account.balanceCents).toBe(10_000 - 95);
  });

  it("5xx on a checkout: ServerError, outcome unknown, not re-sent; reconcile says not bought", async () => {
    const { p, sleeps } = portokasse();
    const shopOrderId = await p.initCart();
    env.sim.faults.failNext(1, { status: 502, path: PDF });
    await expect(buy(p, shopOrderId)).rejects.toMatchObject({
      constructor: ServerError,
      status: 502,
      outcomeUnknown: true,
    });
    expect(countRequests(env.sim, "POST", PDF)).toBe(1);
    expect(sleeps).toEqual([]);
    await expect(p.retrieveCart(shopOrderId)).resolves.toMatchObject({ bought: false });
  });

  it("a slow checkout times out (outcome unknown) while the server still completes it", async () => {
    const { p } = portokasse({ timeoutMs: 100 });
    const shopOrderId = await p.initCart();
    env.sim.faults.latencyMs = 400;
    await expect(buy(p, shopOrderId)).rejects.toMatchObject({
      constructor: TimeoutError,
      outcomeUnknown: true,
    });
    env.sim.faults.latencyMs = 0;
    // Reconcile only once the server can have finished: right after a timeout it may still be working.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(p.retrieveCart(shopOrderId)).resolves.toMatchObject({ bought: true });
    expect(countRequests(env.sim, "POST", PDF)).toBe(1);
  });

  it("a rate-limited checkout is not re-sent; its outcome is known (nothing bought)", async () => {
    const { p, sleeps } = portokasse();
    const shopOrderId = await p.initCart();
    env.sim.faults.rateLimitNext(1, 2, { path: PDF });
    await expect(buy(p, shopOrderId)).rejects.toMatchObject({
      constructor: RateLimitedError,
      retryAfterSeconds: 2,
      outcomeUnknown: false,
    });
    expect(sleeps).toEqual([]);
    await expect(buy(p, shopOrderId)).resolves.toMatchObject({ shopOrderId });
  });

  it("top-up dropped after commit: outcome unknown; a fresh login shows the new balance", async () => {
    const { p } = portokasse();
    env.sim.faults.dropAfterCommit(1, { path: "/app/wallet" });
    await expect(p.topUp(1_000)).rejects.toMatchObject({ constructor: NetworkError, outcomeUnknown: true });
    expect(countRequests(env.sim, "PUT", "/app/wallet")).toBe(1);
    await expect(p.login()).resolves.toMatchObject({ walletBalanceCents: 11_000 });
  });

  it("Retoure dropped after commit: found again by its creation time", async () => {
    const { p } = portokasse();
    const shopOrderId = await p.initCart();
    const cart = await buy(p, shopOrderId);
    const before = env.clock.now();
    env.sim.faults.dropAfterCommit(1, { path: "/app/retoure", method: "POST" });
    await expect(p.requestRetoure({ shopOrderId })).rejects.toMatchObject({
      constructor: NetworkError,
      outcomeUnknown: true,
    });
    const states = await p.retoureState({
      startDate: new Date(before.getTime() - 1000),
      endDate: new Date(env.clock.now().getTime() + 1000),
    });
    expect(states).toHaveLength(1);
    expect(states[0]?.countStillOpen).toBe(cart.vouchers.length);
    expect(countRequests(env.sim, "POST", "/app/retoure")).toBe(1);
  });
});

describe("safe calls ride out faults (real HTTP)", () => {
  it("5xx and dropped connections on reads, cart init and previews are retried with backoff", async () => {
    const { p, sleeps } = portokasse();
    env.sim.faults.failNext(2, { status: 503, path: "/app/catalog" });
    await expect(p.catalog(["PAGE_FORMATS"])).resolves.toBeDefined();
    env.sim.faults.dropBeforeHandling(1, { path: "/app/shoppingcart", method: "POST" });
    await expect(p.initCart()).resolves.toMatch(/^\d+$/);
    env.sim.faults.failNext(1, { status: 500, path: PDF });
    await expect(
      p.previewPdf({ productCode: 1, voucherLayout: "FRANKING_ZONE", pageFormatId: 1 }),
    ).resolves.toBeDefined();
    env.sim.faults.dropAfterCommit(1, { path: "/user/profile" });
    await expect(p.profile()).resolves.toBeDefined();
    expect(sleeps).toEqual([375, 750, 375, 375, 375]);
  });

  it("honours Retry-After on 429 for safe calls", async () => {
    const { p, sleeps } = portokasse();
    env.sim.faults.rateLimitNext(1, 4, { path: "/app/catalog" });
    await p.catalog(["PUBLIC"]);
    expect(sleeps).toEqual([4000]);
  });

  it("gives up after maxRetries", async () => {
    const { p } = portokasse({ maxRetries: 1 });
    env.sim.faults.failNext(5, { status: 504, path: "/app/catalog" });
    await expect(p.catalog(["PUBLIC"])).rejects.toMatchObject({
      constructor: ServerError,
      status: 504,
      outcomeUnknown: false,
    });
    expect(countRequests(env.sim, "GET", "/app/catalog")).toBe(2);
  });

  it("a read that does not answer in time is retried, then reported as a timeout", async () => {
    const { p } = portokasse({ timeoutMs: 50, maxRetries: 1 });
    env.sim.faults.latencyMs = 300;
    await expect(p.profile()).rejects.toBeInstanceOf(TimeoutError);
    env.sim.faults.latencyMs = 0;
  });

  it("works through an undici dispatcher", async () => {
    const agent = new Agent({ connections: 2 });
    try {
      const { client } = env.client({ dispatcher: agent });
      await expect(client.health()).resolves.toMatchObject({ env: "simulator" });
      await expect(client.portokasse(MERCHANT).initCart()).resolves.toMatch(/^\d+$/);
    } finally {
      await agent.close();
    }
  });
});
