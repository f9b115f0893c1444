import { buyingDone, isFinal, type Batch } from "../api";
import { AppErrorBanner } from "../components/AppErrorBanner";
import { t } from "../i18n";
import { BatchOrdersTable } from "./BatchOrdersTable";
import { BatchSummary } from "./BatchSummary";
import { useBatchProgress } from "./useBatchProgress";

/**
 * The batch's label file and Einlieferungsliste, once every stamp was bought or given up. The links come
 * signed from the app (a new tab carries no session token) and are fresh with every poll.
 */
function Labels({ batch }: { batch: Batch }) {
  if (batch.labelUrl === null || !buyingDone(batch)) return null;
  return (
    <s-stack direction="block" gap="small">
      <s-link href={batch.labelUrl} target="_blank">
        {t("progress.labels.open", { count: batch.counts.bought })}
      </s-link>
      {batch.manifestUrl === null ? null : (
        <s-link href={batch.manifestUrl} target="_blank">
          {t("progress.labels.manifest")}
        </s-link>
      )}
      <s-text color="subdued">{t("progress.labels.later")}</s-text>
    </s-stack>
  );
}

/** Step 2: the batch runs in the app; this polls its progress until it is done. */
export function ProgressStep({ batchId, close }: { batchId: string; close: () => void }) {
  const { batch, failure, retry } = useBatchProgress(batchId);
  const done = batch !== null && isFinal(batch.status);
  return (
    <s-admin-action heading={t("progress.heading")}>
      <s-stack direction="block" gap="base">
        {failure === null ? null : <AppErrorBanner error={failure.error} onRetry={retry} />}
        {batch === null ? (
          failure === null ? (
            <s-text>{t("progress.waiting")}</s-text>
          ) : null
        ) : (
          <>
            <BatchSummary batch={batch} />
            <Labels batch={batch} />
            {done ? null : <s-text color="subdued">{t("progress.closeHint")}</s-text>}
            <BatchOrdersTable orders={batch.orders} />
          </>
        )}
      </s-stack>
      <s-button slot="primary-action" variant="primary" onClick={close}>
        {t(done ? "common.done" : "common.close")}
      </s-button>
    </s-admin-action>
  );
}
