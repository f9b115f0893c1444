import type { BatchPreview } from "../api";
import { formatEuro, t } from "../i18n";
import { portokasseProblemText } from "../messages";

/**
 * The batch's cost against the Portokasse balance, and whether the balance is enough. A balance that is
 * short or unknown, or no Portokasse at all, blocks the batch (see PreviewStep).
 */
export function BalanceSummary({ preview }: { preview: BatchPreview }) {
  const { balance, portokasse } = preview;
  const total = formatEuro(balance.totalCents);
  const amount =
    balance.balanceCents === null ? t("frank.balance.unknown") : formatEuro(balance.balanceCents);
  const amounts = <s-text>{t("frank.balance.amounts", { total, balance: amount })}</s-text>;
  const problem =
    portokasse.problem === null ? null : (
      <s-text color="subdued">
        {t("frank.balance.problem", { problem: portokasseProblemText(portokasse.problem) })}
      </s-text>
    );
  if (balance.sufficient === true) {
    return (
      <s-stack direction="block" gap="small">
        <s-stack direction="inline" gap="small" alignItems="center">
          {amounts}
          <s-badge tone="success">{t("frank.balance.sufficient")}</s-badge>
        </s-stack>
        {problem}
      </s-stack>
    );
  }
  const heading = !portokasse.connected
    ? t("frank.balance.notConnected")
    : balance.sufficient === false
      ? t("frank.balance.insufficientHeading")
      : t("frank.balance.unknownHeading");
  return (
    <s-banner tone="critical" heading={heading}>
      <s-stack direction="block" gap="small">
        {amounts}
        {balance.sufficient === false ? (
          <s-paragraph>
            {t("frank.balance.missing", { missing: formatEuro(balance.missingCents) })}
          </s-paragraph>
        ) : portokasse.connected ? (
          <s-paragraph>{t("frank.balance.unreadable")}</s-paragraph>
        ) : null}
        {problem}
      </s-stack>
    </s-banner>
  );
}
