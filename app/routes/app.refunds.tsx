import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack, Card, DataTable, InlineGrid, Layout, List, Page, Text } from "@shopify/polaris";
import { formatDateTime, formatEuro } from "~/components/format";
import { db } from "~/db.server";
import { resolveLocale, translator, type Locale } from "~/i18n";
import { loadRefunds, type RefundRow } from "~/refunds/view.server";
import { reasonKey, sourceKey, stuckWords } from "~/refunds/words";
import { authenticate } from "~/shopify.server";
import { shopFor } from "~/shops.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = await shopFor(db(), session.shop);
  return { ...(await loadRefunds(db(), shop.id)), locale: resolveLocale(request) };
};

type T = ReturnType<typeof translator>;

function RefundTable({ title, rows, kind, t, locale }: { title: string; rows: RefundRow[]; kind: "pending" | "confirmed" | "rejected"; t: T; locale: Locale }) {
  const amount = (r: RefundRow) => formatEuro(kind === "confirmed" ? r.refundedCents : r.priceCents, locale);
  const last = (r: RefundRow) =>
    kind === "pending" ? t(sourceKey(r.source)) : kind === "confirmed" ? formatDateTime(r.decidedAt, locale) : t(reasonKey(r.reason));
  const lastHeading = kind === "pending" ? t("refunds.col.source") : kind === "confirmed" ? t("refunds.col.decided") : t("refunds.col.reason");
  const total = rows.reduce((sum, r) => sum + (kind === "confirmed" ? r.refundedCents : r.priceCents), 0);
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {title} <Badge tone={kind === "confirmed" ? "success" : kind === "rejected" ? "critical" : "attention"}>{String(rows.length)}</Badge>
        </Text>
        {rows.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("refunds.empty")}
          </Text>
        ) : (
          <>
            <DataTable
              columnContentTypes={["text", "text", "numeric", "text", "text"]}
              headings={[t("refunds.col.order"), t("refunds.col.voucher"), t("refunds.col.amount"), t("refunds.col.requested"), lastHeading]}
              rows={rows.map((r) => [r.orderName, r.voucherId, amount(r), formatDateTime(r.requestedAt, locale), last(r)])}
            />
            <Text as="p" tone="subdued">
              {t("refunds.total", { count: rows.length, amount: formatEuro(total, locale) })}
            </Text>
          </>
        )}
      </BlockStack>
    </Card>
  );
}

export default function Refunds() {
  const { pending, confirmed, rejected, totals, stuck, locale } = useLoaderData<typeof loader>();
  const t = translator(locale);
  const firstStuck = stuck[0];
  return (
    <Page title={t("refunds.title")}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {rejected.length > 0 ? (
              <Banner tone="critical" title={t("refunds.banner.rejected", { count: rejected.length })}>
                <BlockStack gap="200">
                  <Text as="p">{t("refunds.banner.rejectedBody")}</Text>
                  <List>
                    {rejected.slice(0, 10).map((r) => (
                      <List.Item key={r.id}>
                        {r.orderName} · {r.voucherId} · {formatEuro(r.priceCents, locale)}: {t(reasonKey(r.reason))}
                      </List.Item>
                    ))}
                  </List>
                </BlockStack>
              </Banner>
            ) : null}
            {firstStuck ? (
              <Banner tone="warning" title={t("refunds.banner.stuck")}>
                <Text as="p">
                  {t("refunds.banner.stuckBody", { count: stuck.length, reason: t(stuckWords(firstStuck.lastError).key, { error: stuckWords(firstStuck.lastError).error }) })}
                </Text>
              </Banner>
            ) : null}
            <Text as="p">{t("refunds.intro")}</Text>
            <InlineGrid columns={3} gap="400">
              {([["refunds.pending", totals.pendingCents], ["refunds.confirmed", totals.refundedCents], ["refunds.rejected", totals.rejectedCents]] as const).map(([key, cents]) => (
                <Card key={key}>
                  <Text as="h3" variant="headingSm">
                    {t(key)}
                  </Text>
                  <Text as="p" variant="headingLg">
                    {formatEuro(cents, locale)}
                  </Text>
                </Card>
              ))}
            </InlineGrid>
            <RefundTable title={t("refunds.pending")} rows={pending} kind="pending" t={t} locale={locale} />
            <RefundTable title={t("refunds.confirmed")} rows={confirmed} kind="confirmed" t={t} locale={locale} />
            <RefundTable title={t("refunds.rejected")} rows={rejected} kind="rejected" t={t} locale={locale} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
