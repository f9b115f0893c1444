/**
 * One class per meaning a caller has to act on. Every error carries a stable `code`, the HTTP status (null
 * when no answer arrived or the problem was found locally), the server's own `title` (its machine code),
 * the `instance`/request id for support tickets, and `outcomeUnknown` for money-moving calls whose effect
 * could not be observed. Messages are redacted before they get here (see `error-mapping.ts`).
 */

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `positions.0.address.receiver.postalCode`. */
  path: string;
  message: string;
}

export interface ErrorDetails {
  operation: string;
  method?: string | null;
  path?: string | null;
  status?: number | null;
  title?: string | null;
  detail?: string | null;
  instance?: string | null;
  requestId?: string | null;
  outcomeUnknown?: boolean;
  cause?: unknown;
}

export abstract class InternetmarkeError extends Error {
  abstract readonly code: string;
  /** Client operation, e.g. `checkoutPdf`. */
  readonly operation: string;
  readonly method: string | null;
  /** URL path without query string. */
  readonly path: string | null;
  readonly status: number | null;
  /** The server's machine code (`title` in its error body), if any. */
  readonly title: string | null;
  /** The server's explanation (`description` or `detail`), redacted. */
  readonly detail: string | null;
  /** The server's `instance` (e.g. `PCF-A1031`), useful for support tickets. */
  readonly instance: string | null;
  readonly requestId: string | null;
  /**
   * True when a money-moving call (checkout, Retoure, top-up) may or may not have taken effect. The client
   * never re-sends such a call: reconcile with `retrieveCart` / `retoureState` instead.
   */
  readonly outcomeUnknown: boolean;

  constructor(message: string, details: ErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.operation = details.operation;
    this.method = details.method ?? null;
    this.path = details.path ?? null;
    this.status = details.status ?? null;
    this.title = details.title ?? null;
    this.detail = details.detail ?? null;
    this.instance = details.instance ?? null;
    this.requestId = details.requestId ?? null;
    this.outcomeUnknown = details.outcomeUnknown ?? false;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      operation: this.operation,
      method: this.method,
      path: this.path,
      status: this.status,
      title: this.title,
      detail: this.detail,
      instance: this.instance,
      requestId: this.requestId,
      outcomeUnknown: this.outcomeUnknown,
    };
  }
}

/** 401/403 that fits none of the more specific login problems (e.g. a token rejected even after a refresh). */
export class AuthenticationError extends InternetmarkeError {
  readonly code: string = "authentication_failed";
}

/** The Portokasse login (username/password) or the app credentials were refused. Never retried. */
export class InvalidCredentialsError extends AuthenticationError {
  override readonly code = "invalid_credentials";
}

/**
 * The login was refused with a text that names several causes at once, like the spec's only documented 401
 * text ("user account is not valid, is locked, the provided authorization token is not valid or the
 * application is not authorized by user"): a wrong password and an unapproved app cannot be told apart.
 * Never retried (three failures lock the account).
 */
export class LoginRefusedError extends AuthenticationError {
  override readonly code = "login_refused";
}

/** The merchant has not yet approved this app in the Portokasse (Meine Daten -> Geschaeftsanwendungen). */
export class AppNotApprovedError extends AuthenticationError {
  override readonly code = "app_not_approved";
}

/** The Portokasse account is locked (e.g. after repeated failed logins). Only Deutsche Post can unlock it. */
export class AccountLockedError extends AuthenticationError {
  override readonly code = "account_locked";
}

/** 403: the account may not perform this action. */
export class PermissionDeniedError extends InternetmarkeError {
  readonly code = "permission_denied";
}

/** `walletBalanceNotEnough`: top up the Portokasse, then buy with a fresh cart. */
export class InsufficientBalanceError extends InternetmarkeError {
  readonly code = "insufficient_balance";
}

/** `invalidTotalAmount`: the sent total differs from the server's price list. Refresh prices. */
export class InvalidTotalError extends InternetmarkeError {
  readonly code = "invalid_total";
  /** The server's own sum in cents ("PPL-total"), if it could be read. */
  readonly serverTotalCents: number | null;
  /** The total that was sent ("Cart"), if it could be read. */
  readonly sentTotalCents: number | null;

  constructor(
    message: string,
    details: ErrorDetails & { serverTotalCents: number | null; sentTotalCents: number | null },
  ) {
    super(message, details);
    this.serverTotalCents = details.serverTotalCents;
    this.sentTotalCents = details.sentTotalCents;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      serverTotalCents: this.serverTotalCents,
      sentTotalCents: this.sentTotalCents,
    };
  }
}

/** `invalidProductcode`: the product code is unknown or not sold to this account. Refresh the product list. */
export class InvalidProductError extends InternetmarkeError {
  readonly code = "invalid_product";
}

/** `invalidShopOrderID`: the shopOrderId is unknown or already used. Start a fresh cart. */
export class InvalidShopOrderIdError extends InternetmarkeError {
  readonly code = "invalid_shop_order_id";
}

/** The cart holds more positions than the server accepts: split it into several carts. */
export class TooManyPositionsError extends InternetmarkeError {
  readonly code = "too_many_positions";
}

/** `quotaExceeded` / `forbiddenPaymentMethod`: the Portokasse refused the top-up. */
export class TopUpRefusedError extends InternetmarkeError {
  readonly code = "top_up_refused";
}

/** An error that names the fields at fault (`fields`, also in its JSON). */
abstract class FieldProblemsError extends InternetmarkeError {
  readonly fields: readonly FieldProblem[];

  constructor(message: string, details: ErrorDetails & { fields?: readonly FieldProblem[] }) {
    super(message, details);
    this.fields = details.fields ?? [];
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), fields: this.fields };
  }
}

/** The request was rejected as invalid (by the server, or locally before sending). */
export class ValidationError extends FieldProblemsError {
  readonly code = "validation_failed";
}

/** 429 from the DHL gateway (limits are per app). */
export class RateLimitedError extends InternetmarkeError {
  readonly code = "rate_limited";
  readonly retryAfterSeconds: number | null;

  constructor(message: string, details: ErrorDetails & { retryAfterSeconds: number | null }) {
    super(message, details);
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterSeconds: this.retryAfterSeconds };
  }
}

/** 404, e.g. "Order not found" for a cart that was never bought. */
export class NotFoundError extends InternetmarkeError {
  readonly code = "not_found";
}

/** 5xx. For money-moving calls `outcomeUnknown` is true: reconcile. */
export class ServerError extends InternetmarkeError {
  readonly code = "server_error";
}

/** No usable answer arrived (connection refused/reset, DNS, body cut off). */
export class NetworkError extends InternetmarkeError {
  readonly code: string = "network_error";
}

/** The call did not finish within `timeoutMs`. */
export class TimeoutError extends NetworkError {
  override readonly code = "timeout";
}

/** A 2xx answer whose body did not match any known form. `fields` lists the mismatching paths. */
export class UnexpectedResponseError extends FieldProblemsError {
  readonly code = "unexpected_response";
}

/** Any other non-2xx answer. */
export class ApiError extends InternetmarkeError {
  readonly code = "api_error";
}
