import { afterEach, describe, expect, it } from "vitest";
import { IM_BASE_PATH } from "./index";
import type { Api } from "./testing/harness";
import {
  login,
  MERCHANT,
  newCart,
  overHttp,
  pdfPosition,
  pdfRequest,
  setupSimulator,
} from "./testing/harness";
import { checkoutSchema, expectGatewayError, expectImError, parsed } from "./testing/schemas";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function expectDropped(promise: Promise<Response>): Promise<void> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TypeError);
  expect(error).toMatchObject({ message: "fetch failed", cause: { code: "UND_ERR_SOCKET" } });
}

describe("failNext", () => {
  it("answers 5xx for the next matching requests only", async () => {
    const { api, sim } = setupSimulator();
    const token = await login(api);
    sim.faults.failNext(2, { status: 503, path: "/app/shoppingcart", method: "POST" });
    expect((await api.call("GET", "/user/profile", { token })).status).toBe(200);
    await expectGatewayError(
      await api.call("POST", "/app/shoppingcart", { token }),
      503,
      "Service Unavailable",
    );
    await expectGatewayError(
      await api.call("POST", "/app/shoppingcart", { token }),
      503,
      "Service Unavailable",
    );
    expect((await api.call("POST", "/app/shoppingcart", { token })).status).toBe(200);
  });

  it("defaults to a 500 in the backend shape and matches RegExp paths", async () => {
    const { api, sim } = setupSimulator();
    sim.faults.failNext(1, { path: /\/user$/ });
    await expectImError(await api.call("POST", "/user", { form: {} }), 500, "Internal Server Error");
  });
});

describe("rateLimitNext", () => {
  it("answers 429 with Retry-After in the gateway shape", async () => {
    const { api, sim } = setupSimulator();
    sim.faults.rateLimitNext(1, 7);
    const response = await api.call("GET", "/");
    expect(response.headers.get("retry-after")).toBe("7");
    await expectGatewayError(response, 429, "Too Many Requests");
    expect((await api.call("GET", "/")).status).toBe(200);
  });
});

describe("dropped connections", () => {
  it("dropBeforeHandling: fetch rejects like undici and nothing happens server-side", async () => {
    const { api, sim } = setupSimulator();
    const token = await login(api);
    const shopOrderId = await newCart(api, token);
    sim.faults.dropBeforeHandling(1, { path: "/app/shoppingcart/pdf" });
    await expectDropped(
      api.call("POST", "/app/shoppingcart/pdf", {
        token,
        json: pdfRequest(shopOrderId, 95, [pdfPosition(1)]),
      }),
    );
    expect(sim.account(MERCHANT.username)).toMatchObject({ balanceCents: 10_000, vouchers: [] });
    await expectImError(
      await api.call("GET", `/app/shoppingcart/${shopOrderId}`, { token }),
      404,
      "Not Found",
    );
  });

  it("dropAfterCommit over real HTTP: money moved, the bought cart is retrievable, a retry is refused", async () => {
    const { sim } = setupSimulator();
    const http = await overHttp(sim);
    close = http.close;
    const api: Api = http;
    const token = await login(api);
    const shopOrderId = await newCart(api, token);
    sim.faults.dropAfterCommit(1, { path: `${IM_BASE_PATH}/app/shoppingcart/pdf`, method: "POST" });
    const json = pdfRequest(shopOrderId, 95, [pdfPosition(1)]);
    await expectDropped(api.call("POST", "/app/shoppingcart/pdf", { token, json }));

    expect(sim.account(MERCHANT.username)).toMatchObject({
      balanceCents: 10_000 - 95,
      vouchers: [expect.objectContaining({ shopOrderId })],
    });
    const recovered = await parsed(
      checkoutSchema,
      await api.call("GET", `/app/shoppingcart/${shopOrderId}`, { token }),
    );
    expect(recovered.shoppingCart.voucherList).toHaveLength(1);
    expect((await api.get(recovered.link)).status).toBe(200);
    await expectImError(
      await api.call("POST", "/app/shoppingcart/pdf", { token, json }),
      400,
      "invalidShopOrderID",
    );
  });

  it("dropBeforeHandling over real HTTP destroys the socket", async () => {
    const { sim } = setupSimulator();
    const http = await overHttp(sim);
    close = http.close;
    sim.faults.dropBeforeHandling(1);
    await expectDropped(http.call("GET", "/"));
    expect((await http.call("GET", "/")).status).toBe(200);
  });
});

describe("latency, request log, clear and reset", () => {
  it("adds latency to every request", async () => {
    const { api, sim } = setupSimulator();
    sim.faults.latencyMs = 40;
    const started = performance.now();
    await api.call("GET", "/");
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  it("logs every request, faulted ones included", async () => {
    const { api, sim, clock } = setupSimulator();
    sim.faults.failNext(1);
    await api.call("GET", "/");
    await api.call("POST", "/app/shoppingcart");
    expect(sim.requests).toEqual([
      { method: "GET", path: `${IM_BASE_PATH}/`, at: clock.now() },
      { method: "POST", path: `${IM_BASE_PATH}/app/shoppingcart`, at: clock.now() },
    ]);
  });

  it("clear() disarms all faults; reset() empties everything", async () => {
    const { api, sim } = setupSimulator();
    sim.faults.latencyMs = 5;
    sim.faults.failNext(5);
    sim.faults.rateLimitNext(5, 1);
    sim.faults.dropBeforeHandling(5);
    sim.faults.clear();
    expect(sim.faults.latencyMs).toBe(0);
    expect((await api.call("GET", "/")).status).toBe(200);

    const requests = sim.requests;
    sim.faults.failNext(1);
    sim.reset();
    expect(requests).toEqual([]);
    expect((await api.call("GET", "/")).status).toBe(200);
    expect(() => sim.account(MERCHANT.username)).toThrow(/no simulated Portokasse account/);
  });

  it("answers unknown routes 404 and wrong methods 405 at the gateway", async () => {
    const { api } = setupSimulator();
    await expectGatewayError(await api.call("GET", "/app/nothing"), 404, "Not Found");
    const response = await api.call("DELETE", "/app/retoure");
    expect(response.headers.get("allow")).toBe("POST, GET");
    await expectGatewayError(response, 405, "Method Not Allowed");
  });
});
