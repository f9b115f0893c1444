import type { ProductTotal } from "../api";
import { formatEuro, t } from "../i18n";

/** How many stamps of each product the batch buys, and what they cost. */
export function ProductTotalsTable({ totals }: { totals: readonly ProductTotal[] }) {
  return (
    <s-section heading={t("frank.totals.heading")}>
      <s-table variant="auto">
        <s-table-header-row>
          <s-table-header listSlot="primary">{t("frank.totals.product")}</s-table-header>
          <s-table-header listSlot="inline" format="numeric">
            {t("frank.totals.count")}
          </s-table-header>
          <s-table-header listSlot="labeled" format="currency">
            {t("frank.totals.unitPrice")}
          </s-table-header>
          <s-table-header listSlot="secondary" format="currency">
            {t("frank.totals.total")}
          </s-table-header>
        </s-table-header-row>
        <s-table-body>
          {totals.map((total) => (
            <s-table-row key={total.productCode}>
              <s-table-cell>{total.productName}</s-table-cell>
              <s-table-cell>{total.count}</s-table-cell>
              <s-table-cell>{formatEuro(total.unitPriceCents)}</s-table-cell>
              <s-table-cell>{formatEuro(total.totalCents)}</s-table-cell>
            </s-table-row>
          ))}
        </s-table-body>
      </s-table>
    </s-section>
  );
}
