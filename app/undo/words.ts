/** The merchant's words for undo outcomes (keys of app/i18n/messages-undo.ts), with real plurals. */
import type { MessageKey } from "~/i18n";
import type { UndoOutcome } from "./model";

type PluralBase = "undo.selected" | "undo.offered.body" | "reprint.count" | "bookkeeping.stamps";

/** English and German both have one form for 1 and another for everything else. */
export function pluralKey(base: PluralBase, count: number): MessageKey {
  return count === 1 ? `${base}.one` : `${base}.other`;
}

export function outcomeWords(outcome: UndoOutcome): { key: MessageKey; params: Record<string, string> } {
  const order = outcome.orderName ?? outcome.orderId.split("/").pop() ?? outcome.orderId;
  switch (outcome.result) {
    case "undone":
    case "already_undone":
      return { key: `undo.result.${outcome.result}`, params: { order } };
    case "shopify_pending":
    case "failed":
      return {
        key: `undo.result.${outcome.result}`,
        params: { order, error: outcome.error.split(":")[0] ?? "" },
      };
    case "refused":
      return { key: `undo.reason.${outcome.reason}`, params: { order } };
  }
}

export const isSuccess = (outcome: UndoOutcome) =>
  outcome.result === "undone" || outcome.result === "already_undone";
