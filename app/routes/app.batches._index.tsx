import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { formatDateTime, formatEuro } from "~/batches/format";
import { batchesPage } from "~/batches/pages.server";
import { batchStatusWord } from "~/batches/status-words";
import { noticesForShop } from "~/automation/notices.server";
import { AutomationNotices } from "~/components/AutomationNotices";
import { config } from "~/config.server";
import { db } from "~/db.server";
import { resolveLocale, translator } from "~/i18n";
import { authenticate } from "~/shopify.server";
import { shopFor } from "~/shops.server";
import { appSweepDeps } from "~/sweep/daily.server";
import { sweepNotBoughtCarts } from "~/sweep/reconcile-sweep.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const locale = resolveLocale(request);
  const data = await batchesPage(db(), {
    shop: session.shop,
    locale,
    apiSecret: config().SHOPIFY_API_SECRET,
    now: new Date(),
    params: new URL(request.url).searchParams,
  });
  return { ...data, automationNotices: await noticesForShop(db(), session.shop, new Date()), locale };
};

/** "Check now": the reconciliation sweep for this shop (it only asks Deutsche Post; it never buys). */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = await shopFor(db(), session.shop);
  const result = await sweepNotBoughtCarts(appSweepDeps(), { shopId: shop.id });
  return { sweptFound: result.vouchersRecorded };
};

export default function Batches() {
  const { batches, exportForm, automationNotices, locale } = useLoaderData<typeof loader>();
  const swept = useActionData<typeof action>();
  const t = translator(locale);
  const [from, setFrom] = useState(exportForm.from);
  const [to, setTo] = useState(exportForm.to);
  const rows = batches.map((b) => {
    const status = batchStatusWord(b.status, t);
    return [
      <Link key={b.id} to={`/app/batches/${b.id}`}>
        {formatDateTime(b.createdAt, locale)}
      </Link>,
      <Badge key="status" tone={status.tone}>
        {status.label}
      </Badge>,
      b.counts.total,
      b.counts.franked,
      b.counts.failed,
      formatEuro(b.spentCents, locale),
      b.labelFormat,
    ];
  });
  return (
    <Page title={t("batches.title")}>
      <Layout>
        {automationNotices.length > 0 ? (
          <Layout.Section>
            <AutomationNotices notices={automationNotices} locale={locale} />
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card>
            {batches.length === 0 ? (
              <Text as="p">{t("batches.empty")}</Text>
            ) : (
              <DataTable
                columnContentTypes={["text", "text", "numeric", "numeric", "numeric", "numeric", "text"]}
                headings={[
                  t("batches.col.date"),
                  t("batches.col.status"),
                  t("batches.col.orders"),
                  t("batches.col.franked"),
                  t("batches.col.failed"),
                  t("batches.col.cost"),
                  t("batches.col.format"),
                ]}
                rows={rows}
              />
            )}
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("sweep.heading")}
              </Text>
              <Text as="p" tone="subdued">
                {t("sweep.help")}
              </Text>
              {swept ? (
                <Banner tone={swept.sweptFound > 0 ? "warning" : "success"}>
                  {swept.sweptFound === 0
                    ? t("sweep.none")
                    : t(swept.sweptFound === 1 ? "sweep.found.one" : "sweep.found.other", {
                        count: swept.sweptFound,
                      })}
                </Banner>
              ) : null}
              <Form method="post">
                <Button submit>{t("sweep.run")}</Button>
              </Form>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("batches.export.heading")}
              </Text>
              <Text as="p" tone="subdued">
                {t("batches.export.help")}
              </Text>
              <Form method="get">
                <InlineStack gap="300" blockAlign="end">
                  <TextField
                    label={t("batches.export.from")}
                    type="date"
                    name="from"
                    value={from}
                    onChange={setFrom}
                    autoComplete="off"
                  />
                  <TextField
                    label={t("batches.export.to")}
                    type="date"
                    name="to"
                    value={to}
                    onChange={setTo}
                    autoComplete="off"
                  />
                  <Button submit>{t("batches.export.apply")}</Button>
                  {exportForm.link && from === exportForm.from && to === exportForm.to ? (
                    <Button variant="primary" url={exportForm.link} target="_blank" download>
                      {t("batches.export.download")}
                    </Button>
                  ) : null}
                </InlineStack>
              </Form>
              {exportForm.link === null ? (
                <Text as="p" tone="critical">
                  {t("batches.export.invalid")}
                </Text>
              ) : null}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
