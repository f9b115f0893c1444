import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  DataTable,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { appDeps } from "~/app-deps.server";
import { automationPageAction, loadAutomationPage } from "~/automation/page.server";
import { appAutomationDeps } from "~/automation/start.server";
import { runReason } from "~/components/AutomationNotices";
import { fieldErrorFor } from "~/components/field-errors";
import { centsToInput, formatDateTime, formatEuro } from "~/components/format";
import { resolveLocale, translator } from "~/i18n";
import { translateDynamic } from "~/i18n/keys";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { ...(await loadAutomationPage(appDeps(), session.shop)), locale: resolveLocale(request) };
};

/** intent: save (the form), pause, resume, run (run now), dismiss (a notice). */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return automationPageAction(appDeps(), () => appAutomationDeps(), session.shop, await request.formData());
};

const cents = (value: number | null) => (value === null ? "" : centsToInput(value));

export default function AutomationSettings() {
  const { config, paused, products, runs, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = translator(locale);
  const [enabled, setEnabled] = useState(config.enabled);
  const [schedule, setSchedule] = useState<string>(config.schedule);
  const [fields, setFields] = useState({
    times: config.times.join(", "),
    timeZone: config.timeZone,
    countries: config.countries.join(", "),
    shippingMethods: config.shippingMethods.join(", "),
    tags: config.tags.join(", "),
    minOrder: cents(config.minOrderCents),
    maxOrder: cents(config.maxOrderCents),
    dailyLimit: cents(config.dailyLimitCents),
    minBalance: cents(config.minBalanceCents),
  });
  const [codes, setCodes] = useState(config.productCodes.map(String));
  const errors = result?.intent === "save" && !result.ok ? result.errors : undefined;
  const error = (path: string) => fieldErrorFor(errors, path, locale);
  const text = (name: keyof typeof fields, label: string, help?: string) => (
    <TextField
      label={label}
      name={name}
      value={fields[name]}
      onChange={(value) => setFields({ ...fields, [name]: value })}
      helpText={help}
      autoComplete="off"
      error={error(name)}
    />
  );
  const runRows = runs.map((r) => [
    formatDateTime(r.createdAt, locale),
    translateDynamic(locale, `automation.status.${r.status}`),
    r.status === "STOPPED" || r.status === "FAILED" ? runReason(r.reason, locale) : r.orderCount,
    formatEuro(r.estimateCents, locale),
  ]);

  return (
    <Page title={t("automation.title")} backAction={{ content: t("settings.back"), url: "/app/settings" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.intent === "save" && result.ok ? (
              <Banner tone="success">{t("settings.saved")}</Banner>
            ) : null}
            {errors ? <Banner tone="critical">{t("settings.invalid")}</Banner> : null}
            {result?.intent === "run" ? (
              <Banner tone={result.ok && result.status === "DONE" ? "success" : "warning"}>
                {translateDynamic(locale, result.message, {
                  status: `${translateDynamic(locale, `automation.status.${result.status ?? "FAILED"}`)}${
                    result.reason ? ` (${runReason(result.reason, locale)})` : ""
                  }`,
                })}
              </Banner>
            ) : null}
            {paused ? <Banner tone="warning">{t("automation.paused")}</Banner> : null}
            <Card>
              <BlockStack gap="300">
                <Text as="p">{t("automation.intro")}</Text>
                <Text as="p" tone="subdued">
                  {t("automation.terms")}
                </Text>
                <Form method="post">
                  <InlineStack gap="300" blockAlign="center">
                    <input type="hidden" name="intent" value={paused ? "resume" : "pause"} />
                    <Button submit loading={busy}>
                      {paused ? t("automation.resume") : t("automation.pause")}
                    </Button>
                  </InlineStack>
                </Form>
                <Form method="post">
                  <InlineStack gap="300" blockAlign="center">
                    <input type="hidden" name="intent" value="run" />
                    <Button submit loading={busy} disabled={!config.enabled || paused}>
                      {t("automation.runNow")}
                    </Button>
                    <Text as="span" tone="subdued">
                      {t("automation.runNow.help")}
                    </Text>
                  </InlineStack>
                </Form>
              </BlockStack>
            </Card>
            <Form method="post">
              <input type="hidden" name="intent" value="save" />
              <BlockStack gap="400">
                <Card>
                  <FormLayout>
                    <input type="hidden" name="enabled" value={enabled ? "on" : "false"} />
                    <Checkbox label={t("automation.enabled")} checked={enabled} onChange={setEnabled} />
                    <input type="hidden" name="schedule" value={schedule} />
                    <Select
                      label={t("automation.schedule")}
                      options={[
                        { label: t("automation.schedule.times"), value: "times" },
                        { label: t("automation.schedule.now"), value: "now" },
                      ]}
                      value={schedule}
                      onChange={setSchedule}
                    />
                    {text("times", t("automation.times"), t("automation.times.help"))}
                    {text("timeZone", t("automation.timeZone"))}
                  </FormLayout>
                </Card>
                <Card>
                  <FormLayout>
                    <Text as="h2" variant="headingMd">
                      {t("automation.which")}
                    </Text>
                    {text("countries", t("automation.countries"), t("automation.countries.help"))}
                    {text(
                      "shippingMethods",
                      t("automation.shippingMethods"),
                      t("automation.shippingMethods.help"),
                    )}
                    {text("tags", t("automation.tags"), t("automation.tags.help"))}
                    <FormLayout.Group>
                      {text("minOrder", t("automation.minOrder"))}
                      {text("maxOrder", t("automation.maxOrder"))}
                    </FormLayout.Group>
                    {codes.map((code) => (
                      <input key={code} type="hidden" name="productCodes" value={code} />
                    ))}
                    <ChoiceList
                      allowMultiple
                      title={t("automation.products")}
                      choices={products.map((p) => ({ label: p.name, value: String(p.code) }))}
                      selected={codes}
                      onChange={setCodes}
                    />
                    <Text as="p" tone="subdued">
                      {t("automation.products.help")}
                    </Text>
                  </FormLayout>
                </Card>
                <Card>
                  <FormLayout>
                    <Text as="h2" variant="headingMd">
                      {t("automation.limits")}
                    </Text>
                    {text("dailyLimit", t("automation.dailyLimit"), t("automation.dailyLimit.help"))}
                    {text("minBalance", t("automation.minBalance"), t("automation.minBalance.help"))}
                  </FormLayout>
                </Card>
                <InlineStack align="end">
                  <Button submit variant="primary" loading={busy}>
                    {t("settings.save")}
                  </Button>
                </InlineStack>
              </BlockStack>
            </Form>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("automation.recent")}
                </Text>
                {runRows.length === 0 ? (
                  <Text as="p">{t("automation.recent.none")}</Text>
                ) : (
                  <DataTable
                    columnContentTypes={["text", "text", "text", "numeric"]}
                    headings={[
                      t("automation.col.time"),
                      t("automation.col.status"),
                      t("automation.col.orders"),
                      t("automation.col.amount"),
                    ]}
                    rows={runRows}
                  />
                )}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
