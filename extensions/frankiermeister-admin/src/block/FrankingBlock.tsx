import { AppError, fetchOrderFrankings, type OrderFranking } from "../api";
import { AppErrorBanner } from "../components/AppErrorBanner";
import { t } from "../i18n";
import { useRequest } from "../use-request";
import { FrankingDetails } from "./FrankingDetails";

async function frankingOf(orderId: string): Promise<OrderFranking> {
  const { orders } = await fetchOrderFrankings([orderId]);
  const franking = orders.find((order) => order.orderId === orderId);
  if (franking === undefined) {
    throw new AppError("unexpected", "GET /api/orders/franking", `the answer has no entry for ${orderId}`);
  }
  return franking;
}

/** The order details card: loads the order's franking and shows it. */
export function FrankingBlock({ orderId, onFrank }: { orderId: string; onFrank: () => void }) {
  const [franking, reload] = useRequest(() => frankingOf(orderId), orderId);
  const summary =
    franking.state === "ready" ? t(`frankingStatus.${franking.value.status}` as const) : undefined;
  return (
    <s-admin-block heading={t("block.heading")} collapsedSummary={summary}>
      {franking.state === "loading" ? <s-spinner accessibilityLabel={t("block.loading")} /> : null}
      {franking.state === "failed" ? <AppErrorBanner error={franking.error} onRetry={reload} /> : null}
      {franking.state === "ready" ? <FrankingDetails franking={franking.value} onFrank={onFrank} /> : null}
    </s-admin-block>
  );
}
