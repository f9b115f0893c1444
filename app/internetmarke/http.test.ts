import { MockAgent } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { createInternetmarkeClient } from "./client";
import { NetworkError, RateLimitedError, ServerError, TimeoutError, UnexpectedResponseError } from "./errors";
import {
  BASE_URL,
  CLIENT_ID,
  CLIENT_SECRET,
  credentials,
  PRODUCTS_BASE_URL,
  reply,
  testClient,
  tokenReply,
  type RecordedRequest,
} from "../../test/support/internetmarke-client";

const unavailable = reply(503, {
  status: 503,
  title: "Service Unavailable",
  detail: "The upstream service did not answer.",
});
const catalogOk = reply(200, { pageFormats: [] });
const cartOk = reply(200, {
  type: "CheckoutShoppingCartAppResponse",
  link: "https://x.test/doc.pdf",
  shoppingCart: { shopOrderId: "1001", voucherList: [{ voucherId: "A0000000010000000001", trackId: null }] },
  walletBallance: 9905,
});
const hang = (req: RecordedRequest) =>
  new Promise<never>((_resolve, reject) => {
    req.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
  });

const pdf = {
  shopOrderId: "1001",
  totalCents: 95,
  pageFormatId: 1,
  positions: [
    { productCode: 1, voucherLayout: "FRANKING_ZONE" as const, position: { labelX: 1, labelY: 1, page: 1 } },
  ],
};

describe("retries of safe calls", () => {
  it("retries 5xx with exponential backoff and jitter, then succeeds", async () => {
    const t = testClient({
      "POST /user": tokenReply(),
      "GET /app/catalog": [unavailable, unavailable, catalogOk],
    });
    await expect(t.client.portokasse(credentials).catalog(["PAGE_FORMATS"])).resolves.toMatchObject({
      pageFormats: [],
    });
    expect(t.requests.filter((r) => r.path === "/app/catalog")).toHaveLength(3);
    expect(t.sleeps).toEqual([375, 750]); // base 500: (250 + 250*0.5), (500 + 500*0.5)
    expect(t.logs.filter((l) => l.level === "warn").map((l) => l.meta?.status)).toEqual([503, 503]);
  });

  it("stops after maxRetries and throws the server error", async () => {
    const t = testClient({ "POST /user": tokenReply(), "GET /app/catalog": unavailable }, { maxRetries: 1 });
    await expect(t.client.portokasse(credentials).catalog()).rejects.toBeInstanceOf(ServerError);
    expect(t.requests.filter((r) => r.path === "/app/catalog")).toHaveLength(2);
  });

  it("honours Retry-After on 429", async () => {
    const limited = reply(
      429,
      { status: 429, title: "Too Many Requests", detail: "slow" },
      { "retry-after": "3" },
    );
    const t = testClient({ "POST /user": tokenReply(), "GET /app/catalog": [limited, catalogOk] });
    await t.client.portokasse(credentials).catalog();
    expect(t.sleeps).toEqual([3000]);
  });

  it("surfaces a 429 with a long Retry-After instead of waiting", async () => {
    const limited = reply(
      429,
      { status: 429, title: "Too Many Requests", detail: "slow" },
      { "retry-after": "7200" },
    );
    const t = testClient({ "POST /user": tokenReply(), "GET /app/catalog": limited });
    const error = await t.client
      .portokasse(credentials)
      .catalog()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error instanceof RateLimitedError && error.retryAfterSeconds).toBe(7200);
    expect(t.sleeps).toEqual([]);
  });

  it.each([
    ["initCart", "POST /app/shoppingcart", reply(200, { shopOrderId: "77" })],
    ["previewPdf", "POST /app/shoppingcart/pdf", reply(200, { link: "https://x.test/muster.pdf" })],
    ["retrieveCart", "GET /app/shoppingcart/1001", cartOk],
    ["retoureState", "GET /app/retoure", reply(200, { RetrieveRetoureStateResponse: [] })],
    ["profile", "GET /user/profile", reply(200, {})],
  ])("%s is safe and retried", async (op, route, ok) => {
    const t = testClient({
      "POST /user": tokenReply(),
      [route]: [new TypeError("fetch failed"), unavailable, ok],
    });
    const p = t.client.portokasse(credentials);
    const calls: Record<string, () => Promise<unknown>> = {
      initCart: () => p.initCart(),
      previewPdf: () => p.previewPdf({ productCode: 1, voucherLayout: "FRANKING_ZONE", pageFormatId: 1 }),
      retrieveCart: () => p.retrieveCart("1001"),
      retoureState: () => p.retoureState("55"),
      profile: () => p.profile(),
    };
    await expect(calls[op]?.()).resolves.toBeDefined();
    expect(t.sleeps).toHaveLength(2);
  });

  it("retries health and products", async () => {
    const t = testClient({
      "GET /": [unavailable, reply(200, { amp: { name: "im", version: "v1", rev: "1", env: "prod" } })],
      "GET /products": [unavailable, reply(200, { shortSalesProducts: [] })],
    });
    await expect(t.client.health()).resolves.toMatchObject({ env: "prod" });
    await expect(t.client.products()).resolves.toEqual({ date: null, products: [] });
    expect(t.sleeps).toHaveLength(2);
  });
});

describe("money-moving calls are sent exactly once", () => {
  it.each([
    ["checkoutPdf", "POST /app/shoppingcart/pdf"],
    ["checkoutPng", "POST /app/shoppingcart/png"],
    ["requestRetoure", "POST /app/retoure"],
    ["topUp", "PUT /app/wallet"],
  ])(
    "%s: 503 -> ServerError with outcomeUnknown, network error -> NetworkError with outcomeUnknown",
    async (op, route) => {
      for (const [answer, Cls] of [
        [unavailable, ServerError],
        [
          new TypeError("fetch failed", { cause: Object.assign(new Error("reset"), { code: "ECONNRESET" }) }),
          NetworkError,
        ],
      ] as const) {
        const t = testClient({ "POST /user": tokenReply(), [route]: answer });
        const p = t.client.portokasse(credentials);
        const calls: Record<string, () => Promise<unknown>> = {
          checkoutPdf: () => p.checkoutPdf(pdf),
          checkoutPng: () =>
            p.checkoutPng({ ...pdf, positions: [{ productCode: 1, voucherLayout: "FRANKING_ZONE" }] }),
          requestRetoure: () => p.requestRetoure({ shopOrderId: "1001" }),
          topUp: () => p.topUp(1000),
        };
        const error = await calls[op]?.().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(Cls);
        expect(error instanceof Cls && error.outcomeUnknown).toBe(true);
        expect(t.requests.filter((r) => `${r.method} ${r.path}` === route)).toHaveLength(1);
        expect(t.sleeps).toEqual([]);
      }
    },
  );

  it("a checkout rejected with 429 is not re-sent either (and its outcome is known: not bought)", async () => {
    const t = testClient({
      "POST /user": tokenReply(),
      "POST /app/shoppingcart/pdf": reply(429, "Too Many Requests", { "retry-after": "1" }),
    });
    const error = await t.client
      .portokasse(credentials)
      .checkoutPdf(pdf)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error instanceof RateLimitedError && error.outcomeUnknown).toBe(false);
    expect(t.requests).toHaveLength(2);
  });

  it("an unreadable 200 checkout body is outcomeUnknown (the purchase probably happened)", async () => {
    const t = testClient({
      "POST /user": tokenReply(),
      "POST /app/shoppingcart/pdf": reply(200, { shoppingCart: {} }),
    });
    const error = await t.client
      .portokasse(credentials)
      .checkoutPdf(pdf)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error instanceof UnexpectedResponseError && error.outcomeUnknown).toBe(true);
    expect(error instanceof UnexpectedResponseError && error.fields.map((f) => f.path)).toEqual(["link"]);
  });
});

describe("timeouts", () => {
  it("aborts a call that does not answer within timeoutMs and retries a safe call", async () => {
    const t = testClient(
      { "POST /user": tokenReply(), "GET /app/catalog": [hang, catalogOk] },
      { timeoutMs: 30 },
    );
    await expect(t.client.portokasse(credentials).catalog()).resolves.toBeDefined();
    expect(t.sleeps).toHaveLength(1);
  });

  it("a checkout timeout is outcomeUnknown and not re-sent", async () => {
    const t = testClient(
      { "POST /user": tokenReply(), "POST /app/shoppingcart/pdf": hang },
      { timeoutMs: 30 },
    );
    const error = await t.client
      .portokasse(credentials)
      .checkoutPdf(pdf)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: "timeout", outcomeUnknown: true, operation: "checkoutPdf" });
    expect(t.requests.filter((r) => r.path === "/app/shoppingcart/pdf")).toHaveLength(1);
  });

  it("also times out a body that never finishes", async () => {
    // Headers arrive at once; the body stays open until the timeout aborts it.
    const client = createInternetmarkeClient({
      baseUrl: BASE_URL,
      productsBaseUrl: PRODUCTS_BASE_URL,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      timeoutMs: 30,
      maxRetries: 0,
      fetch: async (url, init) => {
        if (url.endsWith("/user")) return new Response(JSON.stringify({ access_token: "t", expires_in: 60 }));
        const body = new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"mail":'));
            init.signal.addEventListener("abort", () =>
              controller.error(new DOMException("aborted", "AbortError")),
            );
          },
        });
        return new Response(body, { status: 200 });
      },
    });
    await expect(client.portokasse(credentials).profile()).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe("undici dispatcher", () => {
  let agent: MockAgent | null = null;
  afterEach(async () => {
    await agent?.close();
    agent = null;
  });

  it("uses undici's fetch with the given dispatcher when no fetch is passed", async () => {
    agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get("https://im.test");
    pool
      .intercept({ path: "/post/de/shipping/im/v1/", method: "GET" })
      .reply(200, { amp: { name: "im", version: "v1", rev: "2", env: "mock" } });
    pool
      .intercept({
        path: "/post/de/information/products/v1/products?profile=IM-PARTNER&shortVersion=true",
        method: "GET",
        headers: { "dhl-api-key": CLIENT_ID },
      })
      .reply(200, {
        shortSalesProducts: [
          { extProductid: "1", extProductname: "Standardbrief", transport: "national", grossprice: 0.95 },
        ],
      });
    const client = createInternetmarkeClient({
      baseUrl: BASE_URL,
      productsBaseUrl: PRODUCTS_BASE_URL,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      dispatcher: agent,
    });
    await expect(client.health()).resolves.toMatchObject({ env: "mock", rev: "2" });
    await expect(client.products()).resolves.toMatchObject({
      products: [{ productCode: 1, priceCents: 95 }],
    });
  });
});
