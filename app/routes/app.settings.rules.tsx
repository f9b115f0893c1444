import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import {
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineGrid,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { appDeps } from "~/app-deps.server";
import { fieldErrorFor, otherErrors } from "~/components/field-errors";
import { centsToInput, formatEuro } from "~/components/format";
import { CriteriaFields, RowActions } from "~/components/RuleRow";
import { SettingsForm } from "~/components/SettingsForm";
import { resolveLocale, translator } from "~/i18n";
import { loadSettingsPage, saveSettingsPage } from "~/settings/pages.server";
import { shopCurrency } from "~/shopify/shop-currency.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const { settings, products } = await loadSettingsPage(appDeps(), session.shop);
  return {
    currency: await shopCurrency(admin),
    registeredMailRules: settings.registeredMailRules,
    registeredMailFromShippingMethod: settings.registeredMailFromShippingMethod,
    productOverrides: settings.productOverrides,
    defaultItemWeightG: settings.defaultItemWeightG,
    allowWarensendung: settings.allowWarensendung,
    unservedCountries: settings.unservedCountries,
    automaticRefunds: settings.automaticRefunds,
    notifyCustomer: settings.notifyCustomer,
    products,
    locale: resolveLocale(request),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const result = await saveSettingsPage(appDeps(), session.shop, "rules", await request.formData());
  return result.ok ? { ok: true, errors: [] } : { ok: false, errors: result.errors };
};

const SERVICES = ["EINSCHREIBEN_EINWURF", "EINSCHREIBEN", "EINSCHREIBEN_RUECKSCHEIN"] as const;
const WHEN_UNAVAILABLE = ["substitute", "leave-out"] as const;
type Registered = {
  shippingMethod: string;
  tag: string;
  orderValueAboveEuros: string;
  service: string;
  whenUnavailable: string;
};
type Override = { shippingMethod: string; tag: string; productCode: string };

export default function RulesSettings() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { locale } = loaded;
  const t = translator(locale);
  const error = (path: string) => fieldErrorFor(result?.errors, path, locale);
  const [registered, setRegistered] = useState<Registered[]>(() =>
    loaded.registeredMailRules.map((r) => ({
      shippingMethod: r.shippingMethod ?? "",
      tag: r.tag ?? "",
      orderValueAboveEuros: centsToInput(r.orderValueAboveCents),
      service: r.service,
      whenUnavailable: r.whenUnavailable,
    })),
  );
  const [overrides, setOverrides] = useState<Override[]>(() =>
    loaded.productOverrides.map((o) => ({
      shippingMethod: o.shippingMethod ?? "",
      tag: o.tag ?? "",
      productCode: String(o.productCode),
    })),
  );
  const [weight, setWeight] = useState(
    loaded.defaultItemWeightG === null ? "" : String(loaded.defaultItemWeightG),
  );
  const [warensendung, setWarensendung] = useState(loaded.allowWarensendung);
  const [fromMethod, setFromMethod] = useState(loaded.registeredMailFromShippingMethod);
  const currency = loaded.currency ?? "–";
  const unavailableOptions = WHEN_UNAVAILABLE.map((w) => ({
    label: t(`rules.whenUnavailable.${w}`),
    value: w,
  }));
  const [countries, setCountries] = useState(loaded.unservedCountries.join(", "));
  const [autoRefunds, setAutoRefunds] = useState(loaded.automaticRefunds);
  const [notify, setNotify] = useState(loaded.notifyCustomer);
  const serviceOptions = SERVICES.map((s) => ({ label: t(`rules.service.${s}`), value: s }));
  const productOptions = loaded.products.map((p) => ({
    label: `${p.name} (${p.code}, ${formatEuro(p.priceCents, locale)})`,
    value: String(p.code),
  }));
  const update = <T,>(list: T[], i: number, change: Partial<T>) =>
    list.map((row, j) => (j === i ? { ...row, ...change } : row));
  const countriesError = result?.errors.find((e) => e.path.startsWith("unservedCountries"));
  const shown = (path: string) =>
    /^(registeredMailRules|productOverrides)\.\d+\.|^(defaultItemWeightG|allowWarensendung|unservedCountries|automaticRefunds|notifyCustomer|registeredMailFromShippingMethod)/.test(
      path,
    );

  return (
    <SettingsForm
      title={t("rules.title")}
      locale={locale}
      result={result}
      otherErrors={otherErrors(result?.errors, shown, locale)}
    >
      <Card>
        <BlockStack gap="400">
          <Text as="h2" variant="headingMd">
            {t("rules.registered")}
          </Text>
          <Text as="p" tone="subdued">
            {t("rules.registered.help")} {t("rules.criteria.help")} {t("rules.currency.help", { currency })}
          </Text>
          {registered.map((rule, i) => (
            <InlineGrid
              key={i}
              columns={{ xs: 1, md: "1fr 1fr 1fr 1fr 1fr auto" }}
              gap="200"
              alignItems="end"
            >
              <CriteriaFields
                locale={locale}
                prefix={`registeredMailRules.${i}`}
                value={rule}
                errors={result?.errors}
                onChange={(c) => setRegistered(update(registered, i, c))}
              />
              <TextField
                label={t("rules.orderValueAboveIn", { currency })}
                name={`registeredMailRules.${i}.orderValueAboveEuros`}
                value={rule.orderValueAboveEuros}
                placeholder={t("settings.any")}
                onChange={(orderValueAboveEuros) =>
                  setRegistered(update(registered, i, { orderValueAboveEuros }))
                }
                autoComplete="off"
                error={error(`registeredMailRules.${i}.orderValueAboveCents`)}
              />
              <Select
                label={t("rules.service")}
                name={`registeredMailRules.${i}.service`}
                options={serviceOptions}
                value={rule.service}
                onChange={(service) => setRegistered(update(registered, i, { service }))}
                error={error(`registeredMailRules.${i}.service`)}
              />
              <Select
                label={t("rules.whenUnavailable")}
                name={`registeredMailRules.${i}.whenUnavailable`}
                options={unavailableOptions}
                value={rule.whenUnavailable}
                onChange={(whenUnavailable) => setRegistered(update(registered, i, { whenUnavailable }))}
                error={error(`registeredMailRules.${i}.whenUnavailable`)}
              />
              <RowActions
                locale={locale}
                onRemove={() => setRegistered(registered.filter((_, j) => j !== i))}
              />
            </InlineGrid>
          ))}
          <InlineStack>
            <Button
              onClick={() =>
                setRegistered([
                  ...registered,
                  {
                    shippingMethod: "",
                    tag: "",
                    orderValueAboveEuros: "",
                    service: "EINSCHREIBEN",
                    whenUnavailable: "substitute",
                  },
                ])
              }
            >
              {t("rules.registered.add")}
            </Button>
          </InlineStack>
          <input type="hidden" name="registeredMailFromShippingMethod" value={String(fromMethod)} />
          <Checkbox
            label={t("rules.fromShippingMethod")}
            helpText={t("rules.fromShippingMethod.help")}
            checked={fromMethod}
            onChange={setFromMethod}
          />
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="400">
          <Text as="h2" variant="headingMd">
            {t("rules.overrides")}
          </Text>
          <Text as="p" tone="subdued">
            {t("rules.overrides.help")} {t("rules.criteria.help")}
          </Text>
          {overrides.map((rule, i) => (
            <InlineGrid key={i} columns={{ xs: 1, md: "1fr 1fr 2fr auto" }} gap="200" alignItems="end">
              <CriteriaFields
                locale={locale}
                prefix={`productOverrides.${i}`}
                value={rule}
                errors={result?.errors}
                onChange={(c) => setOverrides(update(overrides, i, c))}
              />
              <Select
                label={t("rules.product")}
                name={`productOverrides.${i}.productCode`}
                options={productOptions}
                value={rule.productCode}
                onChange={(productCode) => setOverrides(update(overrides, i, { productCode }))}
                error={error(`productOverrides.${i}.productCode`)}
              />
              <RowActions
                locale={locale}
                onRemove={() => setOverrides(overrides.filter((_, j) => j !== i))}
              />
            </InlineGrid>
          ))}
          <InlineStack>
            <Button
              onClick={() =>
                setOverrides([
                  ...overrides,
                  { shippingMethod: "", tag: "", productCode: productOptions[0]?.value ?? "" },
                ])
              }
            >
              {t("rules.overrides.add")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Card>
      <Card>
        <FormLayout>
          <TextField
            label={t("rules.defaultItemWeight")}
            name="defaultItemWeightG"
            type="number"
            value={weight}
            onChange={setWeight}
            helpText={t("rules.defaultItemWeight.help")}
            autoComplete="off"
            error={error("defaultItemWeightG")}
          />
          <input type="hidden" name="allowWarensendung" value={String(warensendung)} />
          <Checkbox
            label={t("rules.allowWarensendung")}
            helpText={t("rules.allowWarensendung.help")}
            checked={warensendung}
            onChange={setWarensendung}
          />
          <TextField
            label={t("rules.unserved")}
            name="unservedCountries"
            value={countries}
            onChange={setCountries}
            helpText={t("rules.unserved.help")}
            autoComplete="off"
            error={countriesError ? error(countriesError.path) : undefined}
          />
          <input type="hidden" name="notifyCustomer" value={String(notify)} />
          <Checkbox
            label={t("rules.notifyCustomer")}
            helpText={t("rules.notifyCustomer.help")}
            checked={notify}
            onChange={setNotify}
          />
          <input type="hidden" name="automaticRefunds" value={String(autoRefunds)} />
          <Checkbox
            label={t("rules.automaticRefunds")}
            helpText={t("rules.automaticRefunds.help")}
            checked={autoRefunds}
            onChange={setAutoRefunds}
          />
        </FormLayout>
      </Card>
    </SettingsForm>
  );
}
