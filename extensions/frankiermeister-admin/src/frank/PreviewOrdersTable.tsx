import type { PreviewOrder } from "../api";
import { formatEuro, t } from "../i18n";

/** Per order: the product and price the app chose and why, or why the order cannot be franked. */
export function PreviewOrdersTable({ orders }: { orders: readonly PreviewOrder[] }) {
  return (
    <s-table variant="auto">
      <s-table-header-row>
        <s-table-header listSlot="primary">{t("frank.orders.order")}</s-table-header>
        <s-table-header listSlot="secondary">{t("frank.orders.product")}</s-table-header>
        <s-table-header listSlot="inline" format="currency">
          {t("frank.orders.price")}
        </s-table-header>
        <s-table-header listSlot="labeled">{t("frank.orders.note")}</s-table-header>
      </s-table-header-row>
      <s-table-body>
        {orders.map((order) => (
          <s-table-row key={order.orderId}>
            <s-table-cell>{order.orderName}</s-table-cell>
            <s-table-cell>
              {order.ok ? (
                order.productName
              ) : (
                <s-badge tone="warning">{t("frank.orders.notFrankable")}</s-badge>
              )}
            </s-table-cell>
            <s-table-cell>{order.ok ? formatEuro(order.priceCents) : "—"}</s-table-cell>
            <s-table-cell>
              <s-stack direction="block">
                <s-text>{order.reason}</s-text>
                {order.error === undefined ? null : <s-text tone="critical">{order.error}</s-text>}
              </s-stack>
            </s-table-cell>
          </s-table-row>
        ))}
      </s-table-body>
    </s-table>
  );
}
