import { isFinal, type Batch } from "../api";
import { formatEuro, t } from "../i18n";
import { reasonText } from "../messages";

type Tone = "info" | "success" | "warning" | "critical";

/** The badge: a finished batch with failed orders reads "Completed with errors". */
function badgeOf(batch: Batch): { key: `batchStatus.${Batch["status"] | "DONE_WITH_ERRORS"}`; tone: Tone } {
  switch (batch.status) {
    case "QUEUED":
    case "RUNNING":
      return { key: `batchStatus.${batch.status}`, tone: "info" };
    case "DONE":
      return batch.counts.failed > 0 || batch.error !== null
        ? { key: "batchStatus.DONE_WITH_ERRORS", tone: "warning" }
        : { key: "batchStatus.DONE", tone: "success" };
    case "INSUFFICIENT_FUNDS":
    case "FAILED":
      return { key: `batchStatus.${batch.status}`, tone: "critical" };
  }
}

function Outcome({ batch }: { batch: Batch }) {
  const reason = batch.error === null ? null : reasonText(batch.error);
  switch (batch.status) {
    case "DONE":
      if (reason !== null) {
        return <s-banner tone="warning" heading={t("progress.outcome.stopped", { reason })} />;
      }
      return batch.counts.failed > 0 ? (
        <s-banner
          tone="warning"
          heading={t("progress.outcome.completedWithErrors", { count: batch.counts.failed })}
        />
      ) : (
        <s-banner tone="success" heading={t("progress.outcome.completed")} />
      );
    case "INSUFFICIENT_FUNDS":
      return (
        <s-banner tone="critical" heading={t("progress.outcome.insufficientBalance")}>
          {batch.missingCents === undefined
            ? null
            : t("progress.outcome.missing", { missing: formatEuro(batch.missingCents) })}
        </s-banner>
      );
    case "FAILED":
      return (
        <s-banner tone="critical" heading={t("progress.outcome.failed")}>
          {reason}
        </s-banner>
      );
    default:
      return reason === null ? null : <s-text tone="caution">{t("progress.problem", { reason })}</s-text>;
  }
}

/** The batch's status and counts while it runs, and its outcome when it is done. */
export function BatchSummary({ batch }: { batch: Batch }) {
  const { counts } = batch;
  const badge = badgeOf(batch);
  return (
    <s-stack direction="block" gap="small">
      <s-stack direction="inline" gap="small" alignItems="center">
        <s-badge tone={badge.tone}>{t(badge.key)}</s-badge>
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
