import { Form, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, InlineStack, Layout, Page } from "@shopify/polaris";
import type { ReactNode } from "react";
import { translator, type Locale } from "~/i18n";
import type { FieldError } from "~/settings/errors";

/** One settings page: its fields in one form, saved as a whole; the outcome of the last save on top. */
export function SettingsForm(props: {
  title: string;
  locale: Locale;
  result: { ok: boolean; errors?: FieldError[] } | undefined;
  /** Errors of fields this page does not show, already translated. */
  otherErrors?: string[];
  children: ReactNode;
}) {
  const t = translator(props.locale);
  const busy = useNavigation().state !== "idle";
  return (
    <Page title={props.title} backAction={{ content: t("settings.back"), url: "/app/settings" }}>
      <Form method="post">
        <Layout>
          <Layout.Section>
            <BlockStack gap="400">
              {props.result?.ok ? <Banner tone="success">{t("settings.saved")}</Banner> : null}
              {props.result && !props.result.ok ? (
                <Banner tone="critical">
                  <p id="settings-invalid">{t("settings.invalid")}</p>
                  {(props.otherErrors ?? []).map((line) => (
                    <p key={line}>{line}</p>
                  ))}
                </Banner>
              ) : null}
              {props.children}
              <InlineStack align="end">
                <Button submit variant="primary" loading={busy}>
                  {t("settings.save")}
                </Button>
              </InlineStack>
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
