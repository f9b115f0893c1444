import { Badge, Banner, BlockStack, Card, DataTable, InlineStack, Text } from "@shopify/polaris";
import { translator, type Locale } from "~/i18n";
import { translateDynamic } from "~/i18n/keys";
import type { PreviewJson } from "~/preview/json";
import { formatDate, formatDateTime, formatEuro } from "./format";
import { Notices } from "./Notices";
import { flagText, reasonText } from "./reason";

/** The explained preview: one row per order, totals by product, the cost against the Portokasse balance. */
export function PreviewResult({ preview, locale }: { preview: PreviewJson; locale: Locale }) {
  const t = translator(locale);
  const euro = (cents: number) => formatEuro(cents, locale);
  const { balance } = preview;
  const rows = preview.lines.map((line) => [
    line.orderName ?? line.orderId,
    line.ok ? (
      <BlockStack gap="100">
        <Text as="span">{line.productName}</Text>
        {line.flags.length > 0 ? (
          <InlineStack gap="100">
            {line.flags.map((flag) => (
              <Badge key={flag} tone="attention">
                {flagText(flag, locale)}
              </Badge>
            ))}
          </InlineStack>
        ) : null}
      </BlockStack>
    ) : (
      <Badge tone="critical">{translateDynamic(locale, `preview.error.${line.error}`, {}, line.error)}</Badge>
    ),
    line.ok ? euro(line.priceCents) : "–",
    line.ok ? `${line.weightG} g` : "–",
    <BlockStack key="reason" gap="100">
      <span style={{ whiteSpace: "normal" }}>{reasonText(line, locale)}</span>
      {line.ok ? <Notices notices={line.notices} locale={locale} /> : null}
    </BlockStack>,
  ]);
  const totals = preview.totals.map((p) => [
    p.productName,
    p.count,
    euro(p.unitPriceCents),
    euro(p.totalCents),
  ]);

  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t("preview.result")}
          </Text>
          <Text as="p" id="preview-summary">
            {t("preview.okCount", {
              ok: preview.okCount,
              count: preview.lines.length,
              errors: preview.errorCount,
            })}
          </Text>
          <DataTable
            columnContentTypes={["text", "text", "numeric", "numeric", "text"]}
            headings={[
              t("preview.order"),
              t("preview.product"),
              t("preview.price"),
              t("preview.weight"),
              t("preview.reason"),
            ]}
            rows={rows}
            verticalAlign="top"
          />
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t("preview.totals")}
          </Text>
          <DataTable
            columnContentTypes={["text", "numeric", "numeric", "numeric"]}
            headings={[t("preview.product"), t("preview.count"), t("preview.unitPrice"), t("preview.sum")]}
            rows={totals}
            totals={["", "", "", euro(balance.totalCents)]}
            totalsName={{ singular: t("preview.total"), plural: t("preview.total") }}
            showTotalsInFooter
          />
          <BalanceCheck preview={preview} locale={locale} />
          <Text as="p" tone="subdued">
            {preview.priceList.lastFailureAt
              ? t("preview.priceListFailed", { date: formatDate(preview.priceList.sourceDate, locale) })
              : t("preview.priceList", { date: formatDate(preview.priceList.sourceDate, locale) })}{" "}
            {t("preview.noMoneyMoves")}
          </Text>
        </BlockStack>
      </Card>
    </BlockStack>
  );
}

function BalanceCheck({ preview, locale }: { preview: PreviewJson; locale: Locale }) {
  const t = translator(locale);
  const { balance } = preview;
  if (balance.balanceCents === null) return <Banner tone="warning">{t("preview.balanceUnknown")}</Banner>;
  const amount = t("preview.balanceAt", {
    amount: formatEuro(balance.balanceCents, locale),
    date: formatDateTime(balance.balanceCheckedAt, locale),
  });
  return (
    <Banner tone={balance.sufficient ? "success" : "critical"} title={`${t("preview.balance")}: ${amount}`}>
      <p id="balance-check" data-sufficient={String(balance.sufficient)}>
        {balance.sufficient
          ? t("preview.sufficient", { rest: formatEuro(balance.balanceCents - balance.totalCents, locale) })
          : t("preview.insufficient", { missing: formatEuro(balance.missingCents, locale) })}
      </p>
      {preview.portokasse.problem && preview.portokasse.problem !== "zero-balance" ? (
        <p>{t("preview.portokasseProblem")}</p>
      ) : null}
    </Banner>
  );
}
