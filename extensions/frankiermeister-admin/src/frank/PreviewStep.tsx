import { useRef, useState } from "preact/hooks";
import { AppError, previewBatch, startBatch, type BatchPreview, type BatchStarted, type FrankableLine } from "../api";
import { AppErrorBanner } from "../components/AppErrorBanner";
import { formatEuro, t } from "../i18n";
import { useRequest } from "../use-request";
import { BalanceSummary } from "./BalanceSummary";
import { ConfirmSummary } from "./ConfirmSummary";
import { PreviewOrdersTable } from "./PreviewOrdersTable";
import { ProductTotalsTable } from "./ProductTotalsTable";
import { StartPositionField, parseStartPosition } from "./StartPositionField";

interface Props {
  orderIds: readonly string[];
  onStarted: (started: BatchStarted) => void;
  close: () => void;
}

const frankable = (preview: BatchPreview) => preview.lines.filter((line): line is FrankableLine => line.ok);

/**
 * Step 1: what the batch would buy and cost; then a review (count, total, balance afterwards, labels,
 * first position) where the merchant confirms to buy the stamps.
 */
export function PreviewStep({ orderIds, onStarted, close }: Props) {
  const [preview, reload] = useRequest(
    () => previewBatch(orderIds, t("common.language")),
    orderIds.join(","),
  );
  const [startPosition, setStartPosition] = useState("1");
  const [submitting, setSubmitting] = useState(false);
  /** Money moves only from the second step: the merchant has seen what it costs and leaves. */
  const [reviewing, setReviewing] = useState(false);
  /** Set before the POST leaves, so a second click in the same moment cannot send a second batch. */
  const inFlight = useRef(false);
  const idempotencyKey = useRef<string | null>(null);
  const [startFailure, setStartFailure] = useState<{ error: unknown } | null>(null);

  const ready = preview.state === "ready" ? preview.value : null;
  const orders = ready === null ? [] : frankable(ready);
  const position = parseStartPosition(startPosition);
  /** A short or unknown balance (or no Portokasse) blocks the batch: it could not be paid. */
  const canConfirm =
    ready !== null &&
    ready.balance.sufficient === true &&
    orders.length > 0 &&
    position !== null &&
    !submitting;

  async function confirm() {
    if (!canConfirm || position === null || inFlight.current) return;
    if (!reviewing) {
      setReviewing(true);
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    setStartFailure(null);
    // One Idempotency-Key per click; kept when the answer was lost (network), so the retry cannot make a
    // second batch if the first one was made.
    idempotencyKey.current ??= crypto.randomUUID();
    try {
      onStarted(
        await startBatch(
          {
            orderIds: orders.map((order) => order.orderId),
            startPosition: position,
            expectedTotalCents: orders.reduce((sum, order) => sum + order.priceCents, 0),
          },
          idempotencyKey.current,
        ),
      );
      idempotencyKey.current = null;
    } catch (error) {
      if (!(error instanceof AppError && error.kind === "network")) idempotencyKey.current = null;
      inFlight.current = false;
      setStartFailure({ error });
      setSubmitting(false);
    }
  }

  return (
    <s-admin-action loading={preview.state === "loading"}>
      {preview.state === "loading" ? <s-text>{t("frank.loading")}</s-text> : null}
      {preview.state === "failed" ? <AppErrorBanner error={preview.error} onRetry={reload} /> : null}
      {ready === null ? null : (
        <s-stack direction="block" gap="base">
          <s-paragraph>
            {t("frank.frankableCount", { count: orders.length, selected: ready.lines.length })}
          </s-paragraph>
          {orders.length === 0 ? (
            <s-banner tone="warning" heading={t("frank.nothingToFrank")} />
          ) : (
            <BalanceSummary preview={ready} />
          )}
          <PreviewOrdersTable lines={ready.lines} />
          {ready.totals.length > 0 ? <ProductTotalsTable totals={ready.totals} /> : null}
          {orders.length > 0 && !reviewing ? (
            <StartPositionField value={startPosition} onChange={setStartPosition} />
          ) : null}
          {reviewing && position !== null ? (
            <ConfirmSummary preview={ready} count={orders.length} position={position} />
          ) : null}
          {startFailure === null ? null : <AppErrorBanner error={startFailure.error} />}
        </s-stack>
      )}
      <s-button
        slot="primary-action"
        variant="primary"
        disabled={!canConfirm}
        loading={submitting}
        onClick={() => void confirm()}
      >
        {ready !== null && orders.length > 0
          ? t(reviewing ? "frank.confirm" : "frank.review", {
              count: orders.length,
              total: formatEuro(ready.balance.totalCents),
            })
          : t("frank.confirmNothing")}
      </s-button>
      {reviewing ? (
        <s-button slot="secondary-actions" disabled={submitting} onClick={() => setReviewing(false)}>
          {t("frank.review_back")}
        </s-button>
      ) : null}
      <s-button slot="secondary-actions" onClick={close}>
        {t("common.cancel")}
      </s-button>
    </s-admin-action>
  );
}
