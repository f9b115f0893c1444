import { useState } from "preact/hooks";
import { MAX_ORDERS_PER_BATCH, type BatchStarted } from "../api";
import { t } from "../i18n";
import { PreviewStep } from "./PreviewStep";
import { ProgressStep } from "./ProgressStep";

interface Props {
  orderIds: readonly string[];
  close: () => void;
}

function SelectionProblem({ count, close }: { count: number; close: () => void }) {
  return (
    <s-admin-action>
      <s-banner
        tone="warning"
        heading={
          count === 0
            ? t("frank.selection.none")
            : t("frank.selection.tooMany", { max: MAX_ORDERS_PER_BATCH, count })
        }
      />
      <s-button slot="primary-action" onClick={close}>
        {t("common.close")}
      </s-button>
    </s-admin-action>
  );
}

/** "Frank orders": preview the batch, confirm, then follow its progress. Shared by both action targets. */
export function FrankFlow({ orderIds, close }: Props) {
  const [started, setStarted] = useState<BatchStarted | null>(null);
  if (orderIds.length === 0 || orderIds.length > MAX_ORDERS_PER_BATCH) {
    return <SelectionProblem count={orderIds.length} close={close} />;
  }
  if (started !== null) return <ProgressStep batchId={started.batchId} close={close} />;
  return <PreviewStep orderIds={orderIds} onStarted={setStarted} close={close} />;
}
