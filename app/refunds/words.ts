/** The merchant's words for refund reasons and waiting requests (keys of app/i18n/messages-refunds.ts). */
import type { MessageKey } from "~/i18n";
import { isNotRefundedReason } from "./model";

export function reasonKey(reason: string | null): MessageKey {
  return isNotRefundedReason(reason) ? `refunds.reason.${reason}` : "refunds.reason.unknown";
}

export function sourceKey(source: string): MessageKey {
  if (source === "UNDO") return "refunds.source.UNDO";
  return source === "CANCELLATION" ? "refunds.source.CANCELLATION" : "refunds.source.MANUAL";
}

/** A waiting request's last error: the Portokasse link is the merchant's to fix; anything else is quoted. */
export function stuckWords(lastError: string): { key: MessageKey; error: string } {
  if (lastError.startsWith("portokasse_not_linked")) return { key: "refunds.stuck.portokasse_not_linked", error: "" };
  return { key: "refunds.stuck.other", error: lastError.split(":")[0] ?? lastError };
}
