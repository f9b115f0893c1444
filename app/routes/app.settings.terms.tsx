import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, Layout, Link, Page, Text } from "@shopify/polaris";
import { useState } from "react";
import { appDeps } from "~/app-deps.server";
import { formatDateTime } from "~/components/format";
import { resolveLocale, translator } from "~/i18n";
import { authenticate } from "~/shopify.server";
import { acceptor, acceptTermsAction, loadTermsPage } from "~/terms/page.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return {
    terms: await loadTermsPage(appDeps(), session.shop),
    shop: session.shop,
    locale: resolveLocale(request),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const context = await authenticate.admin(request);
  const who = acceptor({
    shop: context.session.shop,
    email: context.session.onlineAccessInfo?.associated_user.email ?? null,
    userId: "sessionToken" in context ? (context.sessionToken.sub ?? null) : null,
  });
  return acceptTermsAction(appDeps(), context.session.shop, await request.formData(), who);
};

/** Settings → INTERNETMARKE terms: the link to Deutsche Post's terms with their version, and the acceptance. */
export default function TermsSettings() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = translator(loaded.locale);
  const terms = result?.terms ?? loaded.terms;
  const [ticked, setTicked] = useState(false);
  return (
    <Page title={t("terms.title")} backAction={{ content: t("settings.back"), url: "/app/settings" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.problem === "must-tick" ? <Banner tone="critical">{t("terms.mustTick")}</Banner> : null}
            <Card>
              <BlockStack gap="300">
                <Text as="p">{t("terms.intro")}</Text>
                <Text as="p">
                  <Link url={terms.url} target="_blank">
                    {t("terms.document", { version: terms.version })}
                  </Link>
                </Text>
                {terms.accepted ? (
                  <p id="terms-state" data-accepted="yes">
                    {t("terms.accepted", {
                      date: formatDateTime(terms.accepted.acceptedAt, loaded.locale),
                      who: terms.accepted.acceptedBy,
                      version: terms.accepted.version,
                    })}
                  </p>
                ) : (
                  <BlockStack gap="200">
                    <p id="terms-state" data-accepted="no">
                      {t("terms.notAccepted")}
                    </p>
                    <Form method="post">
                      <BlockStack gap="200">
                        <Checkbox
                          label={t("terms.checkbox", { shop: loaded.shop })}
                          checked={ticked}
                          onChange={setTicked}
                          name="accept"
                          value="yes"
                        />
                        <div>
                          <Button submit variant="primary" loading={busy} disabled={!ticked}>
                            {t("terms.accept")}
                          </Button>
                        </div>
                      </BlockStack>
                    </Form>
                  </BlockStack>
                )}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
