import { fetchOrderFrankings } from "../api";
import { AppErrorBanner } from "../components/AppErrorBanner";
import { t } from "../i18n";
import { useRequest } from "../use-request";

/**
 * Print the selected orders' labels as one PDF. The app says which orders have a printable label
 * (bought, not handed back by a Retoure) and signs one link to their label pages, which becomes `src`:
 * the admin loads `src` itself, without the session token the extension's `fetch` carries. No link (no
 * printable label, or the app could not be asked): no `src`, so the admin's Print button stays disabled.
 */
export function LabelsPrint({ orderIds }: { orderIds: readonly string[] }) {
  const [frankings, reload] = useRequest(() => fetchOrderFrankings(orderIds), orderIds.join(","));
  const ready = frankings.state === "ready" ? frankings.value : null;
  const printable =
    ready === null
      ? 0
      : orderIds.filter((id) => ready.orders.some((order) => order.orderId === id && order.labelUrl !== null))
          .length;
  return (
    <s-admin-print-action src={ready?.labelsUrl ?? undefined}>
      <s-stack direction="block" gap="base">
        {frankings.state === "loading" ? <s-text>{t("print.checking")}</s-text> : null}
        {frankings.state === "failed" ? (
          <>
            <AppErrorBanner error={frankings.error} onRetry={reload} />
            <s-text>{t("print.unavailable")}</s-text>
          </>
        ) : null}
        {ready === null ? null : ready.labelsUrl === null ? (
          <s-banner tone="warning" heading={t("print.none")} />
        ) : (
          <s-text>{t("print.some", { count: printable, selected: orderIds.length })}</s-text>
        )}
      </s-stack>
    </s-admin-print-action>
  );
}
