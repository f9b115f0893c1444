import type { PreviewLine } from "../api";
import { formatEuro, t } from "../i18n";
import { flagText, previewErrorText } from "../messages";

/** Per order: the product and price the app chose and why, or why the order cannot be franked. */
export function PreviewOrdersTable({ lines }: { lines: readonly PreviewLine[] }) {
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
        {lines.map((line) => (
          <s-table-row key={line.orderId}>
            <s-table-cell>{line.orderName ?? line.orderId}</s-table-cell>
            <s-table-cell>
              {line.ok ? line.productName : <s-badge tone="warning">{previewErrorText(line.error)}</s-badge>}
            </s-table-cell>
            <s-table-cell>{line.ok ? formatEuro(line.priceCents) : "—"}</s-table-cell>
            <s-table-cell>
              <s-stack direction="block">
                <s-text>{line.reason}</s-text>
                {line.ok && line.flags.length > 0 ? (
                  <s-text color="subdued">{line.flags.map(flagText).join(" · ")}</s-text>
                ) : null}
              </s-stack>
            </s-table-cell>
          </s-table-row>
        ))}
      </s-table-body>
    </s-table>
  );
}
