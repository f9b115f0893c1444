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
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { appDeps } from "~/app-deps.server";
import { formatDateTime, formatEuro } from "~/components/format";
import { resolveLocale, translator } from "~/i18n";
import { PORTOKASSE_PASSWORD_MAX } from "~/portokasse/limits";
import { TopUpCard } from "~/components/TopUpCard";
import { loadPortokassePage, portokasseAction } from "~/portokasse/page.server";
import { topUpAction } from "~/topup/page.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { ...(await loadPortokassePage(appDeps(), session.shop)), locale: resolveLocale(request) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  if (String(form.get("_action")).startsWith("top-up")) {
    return topUpAction(
      appDeps(),
      session.shop,
      form,
      session.onlineAccessInfo?.associated_user.email ?? session.shop,
    );
  }
  return portokasseAction(appDeps(), session.shop, form);
};

export default function PortokasseSettings() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const topUp = answer?.action === "top-up" ? answer : null;
  const result = answer && answer.action !== "top-up" ? answer : null;
  const busy = useNavigation().state !== "idle";
  const t = translator(loaded.locale);
  const portokasse = answer ? answer.portokasse : loaded.portokasse;
  const [username, setUsername] = useState(portokasse?.username ?? "");
  const [password, setPassword] = useState("");
  const problem = result?.problem ?? portokasse?.problem ?? null;
  const tooLong = password.length > PORTOKASSE_PASSWORD_MAX;
  // The password never stays in the page after a submission.
  useEffect(() => setPassword(""), [answer]);

  return (
    <Page title={t("portokasse.title")} backAction={{ content: t("settings.back"), url: "/app/settings" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.ok ? (
              <Banner tone="success">
                {t(result.action === "disconnect" ? "portokasse.disconnected" : "portokasse.ok")}
              </Banner>
            ) : null}
            {problem ? (
              <Banner tone={problem === "zero-balance" ? "warning" : "critical"}>
                <p id="portokasse-problem" data-problem={problem}>
                  {t(`portokasse.problem.${problem}`)}
                </p>
              </Banner>
            ) : null}
            <Card>
              <BlockStack gap="300">
                <Text as="p">{t("portokasse.intro")}</Text>
                {portokasse ? (
                  <BlockStack gap="100">
                    <Text as="p" variant="headingSm">
                      {t("portokasse.connectedAs", { username: portokasse.username })}
                    </Text>
                    <Text as="p" id="portokasse-balance">
                      {t("portokasse.balance")}:{" "}
                      {portokasse.balanceCents === null
                        ? t("portokasse.balance.unknown")
                        : t("portokasse.balanceAt", {
                            amount: formatEuro(portokasse.balanceCents, loaded.locale),
                            date: formatDateTime(portokasse.balanceCheckedAt, loaded.locale),
                          })}
                    </Text>
                    <Text as="p" tone="subdued">
                      {t("portokasse.lastChecked", {
                        date: formatDateTime(portokasse.lastCheckedAt, loaded.locale),
                      })}
                    </Text>
                    <InlineStack gap="200">
                      <Form method="post">
                        <input type="hidden" name="_action" value="test" />
                        <Button submit loading={busy}>
                          {t("portokasse.test")}
                        </Button>
                      </Form>
                      <Form method="post">
                        <input type="hidden" name="_action" value="disconnect" />
                        <Button submit tone="critical" loading={busy}>
                          {t("portokasse.disconnect")}
                        </Button>
                      </Form>
                    </InlineStack>
                  </BlockStack>
                ) : (
                  <Text as="p" tone="subdued">
                    {t("portokasse.notConnected")}
                  </Text>
                )}
              </BlockStack>
            </Card>
            {portokasse && (portokasse.problem === null || portokasse.problem === "zero-balance") ? (
              <TopUpCard
                locale={loaded.locale}
                username={portokasse.username}
                missingCents={null}
                result={topUp?.topUp ?? null}
                topUps={topUp?.topUps ?? loaded.topUps}
              />
            ) : null}
            <Card>
              <Form method="post" autoComplete="off">
                <input type="hidden" name="_action" value="connect" />
                <FormLayout>
                  <TextField
                    label={t("portokasse.username")}
                    name="username"
                    value={username}
                    onChange={setUsername}
                    autoComplete="username"
                  />
                  <TextField
                    label={t("portokasse.password")}
                    name="password"
                    type="password"
                    value={password}
                    onChange={setPassword}
                    autoComplete="new-password"
                    helpText={t("portokasse.password.help")}
                    error={tooLong ? t("portokasse.problem.password-too-long") : undefined}
                  />
                  <Button submit variant="primary" loading={busy} disabled={tooLong}>
                    {t("portokasse.connect")}
                  </Button>
                </FormLayout>
              </Form>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
