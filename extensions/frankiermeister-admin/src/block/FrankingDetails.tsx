import type { ComponentChildren } from "preact";
import type { FrankingStatus, OrderFranking, RefundState } from "../api";
import { t } from "../i18n";

const STATUS_TONES: Record<FrankingStatus, "neutral" | "info" | "success" | "critical"> = {
  NOT_FRANKED: "neutral",
  IN_BATCH: "info",
  FRANKED: "success",
  FAILED: "critical",
};

const REFUND_TONES: Record<RefundState, "neutral" | "info" | "success" | "critical" | "warning"> = {
  NONE: "neutral",
  PENDING: "info",
  REFUNDED: "success",
  REJECTED: "critical",
  NOT_REFUNDABLE: "warning",
};

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <s-stack direction="inline" gap="small">
      <s-text type="strong">{label}</s-text>
      <s-text>{children}</s-text>
    </s-stack>
  );
}

const listOrDash = (values: readonly string[]) => (values.length > 0 ? values.join(", ") : "—");

/** One order's franking: status, stamp, voucher and tracking numbers, label and Retoure (refund). */
export function FrankingDetails({ franking, onFrank }: { franking: OrderFranking; onFrank: () => void }) {
  const { status, refundState } = franking;
  return (
    <s-stack direction="block" gap="small">
      <s-stack direction="inline" gap="small">
        <s-badge tone={STATUS_TONES[status]}>{t(`frankingStatus.${status}` as const)}</s-badge>
        {refundState === null || refundState === "NONE" ? null : (
          <s-badge tone={REFUND_TONES[refundState]}>{t(`refundState.${refundState}` as const)}</s-badge>
        )}
      </s-stack>
      {status === "NOT_FRANKED" ? null : (
        <>
          <Row label={t("block.product")}>{franking.productName ?? "—"}</Row>
          <Row label={t("block.voucher")}>{listOrDash(franking.voucherIds)}</Row>
          <Row label={t("block.tracking")}>{listOrDash(franking.trackIds)}</Row>
        </>
      )}
      {franking.labelUrl === null ? null : (
        <s-link href={franking.labelUrl} target="_blank">
          {t("block.printLabel")}
        </s-link>
      )}
      {status === "NOT_FRANKED" || status === "FAILED" ? (
        <s-button onClick={onFrank}>{t("block.frank")}</s-button>
      ) : null}
    </s-stack>
  );
}
