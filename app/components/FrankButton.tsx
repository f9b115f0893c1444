import { useFetcher } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  InlineStack,
  Link,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { type Locale, translatePlural, translator } from "~/i18n";
import { translateDynamic } from "~/i18n/keys";
import type { PreviewJson } from "~/preview/json";
import { TERMS_PAGE_PATH } from "~/terms/internetmarke-terms";
import { FrankConfirmation } from "./FrankConfirmation";
import { formatEuro } from "./format";

/**
 * The buy step under a preview: the first label position and the label file, then a confirmation with
 * count, total, balance afterwards, label format and first position (as Shopify's own label purchase
 * does). Only the confirmation buys; the action answers with a redirect to the batch page.
 */
export function FrankButton({ preview, locale }: { preview: PreviewJson; locale: Locale }) {
  const t = translator(locale);
  const fetcher = useFetcher<{ error?: string; expectedTotalCents?: number; totalCents?: number }>();
  const [startPosition, setStartPosition] = useState("1");
  const [labelFormat, setLabelFormat] = useState("PDF");
  const [confirming, setConfirming] = useState(false);
  const frankable = preview.lines.filter((line) => line.ok);
  const insufficient = preview.balance.sufficient === false;
  const blocked = frankable.length === 0 || insufficient;
  const total = formatEuro(preview.balance.totalCents, locale);

  function frank() {
    const form = new FormData();
    for (const line of frankable) form.append("orderIds", line.orderId);
    form.append("intent", "frank");
    form.append("startPosition", startPosition);
    form.append("labelFormat", labelFormat);
    // The total the merchant confirms: the app buys nothing if the orders cost another total now.
    form.append("expectedTotalCents", String(preview.balance.totalCents));
    fetcher.submit(form, { method: "post" });
  }

  const problem = fetcher.data?.error ? (
    <Banner tone="critical">
      <p id="frank-problem" data-problem={fetcher.data.error}>
        {translateDynamic(
          locale,
          `frank.problem.${fetcher.data.error}`,
          {
            seen: formatEuro(fetcher.data.expectedTotalCents ?? 0, locale),
            now: formatEuro(fetcher.data.totalCents ?? 0, locale),
          },
          t("problem.unknown"),
        )}{" "}
        {fetcher.data.error === "terms_not_accepted" ? (
          <Link url={TERMS_PAGE_PATH}>{t("terms.open")}</Link>
        ) : null}
      </p>
    </Banner>
  ) : null;

  if (confirming && !blocked) {
    return (
      <FrankConfirmation
        preview={preview}
        locale={locale}
        count={frankable.length}
        labelFormat={labelFormat}
        startPosition={Number(startPosition) || 1}
        busy={fetcher.state !== "idle"}
        problem={problem}
        onConfirm={frank}
        onBack={() => setConfirming(false)}
      />
    );
  }

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("frank.heading")}
        </Text>
        {insufficient ? (
          <Banner tone="critical">
            {t("frank.insufficient", { missing: formatEuro(preview.balance.missingCents, locale) })}
          </Banner>
        ) : null}
        {problem}
        <InlineStack gap="400" blockAlign="end">
          {labelFormat === "PDF" ? (
            <TextField
              label={t("frank.startPosition")}
              helpText={t("frank.startPosition.help")}
              type="number"
              min={1}
              value={startPosition}
              onChange={setStartPosition}
              autoComplete="off"
            />
          ) : null}
          <Select
            label={t("frank.labelFormat")}
            options={[
              { label: "PDF", value: "PDF" },
              { label: t("frank.labelFormat.png"), value: "PNG" },
            ]}
            value={labelFormat}
            onChange={setLabelFormat}
          />
          <Button variant="primary" onClick={() => setConfirming(true)} disabled={blocked}>
            {insufficient
              ? t("frank.missingButton", { missing: formatEuro(preview.balance.missingCents, locale) })
              : translatePlural(locale, "frank.button", frankable.length, { total })}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
