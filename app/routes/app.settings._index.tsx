import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Text,
} from "@shopify/polaris";
import { appDeps } from "~/app-deps.server";
import { formatDate, formatDateTime } from "~/components/format";
import { resolveLocale, translator, type MessageKey } from "~/i18n";
import { loadSettingsOverview, refreshCatalogs } from "~/settings/pages.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { ...(await loadSettingsOverview(appDeps(), session.shop)), locale: resolveLocale(request) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const what = (await request.formData()).get("_action") === "refresh-portokasse" ? "portokasse" : "prices";
  return { what, ...(await refreshCatalogs(appDeps(), session.shop, what)) };
};

const SECTIONS: Array<{ path: string; title: MessageKey; help: MessageKey }> = [
  { path: "portokasse", title: "settings.section.portokasse", help: "settings.section.portokasse.help" },
  { path: "sender", title: "settings.section.sender", help: "settings.section.sender.help" },
  { path: "packaging", title: "settings.section.packaging", help: "settings.section.packaging.help" },
  { path: "rules", title: "settings.section.rules", help: "settings.section.rules.help" },
  { path: "stamp", title: "settings.section.stamp", help: "settings.section.stamp.help" },
  { path: "terms", title: "settings.section.terms", help: "settings.section.terms.help" },
  { path: "automation", title: "settings.section.automation", help: "settings.section.automation.help" },
];

export default function SettingsOverview() {
  const { priceList, kasseCatalog, portokasse, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = translator(locale);
  const change = priceList.change;
  const summary = change
    ? (
        [
          ["catalog.change.prices", change.prices],
          ["catalog.change.added", change.added],
          ["catalog.change.removed", change.removed],
          ["catalog.change.renamed", change.renamed],
        ] as const
      )
        .filter(([, count]) => count > 0)
        .map(([key, count]) => t(key, { count }))
        .join(", ")
    : "";
  return (
    <Page title={t("settings.title")}>
      <Layout>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            {SECTIONS.map((s) => (
              <Card key={s.path}>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    {t(s.title)}
                  </Text>
                  <Text as="p" tone="subdued">
                    {t(s.help)}
                  </Text>
                  {s.path === "portokasse" && portokasse ? (
                    <Text as="p">{t("portokasse.connectedAs", { username: portokasse.username })}</Text>
                  ) : null}
                  <InlineStack>
                    <Button url={`/app/settings/${s.path}`}>{t("settings.open")}</Button>
                  </InlineStack>
                </BlockStack>
              </Card>
            ))}
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("catalog.title")}
              </Text>
              {result ? (
                <Banner tone={result.ok ? "success" : "critical"}>
                  {result.ok ? t("catalog.refreshed") : (result.error ?? "")}
                </Banner>
              ) : null}
              {change ? (
                <Banner tone="warning">
                  {t("catalog.change", { date: formatDate(change.since, locale), summary })}
                </Banner>
              ) : null}
              {priceList.lastFailure ? (
                <Banner tone="critical">
                  {t("catalog.failed", {
                    date: formatDateTime(priceList.lastFailure.at, locale),
                    message: priceList.lastFailure.message,
                  })}
                </Banner>
              ) : null}
              <Text as="p" id="price-list-state">
                {priceList.fetchedAt
                  ? t("catalog.state", {
                      count: priceList.count,
                      date: formatDate(priceList.sourceDate, locale),
                      fetched: formatDateTime(priceList.fetchedAt, locale),
                    })
                  : t("catalog.never")}
              </Text>
              <Text as="p" tone="subdued">
                {kasseCatalog.fetchedAt
                  ? t("catalog.portokasse", {
                      formats: kasseCatalog.formats,
                      motifs: kasseCatalog.motifs,
                      contract: kasseCatalog.contract,
                      date: formatDateTime(kasseCatalog.fetchedAt, locale),
                    })
                  : t("catalog.portokasse.none")}
              </Text>
              <InlineStack gap="200">
                <Form method="post">
                  <input type="hidden" name="_action" value="refresh-prices" />
                  <Button submit loading={busy}>
                    {t("catalog.refresh")}
                  </Button>
                </Form>
                {portokasse ? (
                  <Form method="post">
                    <input type="hidden" name="_action" value="refresh-portokasse" />
                    <Button submit loading={busy}>
                      {t("catalog.portokasse.refresh")}
                    </Button>
                  </Form>
                ) : null}
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
