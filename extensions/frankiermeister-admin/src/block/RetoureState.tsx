import { fetchOrderRefunds, type RefundState, type VoucherRefund } from "../api";
import { t } from "../i18n";
import { refundReasonText } from "../messages";
import { useRequest } from "../use-request";

const TONES: Record<RefundState, "info" | "success" | "warning"> = {
  PENDING: "info",
  REFUNDED: "success",
  NOT_REFUNDED: "warning",
};

const text = (refund: VoucherRefund) =>
  refund.state === "NOT_REFUNDED" && refund.reason !== null
    ? `${t("refundState.NOT_REFUNDED")}: ${refundReasonText(refund.reason)}`
    : t(`refundState.${refund.state}`);

/**
 * The Retoure (refund) state of the order's stamps, from `GET /api/refunds?orderId=`: one badge per
 * distinct state, nothing when no stamp was handed back. A failure here does not hide the franking.
 */
export function RetoureState({ orderId }: { orderId: string }) {
  const [refunds] = useRequest(() => fetchOrderRefunds(orderId), orderId);
  if (refunds.state === "loading") return null;
  if (refunds.state === "failed") return <s-text color="subdued">{t("block.refundsUnknown")}</s-text>;
  const shown = [...new Map(refunds.value.map((refund) => [text(refund), refund])).entries()];
  return (
    <>
      {shown.map(([label, refund]) => (
        <s-badge key={label} tone={TONES[refund.state]}>
          {label}
        </s-badge>
      ))}
    </>
  );
}
