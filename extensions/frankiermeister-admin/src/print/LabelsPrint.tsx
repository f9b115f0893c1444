import { fetchOrderFrankings, labelsPdfUrl, type OrderFranking } from "../api";
import { AppErrorBanner } from "../components/AppErrorBanner";
import { t } from "../i18n";
import { useRequest } from "../use-request";

/** A label is worth printing when the order's stamp was bought and not handed back (Retoure). */
const hasPrintableLabel = (order: OrderFranking) =>
  order.status === "FRANKED" && order.refundState !== "PENDING" && order.refundState !== "REFUNDED";

/**
 * Print the selected orders' labels as one PDF. The app's franking status says which orders have a
 * label; should that check fail, the admin still gets the PDF of all selected orders (the app leaves
 * out orders without a label).
 */
export function LabelsPrint({ orderIds }: { orderIds: readonly string[] }) {
  const [frankings, reload] = useRequest(() => fetchOrderFrankings(orderIds), orderIds.join(","));
  const printable =
    frankings.state === "ready"
      ? orderIds.filter((id) =>
          frankings.value.some((order) => order.orderId === id && hasPrintableLabel(order)),
        )
      : orderIds;
  const src = frankings.state === "ready" && printable.length === 0 ? undefined : labelsPdfUrl(printable);
  return (
    <s-admin-print-action src={src}>
      <s-stack direction="block" gap="base">
        {frankings.state === "loading" ? <s-text>{t("print.checking")}</s-text> : null}
        {frankings.state === "failed" ? (
          <>
            <AppErrorBanner error={frankings.error} onRetry={reload} />
            <s-text>{t("print.allSelected", { count: orderIds.length })}</s-text>
          </>
        ) : null}
        {frankings.state === "ready" ? (
          printable.length === 0 ? (
            <s-banner tone="warning" heading={t("print.none")} />
          ) : (
            <s-text>{t("print.some", { count: printable.length, selected: orderIds.length })}</s-text>
          )
        ) : null}
      </s-stack>
    </s-admin-print-action>
  );
}
