import type { BatchPreview } from "../api";
import { formatEuro, t } from "../i18n";

/** "Buy these stamps?": count, total, the balance afterwards, the labels and the first position. */
export function ConfirmSummary({
  preview,
  count,
  position,
}: {
  preview: BatchPreview;
  count: number;
  position: number;
}) {
  const { balance, pageFormat } = preview;
  const columns = pageFormat?.columns ?? 1;
  return (
    <s-section heading={t("frank.review_heading")}>
      <s-stack direction="block" gap="small">
        <s-paragraph>{t("frank.review_intro")}</s-paragraph>
        <s-text>{t("frank.review_orders", { count })}</s-text>
        <s-text>{t("frank.review_total", { total: formatEuro(balance.totalCents) })}</s-text>
        {balance.balanceCents === null ? null : (
          <s-text>
            {t("frank.review_balanceAfter", {
              balance: formatEuro(balance.balanceCents - balance.totalCents),
            })}
          </s-text>
        )}
        <s-text>
          {pageFormat
            ? t("frank.review_labels", {
                format: pageFormat.name,
                columns: pageFormat.columns,
                rows: pageFormat.rows,
              })
            : t("frank.review_labelsNoFormat")}
        </s-text>
        <s-text>
          {t("frank.review_position", {
            position,
            row: Math.floor((position - 1) / columns) + 1,
            column: ((position - 1) % columns) + 1,
          })}
        </s-text>
      </s-stack>
    </s-section>
  );
}
