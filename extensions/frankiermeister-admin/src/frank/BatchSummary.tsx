import { isFinal, type Batch, type BatchStatus } from "../api";
import { formatEuro, t } from "../i18n";

type Tone = "info" | "success" | "warning" | "critical";

const TONES: Record<BatchStatus, Tone> = {
  QUEUED: "info",
  RUNNING: "info",
  FULFILLING: "info",
  COMPLETED: "success",
  COMPLETED_WITH_ERRORS: "warning",
  STOPPED_INSUFFICIENT_BALANCE: "critical",
  FAILED: "critical",
};

function Outcome({ batch }: { batch: Batch }) {
  switch (batch.status) {
    case "COMPLETED":
      return <s-banner tone="success" heading={t("progress.outcome.completed")} />;
    case "COMPLETED_WITH_ERRORS":
      return (
        <s-banner
          tone="warning"
          heading={t("progress.outcome.completedWithErrors", { count: batch.counts.failed })}
        />
      );
    case "STOPPED_INSUFFICIENT_BALANCE":
      return (
        <s-banner tone="critical" heading={t("progress.outcome.insufficientBalance")}>
          {batch.missingCents === undefined
            ? null
            : t("progress.outcome.missing", { missing: formatEuro(batch.missingCents) })}
        </s-banner>
      );
    case "FAILED":
      return <s-banner tone="critical" heading={t("progress.outcome.failed")} />;
    default:
      return null;
  }
}

/** The batch's status and counts while it runs, and its outcome when it is done. */
export function BatchSummary({ batch }: { batch: Batch }) {
  const { counts } = batch;
  return (
    <s-stack direction="block" gap="small">
      <s-stack direction="inline" gap="small" alignItems="center">
        <s-badge tone={TONES[batch.status]}>{t(`batchStatus.${batch.status}` as const)}</s-badge>
        {isFinal(batch.status) ? null : <s-spinner accessibilityLabel={t("progress.running")} />}
        <s-text>{t("progress.total", { total: formatEuro(batch.totalCents) })}</s-text>
      </s-stack>
      <s-text>
        {t("progress.counts", {
          bought: counts.bought,
          orders: counts.orders,
          fulfilled: counts.fulfilled,
          failed: counts.failed,
          skipped: counts.skipped,
        })}
      </s-text>
      <Outcome batch={batch} />
    </s-stack>
  );
}
