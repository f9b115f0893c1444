import { BlockStack, Button, Card, DescriptionList, InlineStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { type Locale, translatePlural, translator } from "~/i18n";
import type { PreviewJson } from "~/preview/json";
import { formatEuro } from "./format";

interface Props {
  preview: PreviewJson;
  locale: Locale;
  count: number;
  labelFormat: string;
  startPosition: number;
  busy: boolean;
  problem: ReactNode;
  onConfirm: () => void;
  onBack: () => void;
}

/** "Buy these stamps?": what the purchase costs and leaves, and how the labels come out. */
export function FrankConfirmation(props: Props) {
  const { preview, locale, count } = props;
  const t = translator(locale);
  const euro = (cents: number) => formatEuro(cents, locale);
  const { balance, pageFormat } = preview;
  const columns = pageFormat?.columns ?? 1;
  const position = Math.max(1, props.startPosition);
  const labels =
    props.labelFormat === "PNG"
      ? t("frank.labelFormat.png")
      : pageFormat
        ? t("frank.confirm.labels.pdf", {
            format: pageFormat.name,
            columns: pageFormat.columns,
            rows: pageFormat.rows,
          })
        : t("frank.confirm.labels.pdfNoFormat");
  const items = [
    { term: t("frank.confirm.orders"), description: String(count) },
    { term: t("frank.confirm.total"), description: euro(balance.totalCents) },
    ...(balance.balanceCents === null
      ? []
      : [
          { term: t("frank.confirm.balance"), description: euro(balance.balanceCents) },
          {
            term: t("frank.confirm.balanceAfter"),
            description: euro(balance.balanceCents - balance.totalCents),
          },
        ]),
    { term: t("frank.confirm.labels"), description: labels },
    ...(props.labelFormat === "PDF"
      ? [
          {
            term: t("frank.confirm.startPosition"),
            description: t("frank.confirm.position", {
              position,
              row: Math.floor((position - 1) / columns) + 1,
              column: ((position - 1) % columns) + 1,
            }),
          },
        ]
      : []),
  ];
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("frank.confirm.heading")}
        </Text>
        <Text as="p">{t("frank.confirm.intro")}</Text>
        <div id="frank-confirmation">
          <DescriptionList items={items} />
        </div>
        {props.problem}
        <InlineStack gap="300">
          <Button variant="primary" onClick={props.onConfirm} loading={props.busy}>
            {translatePlural(locale, "frank.confirm.buy", count, { total: euro(balance.totalCents) })}
          </Button>
          <Button onClick={props.onBack} disabled={props.busy}>
            {t("frank.confirm.back")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
