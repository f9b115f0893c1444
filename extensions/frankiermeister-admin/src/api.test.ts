import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  AppError,
  fetchBatch,
  labelsPdfUrl,
  parseBatch,
  parseOrderFrankings,
  parsePreview,
  previewBatch,
  startBatch,
} from "./api";
import { ShapeError } from "./parse";
import { batchAnswer, frankingAnswer, previewAnswer } from "./testing/fixtures";

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
  test("reads the contract's answer", () => {
    expect(parsePreview(previewAnswer())).toEqual(previewAnswer());
  });

  test("optional fields of an unfrankable order may be absent or null", () => {
    const answer = withField(previewAnswer(), "orders.2.productName", null);
    const order = parsePreview(answer).orders[2];
    expect(order).toEqual({
      orderId: "gid://shopify/Order/1003",
      orderName: "#1003",
      ok: false,
      reason: "The order has no shipping address",
      error: "MISSING_ADDRESS",
    });
  });

  test.each([
    [".", "not an object", [], "the answer should be an object, got a list"],
    ["orders", "missing", undefined, "orders should be a list, got nothing"],
    ["orders.0.ok", "not a boolean", "yes", 'orders[0].ok should be true or false, got "yes"'],
    [
      "orders.0.priceCents",
      "a fraction",
      0.95,
      "orders[0].priceCents should be a whole number ≥ 0, got 0.95",
    ],
    [
      "orders.0.productCode",
      "missing on a frankable order",
      undefined,
      "orders[0].productCode should be text, got nothing",
    ],
    ["orders.2.reason", "missing", undefined, "orders[2].reason should be text, got nothing"],
    ["orders.2.error", "a number", 42, "orders[2].error should be text, got 42"],
    ["totalsByProduct.1.count", "zero", 0, "totalsByProduct[1].count should be a whole number ≥ 1, got 0"],
    ["totalCents", "a string", "370", 'totalCents should be a whole number ≥ 0, got "370"'],
    [
      "balanceCents",
      "missing (null is allowed, absent is not)",
      undefined,
      "balanceCents should be a whole number",
    ],
    ["sufficient", "missing", undefined, "sufficient should be true or false, got nothing"],
    ["missingCents", "negative", -5, "missingCents should be a whole number ≥ 0, got -5"],
  ])("rejects %s when %s", (path, _why, field, message) => {
    const answer = path === "." ? field : withField(previewAnswer(), path, field, field === undefined);
    expect(shapeErrorOf(() => parsePreview(answer)).message).toContain(message);
  });
});

describe("parseBatch", () => {
  test("reads the contract's answer, with and without missingCents", () => {
    expect(parseBatch(batchAnswer("RUNNING", 1))).toEqual(batchAnswer("RUNNING", 1));
    const stopped = batchAnswer("STOPPED_INSUFFICIENT_BALANCE", 1, { missingCents: 80 });
    expect(parseBatch(stopped).missingCents).toBe(80);
  });

  test.each([
    ["status", "DONE", "status should be one of QUEUED, RUNNING"],
    ["counts", null, "counts should be an object, got null"],
    ["counts.skipped", undefined, "counts.skipped should be a whole number ≥ 0, got nothing"],
    ["orders.0.voucherIds", "A001", 'orders[0].voucherIds should be a list, got "A001"'],
    ["orders.0.trackIds", [1], "orders[0].trackIds[0] should be text, got 1"],
    ["orders.0.error", undefined, "orders[0].error should be text, got nothing"],
    ["createdAt", "yesterday", 'createdAt should be an ISO 8601 timestamp, got "yesterday"'],
    ["finishedAt", 0, "finishedAt should be an ISO 8601 timestamp, got 0"],
    ["missingCents", "80", 'missingCents should be a whole number ≥ 0, got "80"'],
  ])("rejects %s = %j", (path, field, message) => {
    const answer = withField(batchAnswer("RUNNING", 1), path, field, field === undefined);
    expect(shapeErrorOf(() => parseBatch(answer)).message).toContain(message);
  });
});

describe("parseOrderFrankings", () => {
  test("reads the contract's answer", () => {
    expect(parseOrderFrankings(frankingAnswer())).toEqual(frankingAnswer().orders);
    expect(parseOrderFrankings(frankingAnswer({ refundState: null }))[0]?.refundState).toBeNull();
  });

  test.each([
    [
      "orders.0.status",
      "SHIPPED",
      "orders[0].status should be one of NOT_FRANKED, IN_BATCH, FRANKED, FAILED",
    ],
    ["orders.0.refundState", "MAYBE", "orders[0].refundState should be one of NONE, PENDING"],
    ["orders.0.labelUrl", undefined, "orders[0].labelUrl should be text, got nothing"],
    ["orders.0.orderId", "", 'orders[0].orderId should be non-empty text, got ""'],
  ])("rejects %s = %j", (path, field, message) => {
    const answer = withField(frankingAnswer(), path, field, field === undefined);
    expect(shapeErrorOf(() => parseOrderFrankings(answer)).message).toContain(message);
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

  test("escapes the batch id in the status URL", async () => {
    answer(200, JSON.stringify(batchAnswer("QUEUED", 0)));
    await fetchBatch("a/b");
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/batches/a%2Fb");
  });

  test("an {error, message} answer is the app refusing, with its code and status", async () => {
    answer(422, JSON.stringify({ error: "TOO_MANY_ORDERS", message: "At most 250 orders." }));
    const error = await errorOf(() => previewBatch(["x"]));
    expect(error).toMatchObject({
      kind: "refused",
      status: 422,
      code: "TOO_MANY_ORDERS",
      route: "POST /api/preview",
    });
    expect(error.message).toBe("At most 250 orders.");
  });

  test("an error answer of another shape is unexpected", async () => {
    answer(500, "Internal Server Error");
    expect(await errorOf(() => previewBatch(["x"]))).toMatchObject({ kind: "unexpected", status: 500 });
  });

  test("a success answer that is not JSON is unexpected", async () => {
    answer(200, "<!doctype html><title>Log in</title>");
    const error = await errorOf(() => previewBatch(["x"]));
    expect(error).toMatchObject({ kind: "unexpected", status: 200, message: "the answer is not JSON" });
  });

  test("a success answer of the wrong shape is unexpected and names the field", async () => {
    answer(200, JSON.stringify({ ...previewAnswer(), sufficient: "yes" }));
    const error = await errorOf(() => previewBatch(["x"]));
    expect(error).toMatchObject({ kind: "unexpected", code: "sufficient" });
  });

  test("a failed fetch is a network error", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    expect(await errorOf(() => previewBatch(["x"]))).toMatchObject({
      kind: "network",
      message: "Failed to fetch",
    });
  });
});

test("labelsPdfUrl lists the order ids, each escaped, separated by commas", () => {
  expect(labelsPdfUrl(["gid://shopify/Order/1", "gid://shopify/Order/2"])).toBe(
    "/labels/orders.pdf?ids=gid%3A%2F%2Fshopify%2FOrder%2F1,gid%3A%2F%2Fshopify%2FOrder%2F2",
  );
});
