/** The download buttons of a batch: labels, Einlieferungsliste, CSV; all signed links, opened in a new tab. */
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { ReprintGuard } from "~/components/ReprintGuard";
import type { MessageKey } from "~/i18n";

interface Props {
  /** `labels`: the labels to print (for a PNG batch the labels ready to stick, ADR 023); `stampImages`: the PNGs. */
  links: { labels: string | null; stampImages?: string | null; manifest: string | null; csv: string };
  labelFormat: string;
  t: (key: MessageKey) => string;
  /** The reprint guard (app/reprints): printed before, and the confirmed reprint link. */
  reprint?: { printed: boolean; confirmed: string | null };
}

export function BatchDownloads({ links, labelFormat, t, reprint }: Props) {
  const labelsLabel = labelFormat === "PNG" ? t("batch.download.pngLabels") : t("batch.download.pdf");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("batch.downloads")}
        </Text>
        {links.labels === null ? <Text as="p">{t("batch.download.none")}</Text> : null}
        <InlineStack gap="300">
          {links.labels && reprint?.confirmed ? (
            <ReprintGuard
              href={links.labels}
              confirmedHref={reprint.confirmed}
              printed={reprint.printed}
              label={labelsLabel}
              primary
              t={t}
            />
          ) : links.labels ? (
            <Button variant="primary" url={links.labels} target="_blank">
              {labelsLabel}
            </Button>
          ) : null}
          {links.stampImages ? (
            <Button url={links.stampImages} target="_blank" download>
              {t("batch.download.png")}
            </Button>
          ) : null}
          {links.manifest ? (
            <Button url={links.manifest} target="_blank">
              {t("batch.download.manifest")}
            </Button>
          ) : null}
          <Button url={links.csv} target="_blank" download>
            {t("batch.download.csv")}
          </Button>
        </InlineStack>
        <Text as="p" tone="subdued" variant="bodySm">
          {labelFormat === "PNG"
            ? `${t("batch.download.pngNote")} ${t("batch.download.linkNote")}`
            : `${t("batch.reprint.sheetNote")} ${t("batch.download.linkNote")}`}
        </Text>
      </BlockStack>
    </Card>
  );
}
