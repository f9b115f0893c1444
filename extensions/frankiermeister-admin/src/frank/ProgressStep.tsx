import { isFinal, labelsPdfUrl, type Batch } from "../api";
import { AppErrorBanner } from "../components/AppErrorBanner";
import { t } from "../i18n";
import { BatchOrdersTable } from "./BatchOrdersTable";
import { BatchSummary } from "./BatchSummary";
import { useBatchProgress } from "./useBatchProgress";

/** Orders of the batch that have a stamp, whose labels can be printed. */
const labelledOrderIds = (batch: Batch) =>
  batch.orders.filter((order) => order.voucherIds.length > 0).map((order) => order.orderId);

function Labels({ batch }: { batch: Batch }) {
  const ids = labelledOrderIds(batch);
  if (ids.length === 0) return null;
  return (
    <s-stack direction="block" gap="small">
      <s-link href={labelsPdfUrl(ids)} target="_blank">
        {t("progress.labels.open", { count: ids.length })}
      </s-link>
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
            {done ? <Labels batch={batch} /> : <s-text color="subdued">{t("progress.closeHint")}</s-text>}
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
