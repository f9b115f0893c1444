import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  AppError,
  fetchBatch,
  fetchOrderFrankings,
  fetchOrderRefunds,
  parseBatch,
  parseOrderFrankings,
  parsePreview,
  parseRefunds,
  previewBatch,
  startBatch,
} from "./api";
import { ShapeError } from "./parse";
import {
  batchAnswer,
  frankedOrder,
  frankingAnswer,
  frankingsAnswer,
  notFranked,
  previewAnswer,
  refundsAnswer,
} from "./testing/fixtures";

const clone = <T>(value: T): T => structuredClone(value);

/** `value` with the field at `path` (dots and indexes, e.g. "orders.0.priceCents") set, or removed. */
function withField(value: unknown, path: string, field: unknown, remove = false): unknown {
  const copy = clone(value) as Record<string, unknown>;
  const parts = path.split(".");
  const last = parts.pop() ?? "";
  const parent = parts.reduce<Record<string, unknown>>(
    (node, part) => node[part] as Record<string, unknown>,
    copy,
  );
  if (remove) delete parent[last];
  else parent[last] = field;
  return copy;
}

function shapeErrorOf(parse: () => unknown): ShapeError {
  try {
    parse();
  } catch (error) {
    if (error instanceof ShapeError) return error;
    throw error;
  }
  throw new Error("expected a ShapeError");
}

describe("parsePreview", () => {
  test("reads the app's answer, ignoring the fields the extensions do not use", () => {
    const preview = parsePreview(previewAnswer());
    expect(preview.lines.map((line) => [line.orderName, line.ok])).toEqual([
      ["#1001", true],
      ["#1002", true],
      ["#1003", false],
      ["#1004", true],
    ]);
    expect(preview.lines[1]).toEqual({
      orderId: "gid://shopify/Order/1002",
      orderName: "#1002",
      ok: true,
      productCode: 21,
      productName: "Großbrief",
      priceCents: 180,
      weightG: 340,
      flags: ["missing-weight:Poster"],
      reason: "340 g, Germany",
    });
    expect(preview.lines[2]).toEqual({
      orderId: "gid://shopify/Order/1003",
      orderName: "#1003",
      ok: false,
      error: "missing-address",
      reason: "The order has no shipping address",
    });
    expect(preview.totals[1]).toEqual({
      productCode: 21,
      productName: "Großbrief",
      count: 1,
      unitPriceCents: 180,
      totalCents: 180,
    });
    expect(preview.balance).toEqual({
      balanceCents: 5000,
      totalCents: 370,
      sufficient: true,
      missingCents: 0,
    });
    expect(preview.portokasse).toEqual({ connected: true, problem: null });
  });

  test("an order the app could not find has no name; an unknown balance is null", () => {
    const answer = withField(
      withField(previewAnswer({ balanceCents: null, sufficient: null }), "lines.2.orderName", null),
      "lines.2.error",
      "not-found",
    );
    const preview = parsePreview(answer);
    expect(preview.lines[2]).toMatchObject({ orderName: null, ok: false, error: "not-found" });
    expect(preview.balance).toMatchObject({ balanceCents: null, sufficient: null });
  });

  test.each([
    [".", "not an object", [], "the answer should be an object, got a list"],
    ["lines", "missing", undefined, "lines should be a list, got nothing"],
    ["lines.0.ok", "not a boolean", "yes", 'lines[0].ok should be true or false, got "yes"'],
    ["lines.0.priceCents", "a fraction", 0.95, "lines[0].priceCents should be a whole number ≥ 0, got 0.95"],
    [
      "lines.0.productCode",
      "a string (the app's codes are numbers)",
      "STANDARDBRIEF",
      'lines[0].productCode should be a whole number ≥ 0, got "STANDARDBRIEF"',
    ],
    ["lines.0.flags", "missing", undefined, "lines[0].flags should be a list, got nothing"],
    ["lines.2.reason", "missing", undefined, "lines[2].reason should be text, got nothing"],
    [
      "lines.2.error",
      "missing on an unfrankable order",
      undefined,
      "lines[2].error should be text, got nothing",
    ],
    [
      "lines.2.orderName",
      "absent (null is allowed, absent is not)",
      undefined,
      "lines[2].orderName should be text",
    ],
    ["totals.1.count", "zero", 0, "totals[1].count should be a whole number ≥ 1, got 0"],
    ["totals.0.unitPriceCents", "missing", undefined, "totals[0].unitPriceCents should be a whole number"],
    ["balance", "missing", undefined, "balance should be an object, got nothing"],
    ["balance.totalCents", "a string", "370", 'balance.totalCents should be a whole number ≥ 0, got "370"'],
    ["balance.balanceCents", "absent", undefined, "balance.balanceCents should be a whole number"],
    ["balance.sufficient", "a string", "yes", 'balance.sufficient should be true or false, got "yes"'],
    ["balance.missingCents", "negative", -5, "balance.missingCents should be a whole number ≥ 0, got -5"],
    [
      "portokasse.connected",
      "missing",
      undefined,
      "portokasse.connected should be true or false, got nothing",
    ],
  ])("rejects %s when %s", (path, _why, field, message) => {
    const answer = path === "." ? field : withField(previewAnswer(), path, field, field === undefined);
    expect(shapeErrorOf(() => parsePreview(answer)).message).toContain(message);
  });
});

describe("parseBatch", () => {
  test("reads the app's answer, with and without missingCents", () => {
    expect(parseBatch(batchAnswer("RUNNING", 1))).toEqual(batchAnswer("RUNNING", 1));
    const stopped = batchAnswer("INSUFFICIENT_FUNDS", 1, {
      missingCents: 80,
      error: "insufficient_balance",
    });
    expect(parseBatch(stopped)).toMatchObject({ missingCents: 80, error: "insufficient_balance" });
    expect(parseBatch(batchAnswer("QUEUED", 0))).toMatchObject({ labelUrl: null, manifestUrl: null });
  });

  test.each([
    ["status", "COMPLETED", "status should be one of QUEUED, RUNNING, DONE, INSUFFICIENT_FUNDS, FAILED"],
    ["error", undefined, "error should be text, got nothing"],
    ["counts", null, "counts should be an object, got null"],
    ["counts.skipped", undefined, "counts.skipped should be a whole number ≥ 0, got nothing"],
    ["orders.0.voucherIds", "A001", 'orders[0].voucherIds should be a list, got "A001"'],
    ["orders.0.trackIds", [1], "orders[0].trackIds[0] should be text, got 1"],
    ["orders.0.error", undefined, "orders[0].error should be text, got nothing"],
    ["createdAt", "yesterday", 'createdAt should be an ISO 8601 timestamp, got "yesterday"'],
    ["finishedAt", 0, "finishedAt should be an ISO 8601 timestamp, got 0"],
    ["missingCents", "80", 'missingCents should be a whole number ≥ 0, got "80"'],
    ["labelUrl", undefined, "labelUrl should be an absolute http(s) URL or null, got nothing"],
    [
      "labelUrl",
      "/labels/batch-1",
      'labelUrl should be an absolute http(s) URL or null, got "/labels/batch-1"',
    ],
    ["manifestUrl", "javascript:alert(1)", "manifestUrl should be an absolute http(s) URL or null"],
  ])("rejects %s = %j", (path, field, message) => {
    const answer = withField(batchAnswer("RUNNING", 1), path, field, field === undefined);
    expect(shapeErrorOf(() => parseBatch(answer)).message).toContain(message);
  });
});

describe("parseOrderFrankings", () => {
  test("reads the app's answer: every order asked, and one link for the printable labels", () => {
    const answer = frankingsAnswer([frankedOrder(), notFranked("gid://shopify/Order/2")]);
    expect(parseOrderFrankings(answer)).toEqual(answer);
    expect(parseOrderFrankings(answer).labelsUrl).toBe(
      "https://frankiermeister.example/labels/orders.pdf?ids=1&shop=frankier-demo.myshopify.com&exp=1795600000&sig=Ab0_Ab0_Ab0_Ab0_Ab0_Ab0_Ab0_Ab0_Ab0_Ab0_xyz",
    );
  });

  test.each([
    [
      "orders.0.status",
      "FRANKED",
      "orders[0].status should be one of NOT_FRANKED, QUEUED, BOUGHT, FULFILLED, FAILED, SKIPPED",
    ],
    [
      "orders.0.labelUrl",
      undefined,
      "orders[0].labelUrl should be an absolute http(s) URL or null, got nothing",
    ],
    ["orders.0.orderId", "", 'orders[0].orderId should be non-empty text, got ""'],
    ["orders.0.orderName", null, "orders[0].orderName should be text, got null"],
    ["orders.0.batchId", 7, "orders[0].batchId should be text, got 7"],
    ["labelsUrl", undefined, "labelsUrl should be an absolute http(s) URL or null, got nothing"],
  ])("rejects %s = %j", (path, field, message) => {
    const answer = withField(frankingAnswer(), path, field, field === undefined);
    expect(shapeErrorOf(() => parseOrderFrankings(answer)).message).toContain(message);
  });
});

describe("parseRefunds", () => {
  test("reads the app's answer", () => {
    expect(parseRefunds(refundsAnswer({ state: "NOT_REFUNDED", reason: "window_expired" }))).toEqual([
      { voucherId: "A0011223344556677", state: "NOT_REFUNDED", reason: "window_expired" },
    ]);
    expect(parseRefunds({ refunds: [] })).toEqual([]);
  });

  test("rejects an unknown refund state", () => {
    const answer = withField(refundsAnswer({ state: "PENDING" }), "refunds.0.state", "REJECTED");
    expect(shapeErrorOf(() => parseRefunds(answer)).message).toContain(
      "refunds[0].state should be one of PENDING, REFUNDED, NOT_REFUNDED",
    );
  });
});

describe("calls", () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal("fetch", fetchMock);
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  const answer = (status: number, body: string) =>
    fetchMock.mockResolvedValueOnce(new Response(body, { status }));

  async function errorOf(call: () => Promise<unknown>): Promise<AppError> {
    const error: unknown = await call().then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
    return error;
  }

  test("POSTs JSON to the relative app route", async () => {
    answer(202, JSON.stringify({ batchId: "b", statusUrl: "/api/batches/b" }));
    await expect(startBatch({ orderIds: ["gid://shopify/Order/1"], startPosition: 3 })).resolves.toEqual({
      batchId: "b",
      statusUrl: "/api/batches/b",
    });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe("/api/batches");
    expect(init?.method).toBe("POST");
    expect(init?.headers).toEqual({ Accept: "application/json", "Content-Type": "application/json" });
    expect(JSON.parse(String(init?.body))).toEqual({ orderIds: ["gid://shopify/Order/1"], startPosition: 3 });
  });

  test("sends the click's Idempotency-Key with POST /api/batches", async () => {
    answer(202, JSON.stringify({ batchId: "b", statusUrl: "/api/batches/b" }));
    await startBatch({ orderIds: ["gid://shopify/Order/1"], startPosition: 1 }, "click-1");
    expect(fetchMock.mock.calls[0]?.[1]?.headers).toEqual({
      Accept: "application/json",
      "Content-Type": "application/json",
      "Idempotency-Key": "click-1",
    });
  });

  test("escapes the batch id in the status URL", async () => {
    answer(200, JSON.stringify(batchAnswer("QUEUED", 0)));
    await fetchBatch("a/b");
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/batches/a%2Fb");
  });

  test("an {error, message} answer is the app refusing, with its code, status and message", async () => {
    answer(422, JSON.stringify({ error: "TOO_MANY_ORDERS", message: "At most 250 orders." }));
    const error = await errorOf(() => previewBatch(["x"]));
    expect(error).toMatchObject({
      kind: "refused",
      status: 422,
      code: "TOO_MANY_ORDERS",
      appMessage: "At most 250 orders.",
      route: "POST /api/preview",
    });
    expect(error.message).toBe("At most 250 orders.");
  });

  test("the app's error answers without a message are refusals too, with what else they say", async () => {
    answer(
      400,
      JSON.stringify({
        error: "invalid-request",
        issues: [{ path: "orderIds", message: "Too small: expected array to have >=1 items" }],
      }),
    );
    expect(await errorOf(() => previewBatch([]))).toMatchObject({
      kind: "refused",
      status: 400,
      code: "invalid-request",
      appMessage: undefined,
      details: ["orderIds: Too small: expected array to have >=1 items"],
    });
    answer(502, JSON.stringify({ error: "shopify-unavailable", code: "THROTTLED" }));
    expect(await errorOf(() => previewBatch(["x"]))).toMatchObject({
      code: "shopify-unavailable",
      details: ["code: THROTTLED"],
    });
    answer(409, JSON.stringify({ error: "portokasse_not_linked" }));
    expect(await errorOf(() => startBatch({ orderIds: ["x"] }))).toMatchObject({
      kind: "refused",
      status: 409,
      code: "portokasse_not_linked",
      details: [],
    });
  });

  test("a bare 401 (the session was not accepted) is a refusal with the code unauthorized", async () => {
    answer(401, "");
    expect(await errorOf(() => fetchBatch("b"))).toMatchObject({ kind: "refused", code: "unauthorized" });
  });

  test("an error answer of another shape is unexpected", async () => {
    answer(500, "Internal Server Error");
    expect(await errorOf(() => previewBatch(["x"]))).toMatchObject({
      kind: "unexpected",
      status: 500,
      message: "HTTP 500 without an {error} body",
    });
  });

  test("a success answer that is not JSON is unexpected", async () => {
    answer(200, "<!doctype html><title>Log in</title>");
    const error = await errorOf(() => previewBatch(["x"]));
    expect(error).toMatchObject({ kind: "unexpected", status: 200, message: "the answer is not JSON" });
  });

  test("a success answer of the wrong shape is unexpected and names the field", async () => {
    answer(200, JSON.stringify(previewAnswer({ sufficient: "yes" as unknown as boolean })));
    const error = await errorOf(() => previewBatch(["x"]));
    expect(error).toMatchObject({ kind: "unexpected", code: "balance.sufficient" });
  });

  test("asks for the orders' franking and an order's refunds with escaped ids", async () => {
    answer(200, JSON.stringify(frankingAnswer()));
    answer(200, JSON.stringify(refundsAnswer({ state: "PENDING" })));
    await fetchOrderFrankings(["gid://shopify/Order/1", "gid://shopify/Order/2"]);
    await fetchOrderRefunds("gid://shopify/Order/1");
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
      "/api/orders/franking?ids=gid%3A%2F%2Fshopify%2FOrder%2F1,gid%3A%2F%2Fshopify%2FOrder%2F2",
      "/api/refunds?orderId=gid%3A%2F%2Fshopify%2FOrder%2F1",
    ]);
  });

  test("a failed fetch is a network error", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    expect(await errorOf(() => previewBatch(["x"]))).toMatchObject({
      kind: "network",
      message: "Failed to fetch",
    });
  });
});
