import { describe, expect, it } from "vitest";
import { errorFromResponse } from "./error-mapping";
import {
  AccountLockedError,
  ApiError,
  AppNotApprovedError,
  AuthenticationError,
  InsufficientBalanceError,
  InvalidCredentialsError,
  InvalidProductError,
  InvalidShopOrderIdError,
  InvalidTotalError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitedError,
  ServerError,
  TooManyPositionsError,
  TopUpRefusedError,
  ValidationError,
} from "./errors";
import { createRedactor } from "./redact";

const live = (status: number, title: string, description: string) =>
  JSON.stringify({ statusCode: String(status), title, description, instance: "PCF-A1031" });
const spec = (status: number, title: string, detail: string) =>
  JSON.stringify({ statusCode: String(status), title, detail });
const gateway = (status: number, title: string, detail: string) => JSON.stringify({ status, title, detail });

function map(
  status: number,
  body: string,
  opts: { isLogin?: boolean; movesMoney?: boolean; retryAfter?: number } = {},
) {
  return errorFromResponse({
    operation: "op",
    method: "POST",
    path: "/post/de/shipping/im/v1/x",
    status,
    body,
    requestId: "req-1",
    retryAfterSeconds: opts.retryAfter ?? null,
    isLogin: opts.isLogin ?? false,
    movesMoney: opts.movesMoney ?? false,
    redact: createRedactor(),
  });
}

describe("errorFromResponse", () => {
  const notApproved = "Unauthorized, the application is not authorized by user.";
  const table: [
    string,
    number,
    string,
    { isLogin?: boolean; movesMoney?: boolean },
    new (...a: never[]) => Error,
    string,
  ][] = [
    [
      "app not approved (live body, login)",
      401,
      live(401, "Unauthorized", notApproved),
      { isLogin: true },
      AppNotApprovedError,
      "app_not_approved",
    ],
    [
      "app not approved (spec body)",
      401,
      spec(401, "Unauthorized", notApproved),
      { isLogin: true },
      AppNotApprovedError,
      "app_not_approved",
    ],
    [
      "app not approved (plain text)",
      401,
      "application is not authorized by user",
      { isLogin: true },
      AppNotApprovedError,
      "app_not_approved",
    ],
    [
      "bad credentials",
      401,
      live(401, "Unauthorized", "Invalid username or password."),
      { isLogin: true },
      InvalidCredentialsError,
      "invalid_credentials",
    ],
    [
      "bad app credentials at the gateway",
      401,
      gateway(401, "Unauthorized", "Invalid client credentials."),
      { isLogin: true },
      InvalidCredentialsError,
      "invalid_credentials",
    ],
    [
      "account locked",
      401,
      live(401, "Unauthorized", "The user account is locked."),
      { isLogin: true },
      AccountLockedError,
      "account_locked",
    ],
    [
      "token rejected on a call",
      401,
      gateway(401, "Unauthorized", "Unauthorized for given resource."),
      {},
      AuthenticationError,
      "authentication_failed",
    ],
    [
      "forbidden",
      403,
      spec(403, "Forbidden", "user has not enough privileges"),
      {},
      PermissionDeniedError,
      "permission_denied",
    ],
    [
      "insufficient balance",
      400,
      live(400, "walletBalanceNotEnough", "Not enough money"),
      {},
      InsufficientBalanceError,
      "insufficient_balance",
    ],
    [
      "invalid total",
      400,
      live(400, "invalidTotalAmount", "PPL-total: 190, Cart: 95"),
      {},
      InvalidTotalError,
      "invalid_total",
    ],
    [
      "invalid product",
      400,
      spec(400, "invalidProductcode", "No product with productcode: 9999 found!"),
      {},
      InvalidProductError,
      "invalid_product",
    ],
    [
      "reused shopOrderId",
      400,
      spec(400, "invalidShopOrderID", "Queued order duplicated for the shopOrderId '123123'"),
      {},
      InvalidShopOrderIdError,
      "invalid_shop_order_id",
    ],
    [
      "unknown shopOrderId",
      400,
      live(400, "unknownShopOrderId", "unknown"),
      {},
      InvalidShopOrderIdError,
      "invalid_shop_order_id",
    ],
    [
      "too many positions",
      400,
      live(400, "invalidOrderPositionCount", "too many"),
      {},
      TooManyPositionsError,
      "too_many_positions",
    ],
    [
      "top-up quota",
      400,
      spec(400, "quotaExceeded", "Error while processing charging request"),
      {},
      TopUpRefusedError,
      "top_up_refused",
    ],
    [
      "top-up payment method",
      400,
      live(400, "forbiddenPaymentMethod", "Error while processing"),
      {},
      TopUpRefusedError,
      "top_up_refused",
    ],
    [
      "invalid combination",
      400,
      live(400, "invalidCombination", "validate and directCheckout"),
      {},
      ValidationError,
      "validation_failed",
    ],
    [
      "invalid type id",
      400,
      live(400, "InvalidTypeId", "positionType missing"),
      {},
      ValidationError,
      "validation_failed",
    ],
    ["bad request plain text", 400, "Bad Request", {}, ValidationError, "validation_failed"],
    [
      "unsupported media type",
      415,
      live(415, "Unsupported Media Type", "no"),
      {},
      ValidationError,
      "validation_failed",
    ],
    ["not found", 404, spec(404, "Not Found", "Order not found: 123"), {}, NotFoundError, "not_found"],
    [
      "rate limited (gateway)",
      429,
      gateway(429, "Too Many Requests", "slow down"),
      {},
      RateLimitedError,
      "rate_limited",
    ],
    ["rate limited (plain)", 429, "Too Many Requests", {}, RateLimitedError, "rate_limited"],
    ["server error", 500, live(500, "Internal Server Error", "boom"), {}, ServerError, "server_error"],
    ["bad gateway", 502, gateway(502, "Bad Gateway", "upstream"), {}, ServerError, "server_error"],
    ["gateway timeout", 504, "<html>504</html>", {}, ServerError, "server_error"],
    ["other status", 302, "", {}, ApiError, "api_error"],
  ];

  it.each(table)("%s", (_name, status, body, opts, Cls, code) => {
    const error = map(status, body, opts);
    expect(error).toBeInstanceOf(Cls);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.operation).toBe("op");
    expect(error.requestId).toBe("req-1");
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it("keeps title, description and instance of a live body", () => {
    const error = map(400, live(400, "walletBalanceNotEnough", "Balance 12 < 95"));
    expect(error).toMatchObject({
      title: "walletBalanceNotEnough",
      detail: "Balance 12 < 95",
      instance: "PCF-A1031",
    });
  });

  it("reads detail when description is absent (spec and gateway bodies)", () => {
    expect(map(400, spec(400, "invalidCombination", "both flags")).detail).toBe("both flags");
    expect(map(429, gateway(429, "Too Many Requests", "wait")).detail).toBe("wait");
  });

  it("exposes the server's total on invalidTotalAmount", () => {
    const error = map(400, live(400, "invalidTotalAmount", "PPL-total: 190, Cart: 95"));
    expect(error).toBeInstanceOf(InvalidTotalError);
    if (!(error instanceof InvalidTotalError)) return;
    expect(error.serverTotalCents).toBe(190);
    expect(error.sentTotalCents).toBe(95);
    expect(error.toJSON()).toMatchObject({ serverTotalCents: 190, sentTotalCents: 95 });
  });

  it("exposes Retry-After on 429", () => {
    const error = map(429, gateway(429, "Too Many Requests", "wait"), { retryAfter: 42 });
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error instanceof RateLimitedError && error.retryAfterSeconds).toBe(42);
  });

  it("marks a 5xx on a money-moving call as outcome unknown, but not on a read", () => {
    expect(map(502, gateway(502, "Bad Gateway", "x"), { movesMoney: true }).outcomeUnknown).toBe(true);
    expect(map(502, gateway(502, "Bad Gateway", "x")).outcomeUnknown).toBe(false);
    expect(map(400, live(400, "walletBalanceNotEnough", "x"), { movesMoney: true }).outcomeUnknown).toBe(
      false,
    );
  });

  it("lists field paths of a validation error", () => {
    const error = map(
      400,
      live(
        400,
        "Bad Request",
        "positions[0].address.receiver.postalCode: size must be between 5 and 5; total: must not be null",
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error instanceof ValidationError && error.fields).toEqual([
      { path: "positions.0.address.receiver.postalCode", message: "size must be between 5 and 5" },
      { path: "total", message: "must not be null" },
    ]);
  });

  it("reads structured field lists too", () => {
    const body = JSON.stringify({
      title: "Bad Request",
      detail: "invalid",
      errors: [{ field: "amount", message: "must be positive" }],
    });
    const error = map(400, body);
    expect(error instanceof ValidationError && error.fields).toEqual([
      { path: "amount", message: "must be positive" },
    ]);
  });
});
