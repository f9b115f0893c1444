import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Card, FormLayout, TextField } from "@shopify/polaris";
import { useState } from "react";
import { appDeps } from "~/app-deps.server";
import { fieldErrorFor, otherErrors } from "~/components/field-errors";
import { SettingsForm } from "~/components/SettingsForm";
import { resolveLocale, translator, type MessageKey } from "~/i18n";
import { loadSettingsPage, saveSettingsPage } from "~/settings/pages.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const page = await loadSettingsPage(appDeps(), session.shop);
  return { sender: page.settings.sender, locale: resolveLocale(request) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const result = await saveSettingsPage(appDeps(), session.shop, "sender", await request.formData());
  return result.ok ? { ok: true, errors: [] } : { ok: false, errors: result.errors };
};

const FIELDS: Array<{
  name: "name" | "company" | "street" | "postalCode" | "city";
  label: MessageKey;
  autoComplete: string;
}> = [
  { name: "name", label: "sender.name", autoComplete: "name" },
  { name: "company", label: "sender.company", autoComplete: "organization" },
  { name: "street", label: "sender.street", autoComplete: "address-line1" },
  { name: "postalCode", label: "sender.postalCode", autoComplete: "postal-code" },
  { name: "city", label: "sender.city", autoComplete: "address-level2" },
];

export default function SenderSettings() {
  const { sender, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = translator(locale);
  const [values, setValues] = useState<Record<string, string>>({
    name: sender?.name ?? "",
    company: sender?.company ?? "",
    street: sender?.street ?? "",
    postalCode: sender?.postalCode ?? "",
    city: sender?.city ?? "",
  });
  const shown = (path: string) => path.startsWith("sender.");
  return (
    <SettingsForm
      title={t("sender.title")}
      locale={locale}
      result={result}
      otherErrors={otherErrors(result?.errors, shown, locale)}
    >
      <Card>
        <FormLayout>
          <p>{t("sender.intro")}</p>
          {FIELDS.map((field) => (
            <TextField
              key={field.name}
              label={t(field.label)}
              name={`sender.${field.name}`}
              value={values[field.name] ?? ""}
              onChange={(value) => setValues({ ...values, [field.name]: value })}
              autoComplete={field.autoComplete}
              error={fieldErrorFor(result?.errors, `sender.${field.name}`, locale)}
            />
          ))}
          <input type="hidden" name="sender.country" value="DE" />
          <TextField label={t("sender.country")} value={t("sender.country.DE")} disabled autoComplete="off" />
        </FormLayout>
      </Card>
    </SettingsForm>
  );
}
