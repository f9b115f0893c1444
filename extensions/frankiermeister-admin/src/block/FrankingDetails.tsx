import type { ComponentChildren } from "preact";
import type { FrankingStatus, OrderFranking } from "../api";
import { t } from "../i18n";
import { reasonText } from "../messages";
import { RetoureState } from "./RetoureState";
import { UndoFranking } from "./UndoFranking";

const STATUS_TONES: Record<FrankingStatus, "neutral" | "info" | "success" | "warning" | "critical"> = {
  NOT_FRANKED: "neutral",
  QUEUED: "info",
  BOUGHT: "info",
  FULFILLED: "success",
  FAILED: "critical",
  SKIPPED: "warning",
};

/** Statuses after which franking the order (again) may help; the preview says whether it can. */
const FRANKABLE: ReadonlySet<FrankingStatus> = new Set(["NOT_FRANKED", "FAILED", "SKIPPED"]);
/** Statuses with a bought stamp that "Frankierung stornieren" can undo. */
const UNDOABLE: ReadonlySet<FrankingStatus> = new Set(["BOUGHT", "FULFILLED"]);

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <s-stack direction="inline" gap="small">
      <s-text type="strong">{label}</s-text>
      <s-text>{children}</s-text>
    </s-stack>
  );
}

const listOrDash = (values: readonly string[]) => (values.length > 0 ? values.join(", ") : "—");

/** One order's franking: status, stamp, voucher and tracking numbers, why it failed, label and Retoure. */
export function FrankingDetails({ franking, onFrank }: { franking: OrderFranking; onFrank: () => void }) {
  const { status } = franking;
  return (
    <s-stack direction="block" gap="small">
      <s-stack direction="inline" gap="small">
        <s-badge tone={STATUS_TONES[status]}>{t(`frankingStatus.${status}` as const)}</s-badge>
        {franking.voucherIds.length > 0 ? <RetoureState orderId={franking.orderId} /> : null}
      </s-stack>
      {status === "NOT_FRANKED" ? null : (
        <>
          <Row label={t("block.product")}>{franking.productName ?? "—"}</Row>
          <Row label={t("block.voucher")}>{listOrDash(franking.voucherIds)}</Row>
          <Row label={t("block.tracking")}>{listOrDash(franking.trackIds)}</Row>
          {franking.error === null ? null : (
            <Row label={t("block.problem")}>{reasonText(franking.error)}</Row>
          )}
        </>
      )}
      {franking.labelUrl === null ? null : (
        <s-link href={franking.labelUrl} target="_blank">
          {t("block.printLabel")}
        </s-link>
      )}
      {FRANKABLE.has(status) ? <s-button onClick={onFrank}>{t("block.frank")}</s-button> : null}
      {UNDOABLE.has(status) && franking.voucherIds.length > 0 ? (
        <UndoFranking orderId={franking.orderId} />
      ) : null}
    </s-stack>
  );
}
