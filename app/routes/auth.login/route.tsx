import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import {
  AppProvider as PolarisAppProvider,
  Button,
  Card,
  FormLayout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { useState } from "react";
import { resolveLocale, translator } from "~/i18n";
import { polarisTranslations } from "~/i18n/polaris";
import { login } from "~/shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

/** Outside the embedded admin: the merchant names the shop and is sent through Shopify's OAuth. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const errors = await login(request);
  const locale = resolveLocale(request);
  return { errors: typeof errors === "object" ? errors : {}, locale };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const errors = await login(request);
  return { errors: typeof errors === "object" ? errors : {} };
};

export default function Login() {
  const { errors: loaderErrors, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const t = translator(locale);
  const errors = { ...loaderErrors, ...actionData?.errors };
  return (
    <PolarisAppProvider i18n={polarisTranslations(locale)}>
      <Page>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h2">
                {t("login.heading")}
              </Text>
              <TextField
                type="text"
                name="shop"
                label={t("login.shop")}
                helpText="example.myshopify.com"
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={"shop" in errors ? String(errors.shop) : undefined}
              />
              <Button submit>{t("login.submit")}</Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </PolarisAppProvider>
  );
}
