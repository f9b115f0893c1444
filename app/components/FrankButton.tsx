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
import { type Locale, translator } from "~/i18n";
import { translateDynamic } from "~/i18n/keys";
import type { PreviewJson } from "~/preview/json";
import { TERMS_PAGE_PATH } from "~/terms/internetmarke-terms";
import { formatEuro } from "./format";

/**
 * The confirm step under a preview: buys the stamps of the frankable orders (prices as previewed)
 * from a chosen first label position. The action answers with a redirect to the batch page.
 */
export function FrankButton({ preview, locale }: { preview: PreviewJson; locale: Locale }) {
  const t = translator(locale);
  const fetcher = useFetcher<{ error?: string }>();
  const [startPosition, setStartPosition] = useState("1");
  const [labelFormat, setLabelFormat] = useState("PDF");
  const frankable = preview.lines.filter((line) => line.ok);
  const blocked = frankable.length === 0 || preview.balance.sufficient === false;

  function frank() {
    const form = new FormData();
    for (const line of frankable) form.append("orderIds", line.orderId);
    form.append("intent", "frank");
    form.append("startPosition", startPosition);
    form.append("labelFormat", labelFormat);
    fetcher.submit(form, { method: "post" });
  }

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("frank.heading")}
        </Text>
        {preview.balance.sufficient === false ? (
          <Banner tone="critical">
            {t("frank.insufficient", { missing: formatEuro(preview.balance.missingCents, locale) })}
          </Banner>
        ) : null}
        {fetcher.data?.error ? (
          <Banner tone="critical">
            <p id="frank-problem" data-problem={fetcher.data.error}>
              {translateDynamic(locale, `frank.problem.${fetcher.data.error}`)}{" "}
              {fetcher.data.error === "terms_not_accepted" ? (
                <Link url={TERMS_PAGE_PATH}>{t("terms.open")}</Link>
              ) : null}
            </p>
          </Banner>
        ) : null}
        <InlineStack gap="400" blockAlign="end">
          <TextField
            label={t("frank.startPosition")}
            helpText={t("frank.startPosition.help")}
            type="number"
            min={1}
            value={startPosition}
            onChange={setStartPosition}
            autoComplete="off"
          />
          <Select
            label={t("frank.labelFormat")}
            options={[
              { label: "PDF", value: "PDF" },
              { label: t("frank.labelFormat.png"), value: "PNG" },
            ]}
            value={labelFormat}
            onChange={setLabelFormat}
          />
          <Button variant="primary" onClick={frank} disabled={blocked} loading={fetcher.state !== "idle"}>
            {t("frank.button", {
              count: frankable.length,
              total: formatEuro(preview.balance.totalCents, locale),
            })}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
