import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack, Card, DataTable, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { noticesForShop } from "~/automation/notices.server";
import { AutomationNotices } from "~/components/AutomationNotices";
import { db } from "~/db.server";
import { formatEuro, formatNumber } from "~/components/format";
import { SetupChecklist } from "~/components/SetupChecklist";
import { loadHome } from "~/home.server";
import { setupChecklist } from "~/setup/checklist.server";
import { shopFor } from "~/shops.server";
import { resolveLocale, translator } from "~/i18n";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const shop = await shopFor(db(), session.shop);
  return {
    ...(await loadHome(admin, db(), session.shop)),
    automationNotices: await noticesForShop(db(), session.shop, new Date()),
    checklist: await setupChecklist(db(), shop.id),
    locale: resolveLocale(request),
  };
};

export default function Home() {
  const {
    shop,
    orders,
    unfulfilledCount,
    portokasse,
    shopifyAccessLost,
    automationNotices,
    checklist,
    locale,
  } = useLoaderData<typeof loader>();
  const t = translator(locale);
  const statusLabel = (status: string) =>
    status === "UNFULFILLED" || status === "FULFILLED" || status === "PARTIALLY_FULFILLED"
      ? t(`status.${status}`)
      : t("status.other");
  const rows = orders.map((order) => [
    order.name,
    order.destination ?? t("order.noAddress"),
    order.weightG === null ? "–" : `${formatNumber(order.weightG, locale)} g`,
    order.cancelled ? (
      <Badge tone="critical">{t("order.cancelled")}</Badge>
    ) : (
      <Badge>{statusLabel(order.fulfillmentStatus)}</Badge>
    ),
  ]);
  return (
    <Page title={t("app.title")}>
      <Layout>
        {shopifyAccessLost ? (
          <Layout.Section>
            <Banner tone="warning" title={t("shopifyAccess.title")}>
              <Text as="p">{t("shopifyAccess.body")}</Text>
            </Banner>
          </Layout.Section>
        ) : null}
        {automationNotices.length > 0 ? (
          <Layout.Section>
            <AutomationNotices notices={automationNotices} locale={locale} />
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {t("home.heading")}
              </Text>
              <Text as="p">{t("home.intro")}</Text>
            </BlockStack>
          </Card>
        </Layout.Section>
        {checklist.some((check) => !check.done) ? (
          <Layout.Section>
            <SetupChecklist checks={checklist} locale={locale} />
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <InlineGrid columns={3} gap="400">
            <Card>
              <Text as="h3" variant="headingSm">
                {t("home.shop")}
              </Text>
              <Text as="p" id="shop-name">
                {shop.name}
              </Text>
              <Text as="p" tone="subdued">
                {shop.myshopifyDomain}
              </Text>
            </Card>
            <Card>
              <Text as="h3" variant="headingSm">
                {t("home.openOrders")}
              </Text>
              <Text as="p" variant="headingLg">
                {unfulfilledCount}
              </Text>
            </Card>
            <Card>
              <Text as="h3" variant="headingSm">
                {t("home.portokasse")}
              </Text>
              <Text as="p">
                {portokasse
                  ? t("home.portokasse.linked", { username: portokasse.username })
                  : t("home.portokasse.none")}
              </Text>
              {portokasse ? (
                <Text as="p" tone="subdued">
                  {t("home.balance")}:{" "}
                  {portokasse.balanceCents === null
                    ? t("home.balance.unknown")
                    : formatEuro(portokasse.balanceCents, locale)}
                </Text>
              ) : null}
            </Card>
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h3" variant="headingSm">
                {t("home.recentOrders")}
              </Text>
              <DataTable
                columnContentTypes={["text", "text", "numeric", "text"]}
                headings={[
                  t("orders.col.order"),
                  t("orders.col.destination"),
                  t("orders.col.weight"),
                  t("orders.col.status"),
                ]}
                rows={rows}
              />
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
