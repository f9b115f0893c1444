import type { BatchOrder } from "../api";
import { formatEuro, t } from "../i18n";
import { orderStatusText, reasonText } from "../messages";

/** Per order in the batch: its status, stamp, tracking numbers and error. */
export function BatchOrdersTable({ orders }: { orders: readonly BatchOrder[] }) {
  return (
    <s-table variant="auto">
      <s-table-header-row>
        <s-table-header listSlot="primary">{t("progress.orders.order")}</s-table-header>
        <s-table-header listSlot="inline">{t("progress.orders.status")}</s-table-header>
        <s-table-header listSlot="secondary">{t("progress.orders.product")}</s-table-header>
        <s-table-header listSlot="labeled">{t("progress.orders.tracking")}</s-table-header>
        <s-table-header listSlot="labeled">{t("progress.orders.error")}</s-table-header>
      </s-table-header-row>
      <s-table-body>
        {orders.map((order) => (
          <s-table-row key={order.orderId}>
            <s-table-cell>{order.orderName || order.orderId}</s-table-cell>
            <s-table-cell>{orderStatusText(order.status)}</s-table-cell>
            <s-table-cell>
              {order.productName === null
                ? "—"
                : order.priceCents === null
                  ? order.productName
                  : `${order.productName} (${formatEuro(order.priceCents)})`}
            </s-table-cell>
            <s-table-cell>{order.trackIds.length > 0 ? order.trackIds.join(", ") : "—"}</s-table-cell>
            <s-table-cell>
              {order.error === null ? "—" : <s-text tone="critical">{reasonText(order.error)}</s-text>}
            </s-table-cell>
          </s-table-row>
        ))}
      </s-table-body>
    </s-table>
  );
}
