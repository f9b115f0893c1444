/**
 * The app answers with codes (`missing-address`, `portokasse_not_linked`, `FULFILLED`, …); these turn the
 * known ones into the merchant's words (`locales/*.json`) and show any other code as the app sent it.
 * Codes are looked up with `-` read as `_` (the preview uses kebab-case, franking snake_case).
 */
import { ORDER_STATUSES } from "./api";
import type { AppError } from "./app-fetch";
import { t, type MessageKey } from "./i18n";

const known =
  <const Code extends string>(codes: readonly Code[]) =>
  (code: string): code is Code =>
    (codes as readonly string[]).includes(code);

const normalise = (code: string) => code.replaceAll("-", "_");

/** Error codes of the app's error answers (`{error}`); "unauthorized" stands for a bare 401. */
const isErrorCode = known([
  "invalid_request",
  "invalid_json",
  "method_not_allowed",
  "not_found",
  "shopify_unavailable",
  "portokasse_not_linked",
  "no_page_format",
  "start_position_out_of_range",
  "no_sender",
  "terms_not_accepted",
  "prices_changed",
  "unauthorized",
]);

/** Why an order cannot be franked, short (`POST /api/preview`, `lines[].error`). */
const PREVIEW_ERRORS = [
  "invalid_id",
  "not_found",
  "cancelled",
  "already_fulfilled",
  "nothing_to_ship",
  "no_price_list",
  "missing_address",
  "unusable_address",
  "postal_code_rejected",
  "missing_weight",
  "too_heavy",
  "too_large",
  "destination_not_served",
  "no_product",
  "override_invalid",
  "no_fulfillment_order",
  "fulfillment_on_hold",
  "several_locations",
  "not_shipped",
  "protected_data_denied",
] as const;
const isPreviewError = known(PREVIEW_ERRORS);

/** Why an order of a batch was left out or failed, or why buying stopped (`error` of batch and orders). */
const isReason = known([
  ...PREVIEW_ERRORS,
  "already_franked",
  "in_other_batch",
  "no_address",
  "invalid_order_id",
  "invalid_product",
  "invalid_price",
  "invalid_total",
  "validation_failed",
  "too_many_positions",
  "insufficient_balance",
  "portokasse_not_linked",
  "terms_not_accepted",
  "app_not_approved",
  "login_refused",
  "invalid_credentials",
  "account_locked",
  "authentication_failed",
  "permission_denied",
  "gave_up",
  "no_voucher_returned",
  "not_bought",
]);

/** Notes on a frankable preview line (`flags`). */
const isFlag = known([
  "missing_weight",
  "rueckschein_unavailable_abroad",
  "override_ignores_registered_mail",
  "customs_declaration",
  "no_items_require_shipping",
  "partially_fulfilled",
  "address_printed",
  "paid_service_missing",
  "einwurf_unavailable_abroad",
]);

const isPortokasseProblem = known([
  "app_not_approved",
  "wrong_password",
  "login_refused",
  "password_too_long",
  "account_locked",
  "zero_balance",
  "unavailable",
  "app_credentials",
  "missing_credentials",
  "unexpected",
]);

/** Why a stamp was not refunded (`GET /api/refunds`, `reason`). */
const isRefundReason = known([
  "window_expired",
  "refused",
  "refused_window_expired",
  "request_refused",
  "not_in_retoure",
]);

const isOrderStatus = known(ORDER_STATUSES);

function lookup<Code extends string>(
  code: string,
  isKnown: (code: string) => code is Code,
  key: (code: Code) => MessageKey,
): string | null {
  const normalised = normalise(code);
  return isKnown(normalised) ? t(key(normalised)) : null;
}

export const previewErrorText = (code: string) =>
  lookup(code, isPreviewError, (c) => `previewError.${c}`) ?? code;

export const reasonText = (code: string) => lookup(code, isReason, (c) => `reason.${c}`) ?? code;

export const portokasseProblemText = (code: string) =>
  lookup(code, isPortokasseProblem, (c) => `portokasseProblem.${c}`) ?? code;

export const refundReasonText = (code: string) =>
  lookup(code, isRefundReason, (c) => `refundReason.${c}`) ?? code;

export const orderStatusText = (status: string) =>
  isOrderStatus(status) ? t(`orderStatus.${status}`) : status;

/** `missing-weight:Poster, Card` → "weight assumed for Poster, Card"; unknown flags as sent. */
export function flagText(flag: string): string {
  const [code = flag, ...rest] = flag.split(":");
  const normalised = normalise(code);
  if (!isFlag(normalised)) return flag;
  return normalised === "missing_weight"
    ? t("flag.missing_weight", { items: rest.join(":") || "—" })
    : t(`flag.${normalised}`);
}

/**
 * What to tell the merchant about a refused request: the app's own message when it gave one, else the
 * words for its error code, else a general sentence naming the code.
 */
export function refusalText(error: AppError): string {
  if (error.appMessage !== undefined) return error.appMessage;
  const code = error.code ?? "";
  return lookup(code, isErrorCode, (c) => `errors.code.${c}`) ?? t("errors.refused.body", { code });
}
