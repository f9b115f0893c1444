import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { signedLink } from "~/batches/links.server";
import { LEDGER_KINDS, type LedgerKind } from "~/bookkeeping/ledger";
import { ledgerEntries } from "~/bookkeeping/ledger.server";
import { monthKey, monthOf, monthRange, parseMonth } from "~/bookkeeping/month";
import {
  datevSettings,
  loadBookkeepingSettings,
  saveBookkeepingSettings,
} from "~/bookkeeping/settings.server";
import { formatEuro } from "~/components/format";
import { config } from "~/config.server";
import { db } from "~/db.server";
import { resolveLocale, translator, type MessageKey } from "~/i18n";
import { authenticate } from "~/shopify.server";
import { shopFor } from "~/shops.server";
import { pluralKey } from "~/undo/words";

const KIND_KEYS: Record<LedgerKind, MessageKey> = {
  purchase: "bookkeeping.purchases",
  refund_requested: "bookkeeping.refundsRequested",
  refund_confirmed: "bookkeeping.refundsConfirmed",
  refund_refused: "bookkeeping.refundsRefused",
  top_up: "bookkeeping.topUps",
};

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const locale = resolveLocale(request);
  const shop = await shopFor(db(), session.shop);
  const now = new Date();
  const month = parseMonth(new URL(request.url).searchParams.get("month")) ?? monthOf(now);
  const { from, to } = monthRange(month);
  const entries = await ledgerEntries(db(), shop.id, from, to);
  const totals = LEDGER_KINDS.map((kind) => {
    const of = entries.filter((e) => e.kind === kind);
    return { kind, cents: of.reduce((s, e) => s + e.cents, 0), stamps: of.reduce((s, e) => s + e.stamps, 0) };
  });
  const settings = await loadBookkeepingSettings(db(), shop.id);
  const portokasse = await db().portokasseAccount.findUnique({
    where: { shopId: shop.id },
    select: { id: true },
  });
  const sign = (format: string) =>
    signedLink(
      session.shop,
      `/bookkeeping/statement?month=${monthKey(month)}&format=${format}&locale=${locale}`,
      { apiSecret: config().SHOPIFY_API_SECRET, now },
    );
  return {
    locale,
    month: monthKey(month),
    totals,
    settings,
    linked: portokasse !== null,
    links: { pdf: sign("pdf"), csv: sign("csv"), datev: datevSettings(settings) ? sign("datev") : null },
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = await shopFor(db(), session.shop);
  const form = Object.fromEntries(await request.formData());
  return saveBookkeepingSettings(db(), shop.id, form);
};

export default function BookkeepingPage() {
  const { locale, month, totals, settings, linked, links } = useLoaderData<typeof loader>();
  const saved = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = translator(locale);
  const errors = saved && !saved.ok ? saved.errors : {};
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  const [chart, setChart] = useState<string>(settings.chart);
  const [shownMonth, setShownMonth] = useState(month);
  const [values, setValues] = useState<Record<string, string>>({
    postageAccount: settings.postageAccount,
    portokasseAccount: settings.portokasseAccount,
    topUpAccount: settings.topUpAccount,
    consultantNumber: settings.consultantNumber === null ? "" : String(settings.consultantNumber),
    clientNumber: settings.clientNumber === null ? "" : String(settings.clientNumber),
    fiscalYearStartMonth: String(settings.fiscalYearStartMonth),
  });
  const field = (name: string, label: MessageKey) => (
    <TextField
      label={t(label)}
      name={name}
      value={values[name] ?? ""}
      onChange={(v) => setValues({ ...values, [name]: v })}
      error={error(name)}
      autoComplete="off"
    />
  );
  return (
    <Page title={t("bookkeeping.title")}>
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="p">{t("bookkeeping.intro")}</Text>
              <Form method="get">
                <InlineStack gap="200" blockAlign="end">
                  <TextField
                    label={t("bookkeeping.month")}
                    name="month"
                    type="month"
                    value={shownMonth}
                    onChange={setShownMonth}
                    autoComplete="off"
                  />
                  <Button submit>{t("bookkeeping.show")}</Button>
                </InlineStack>
              </Form>
              {totals.map((total) => (
                <Text as="p" key={total.kind}>
                  {t(KIND_KEYS[total.kind])}: {formatEuro(total.cents, locale)} (
                  {t(pluralKey("bookkeeping.stamps", total.stamps), { count: total.stamps })})
                </Text>
              ))}
              {linked ? (
                <InlineStack gap="300">
                  <Button url={links.pdf} target="_blank">
                    {t("bookkeeping.download.pdf")}
                  </Button>
                  <Button url={links.csv} target="_blank" download>
                    {t("bookkeeping.download.csv")}
                  </Button>
                  {links.datev ? (
                    <Button url={links.datev} target="_blank" download>
                      {t("bookkeeping.download.datev")}
                    </Button>
                  ) : null}
                </InlineStack>
              ) : (
                <Banner tone="warning">{t("bookkeeping.noPortokasse")}</Banner>
              )}
              {linked && !links.datev ? (
                <Text as="p" tone="subdued">
                  {t("bookkeeping.datev.missing")}
                </Text>
              ) : null}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <Form method="post">
              <FormLayout>
                <Text as="h2" variant="headingMd">
                  {t("bookkeeping.datev.title")}
                </Text>
                {saved?.ok ? <Banner tone="success">{t("undo.setting.saved")}</Banner> : null}
                <Select
                  label={t("bookkeeping.datev.chart")}
                  name="chart"
                  options={["SKR03", "SKR04"]}
                  value={chart}
                  onChange={setChart}
                />
                {field("postageAccount", "bookkeeping.datev.postage")}
                {field("portokasseAccount", "bookkeeping.datev.portokasse")}
                {field("topUpAccount", "bookkeeping.datev.bank")}
                {field("consultantNumber", "bookkeeping.datev.consultant")}
                {field("clientNumber", "bookkeeping.datev.client")}
                {field("fiscalYearStartMonth", "bookkeeping.datev.fiscalYear")}
                <Text as="p" tone="subdued">
                  {t("bookkeeping.datev.help")}
                </Text>
                <Button submit variant="primary" loading={navigation.state === "submitting"}>
                  {t("bookkeeping.datev.save")}
                </Button>
              </FormLayout>
            </Form>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
