/** Message keys and badge tones for the stored status words (unknown words are shown as they are). */
import type { MessageKey } from "~/i18n";

type Tone = "info" | "success" | "warning" | "critical" | "attention" | undefined;

const BATCH: Record<string, { key: MessageKey; tone: Tone }> = {
  QUEUED: { key: "batchStatus.QUEUED", tone: "info" },
  RUNNING: { key: "batchStatus.RUNNING", tone: "attention" },
  DONE: { key: "batchStatus.DONE", tone: "success" },
  INSUFFICIENT_FUNDS: { key: "batchStatus.INSUFFICIENT_FUNDS", tone: "warning" },
  FAILED: { key: "batchStatus.FAILED", tone: "critical" },
  AWAITING_PRICE_CONFIRMATION: { key: "batchStatus.AWAITING_PRICE_CONFIRMATION", tone: "warning" },
};

const ORDER: Record<string, { key: MessageKey; tone: Tone }> = {
  QUEUED: { key: "orderStatus.QUEUED", tone: "info" },
  BOUGHT: { key: "orderStatus.BOUGHT", tone: "success" },
  FULFILLED: { key: "orderStatus.FULFILLED", tone: "success" },
  FAILED: { key: "orderStatus.FAILED", tone: "critical" },
  SKIPPED: { key: "orderStatus.SKIPPED", tone: undefined },
};

const SHOPIFY: Record<string, { key: MessageKey; tone: Tone }> = {
  PENDING: { key: "shopifyState.PENDING", tone: "info" },
  DONE: { key: "shopifyState.DONE", tone: "success" },
  FAILED: { key: "shopifyState.FAILED", tone: "critical" },
  // The franking was undone before it was written to Shopify (app/undo).
  UNDONE: { key: "shopifyState.UNDONE", tone: "warning" },
};

type Translate = (key: MessageKey) => string;

function word(table: Record<string, { key: MessageKey; tone: Tone }>, status: string, t: Translate) {
  const entry = table[status];
  return { label: entry ? t(entry.key) : status, tone: entry?.tone };
}

export const batchStatusWord = (status: string, t: Translate) => word(BATCH, status, t);
export const orderStatusWord = (status: string, t: Translate) => word(ORDER, status, t);
export const shopifyStateWord = (state: string, t: Translate) => word(SHOPIFY, state, t);
