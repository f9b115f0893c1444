import type { BatchPreview } from "../api";
import { formatEuro, t } from "../i18n";

/** The batch's cost against the Portokasse balance, and whether the balance is enough. */
export function BalanceSummary({ preview }: { preview: BatchPreview }) {
  const total = formatEuro(preview.totalCents);
  const balance =
    preview.balanceCents === null ? t("frank.balance.unknown") : formatEuro(preview.balanceCents);
  const amounts = <s-text>{t("frank.balance.amounts", { total, balance })}</s-text>;
  if (preview.sufficient) {
    return (
      <s-stack direction="inline" gap="small" alignItems="center">
        {amounts}
        <s-badge tone="success">{t("frank.balance.sufficient")}</s-badge>
      </s-stack>
    );
  }
  return (
    <s-banner tone="critical" heading={t("frank.balance.insufficientHeading")}>
      <s-stack direction="block" gap="small">
        {amounts}
        <s-paragraph>
          {preview.balanceCents === null
            ? t("frank.balance.unreadable")
            : t("frank.balance.missing", { missing: formatEuro(preview.missingCents) })}
        </s-paragraph>
      </s-stack>
    </s-banner>
  );
}
