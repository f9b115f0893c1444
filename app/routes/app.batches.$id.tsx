import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Card,
  DataTable,
  Layout,
  Page,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import { BatchDownloads } from "~/batches/downloads";
import { formatDateTime, formatEuro } from "~/batches/format";
import { batchPage } from "~/batches/pages.server";
import { batchStatusWord, orderStatusWord, shopifyStateWord } from "~/batches/status-words";
import { useLiveBatch } from "~/batches/use-live-batch";
import { markBatchSeen } from "~/batches/notice.server";
import { problemText } from "~/components/reason";
import { config } from "~/config.server";
import { db } from "~/db.server";
import { resolveLocale, translator } from "~/i18n";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const locale = resolveLocale(request);
  const data = await batchPage(db(), {
    shop: session.shop,
    batchId: params.id ?? "",
    locale,
    apiSecret: config().SHOPIFY_API_SECRET,
    now: new Date(),
  });
  if (!data) throw new Response(translator(locale)("batch.notFound"), { status: 404 });
  if (!data.batch.active) await markBatchSeen(db(), session.shop, data.batch.id, new Date());
  return { ...data, locale };
};

/** The preview of the orders a stopped batch did not frank, selected and previewed again. */
const retryUrl = (orderIds: readonly string[]) =>
  `/app/preview?${new URLSearchParams(orderIds.map((id) => ["ids", id.split("/").pop() ?? id])).toString()}`;

export default function BatchPage() {
  const { batch, links, locale } = useLoaderData<typeof loader>();
  const t = translator(locale);
  const progress = useLiveBatch(batch);

  const status = batchStatusWord(batch.status, t);
  const euro = (cents: number | null) => (cents === null ? "–" : formatEuro(cents, locale));
  const rows = batch.lines.map((line) => {
    const orderStatus = orderStatusWord(line.status, t);
    const shopify = line.shopifyState ? shopifyStateWord(line.shopifyState, t) : null;
    const problem = [
      line.reason ? problemText(line.reason, locale) : null,
      line.error ? problemText(line.error, locale) : null,
      line.shopifyError
        ? t("batch.shopifyProblem", { problem: problemText(`fulfillment: ${line.shopifyError}`, locale) })
        : null,
    ]
      .filter(Boolean)
      .join(" · ");
    return [
      line.orderName,
      line.productName ?? "–",
      euro(line.priceCents),
      line.voucherId ?? "–",
      line.trackingNumber ?? "–",
      <BlockStack key="status" gap="100">
        <Badge tone={orderStatus.tone}>{orderStatus.label}</Badge>
        {problem ? (
          <Text as="span" tone="critical" variant="bodySm">
            {problem}
          </Text>
        ) : null}
      </BlockStack>,
      shopify ? <Badge tone={shopify.tone}>{shopify.label}</Badge> : "–",
      links.reprint[line.orderId] ? (
        <a href={links.reprint[line.orderId]} target="_blank" rel="noreferrer">
          {t("batch.reprint")}
        </a>
      ) : (
        ""
      ),
    ];
  });
  return (
    <Page
      backAction={{ content: t("batch.back"), url: "/app/batches" }}
      title={t("batch.title", { date: formatDateTime(batch.createdAt, locale) })}
      titleMetadata={<Badge tone={status.tone}>{status.label}</Badge>}
    >
      <Layout>
        {batch.active ? (
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <Text as="p">{t("batch.running", { percent: progress })}</Text>
                <ProgressBar progress={progress} tone="primary" />
              </BlockStack>
            </Card>
          </Layout.Section>
        ) : null}
        {batch.stopReason ? (
          <Layout.Section>
            <Banner
              tone="warning"
              action={
                batch.remainingOrderIds.length > 0
                  ? { content: t("batch.retry"), url: retryUrl(batch.remainingOrderIds) }
                  : undefined
              }
            >
              {batch.status === "INSUFFICIENT_FUNDS" || batch.stopReason === "insufficient_balance"
                ? t("batch.stopped.funds", { missing: euro(batch.missingCents) })
                : t("batch.stopped.other", { reason: problemText(batch.error ?? batch.stopReason, locale) })}
            </Banner>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="p">{t("batch.summary.orders", { ...batch.counts })}</Text>
              <Text as="p">
                {t("batch.summary.cost", {
                  spent: euro(batch.spentCents),
                  planned: euro(batch.plannedCents),
                })}
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <BatchDownloads links={links} labelFormat={batch.labelFormat} t={t} />
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <DataTable
              columnContentTypes={["text", "text", "numeric", "text", "text", "text", "text", "text"]}
              headings={[
                t("batch.col.order"),
                t("batch.col.product"),
                t("batch.col.price"),
                t("batch.col.voucher"),
                t("batch.col.tracking"),
                t("batch.col.status"),
                t("batch.col.shopify"),
                "",
              ]}
              rows={rows}
            />
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
