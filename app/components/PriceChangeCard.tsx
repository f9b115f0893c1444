import { Form, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, DataTable } from "@shopify/polaris";
import { type Locale, translator } from "~/i18n";
import type { PriceChange } from "~/franking/reprice.server";
import { formatEuro } from "./format";

/** A batch re-priced dearer before buying: old and new prices side by side, and the confirmation. */
export function PriceChangeCard({ change, locale }: { change: PriceChange; locale: Locale }) {
  const t = translator(locale);
  const busy = useNavigation().state !== "idle";
  const euro = (cents: number) => formatEuro(cents, locale);
  return (
    <Card>
      <BlockStack gap="300">
        <Banner tone="warning" title={t("price.changed.title")}>
          <p id="price-change">
            {t("price.changed.text", { old: euro(change.oldTotalCents), new: euro(change.newTotalCents) })}
          </p>
        </Banner>
        <DataTable
          columnContentTypes={["text", "text", "numeric", "numeric"]}
          headings={[
            t("price.changed.col.order"),
            t("price.changed.col.product"),
            t("price.changed.col.old"),
            t("price.changed.col.new"),
          ]}
          rows={change.lines.map((l) => [l.orderName, l.productName, euro(l.oldCents), euro(l.newCents)])}
          totals={["", "", euro(change.oldTotalCents), euro(change.newTotalCents)]}
          showTotalsInFooter
          totalsName={{ singular: t("price.changed.total"), plural: t("price.changed.total") }}
        />
        <Form method="post">
          <input type="hidden" name="_action" value="confirm-prices" />
          <Button submit variant="primary" loading={busy}>
            {t("price.changed.confirm", { amount: euro(change.newTotalCents) })}
          </Button>
        </Form>
      </BlockStack>
    </Card>
  );
}
