import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BlockStack, Button, Card, InlineGrid, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { appDeps } from "~/app-deps.server";
import { fieldErrorFor, otherErrors } from "~/components/field-errors";
import { CriteriaFields, RowActions } from "~/components/RuleRow";
import { SettingsForm } from "~/components/SettingsForm";
import { resolveLocale, translator } from "~/i18n";
import { loadSettingsPage, saveSettingsPage } from "~/settings/pages.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const { settings } = await loadSettingsPage(appDeps(), session.shop);
  return {
    presets: settings.packagingPresets,
    defaultPackagingId: settings.defaultPackagingId,
    packagingChoice: settings.packagingChoice,
    rules: settings.packagingRules,
    locale: resolveLocale(request),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const result = await saveSettingsPage(appDeps(), session.shop, "packaging", await request.formData());
  return result.ok ? { ok: true, errors: [] } : { ok: false, errors: result.errors };
};

const MEASURES = ["tareG", "lengthMm", "widthMm", "heightMm", "maxContentG"] as const;
const CHOICES = ["smallest-fitting", "default"] as const;
type Row = { id: string; name: string } & Record<(typeof MEASURES)[number], string>;
type RuleRow = { shippingMethod: string; tag: string; packagingId: string };

export default function PackagingSettings() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { locale } = loaded;
  const t = translator(locale);
  const [presets, setPresets] = useState<Row[]>(() =>
    loaded.presets.map((p) => ({
      ...p,
      tareG: String(p.tareG),
      lengthMm: String(p.lengthMm),
      widthMm: String(p.widthMm),
      heightMm: String(p.heightMm),
      maxContentG: p.maxContentG === null ? "" : String(p.maxContentG),
    })),
  );
  const [defaultId, setDefaultId] = useState(loaded.defaultPackagingId);
  const [choice, setChoice] = useState<string>(loaded.packagingChoice);
  const [rules, setRules] = useState<RuleRow[]>(() =>
    loaded.rules.map((r) => ({
      shippingMethod: r.shippingMethod ?? "",
      tag: r.tag ?? "",
      packagingId: r.packagingId,
    })),
  );
  const error = (path: string) => fieldErrorFor(result?.errors, path, locale);
  const options = presets.map((p) => ({ label: p.name || p.id, value: p.id }));
  const shown = (path: string) =>
    /^(packagingPresets\.\d+\.(name|tareG|lengthMm|widthMm|heightMm|maxContentG)|defaultPackagingId|packagingChoice|packagingRules\.\d+\.)/.test(
      path,
    );

  return (
    <SettingsForm
      title={t("packaging.title")}
      locale={locale}
      result={result}
      otherErrors={otherErrors(result?.errors, shown, locale)}
    >
      <Card>
        <BlockStack gap="400">
          <Text as="p">{t("packaging.intro")}</Text>
          <Text as="p" tone="subdued">
            {t("packaging.maxContentG")}: {t("packaging.maxContentG.help")}
          </Text>
          {presets.map((preset, i) => (
            <InlineGrid
              key={preset.id}
              columns={{ xs: 1, md: "2fr 1fr 1fr 1fr 1fr 1fr auto" }}
              gap="200"
              alignItems="end"
            >
              <input type="hidden" name={`packagingPresets.${i}.id`} value={preset.id} />
              <TextField
                label={t("packaging.name")}
                name={`packagingPresets.${i}.name`}
                value={preset.name}
                onChange={(name) => setPresets(presets.map((p, j) => (j === i ? { ...p, name } : p)))}
                autoComplete="off"
                error={error(`packagingPresets.${i}.name`)}
              />
              {MEASURES.map((m) => (
                <TextField
                  key={m}
                  label={t(`packaging.${m}`)}
                  name={`packagingPresets.${i}.${m}`}
                  type="number"
                  value={preset[m]}
                  onChange={(value) =>
                    setPresets(presets.map((p, j) => (j === i ? { ...p, [m]: value } : p)))
                  }
                  autoComplete="off"
                  error={error(`packagingPresets.${i}.${m}`)}
                />
              ))}
              <RowActions
                locale={locale}
                onRemove={
                  presets.length > 1 ? () => setPresets(presets.filter((_, j) => j !== i)) : undefined
                }
              />
            </InlineGrid>
          ))}
          <InlineStack>
            <Button
              onClick={() =>
                setPresets([
                  ...presets,
                  {
                    id: `p-${Date.now().toString(36)}`,
                    name: "",
                    tareG: "",
                    lengthMm: "",
                    widthMm: "",
                    heightMm: "",
                    maxContentG: "",
                  },
                ])
              }
            >
              {t("packaging.add")}
            </Button>
          </InlineStack>
          <Select
            label={t("packaging.default")}
            name="defaultPackagingId"
            options={options}
            value={defaultId}
            onChange={setDefaultId}
            error={error("defaultPackagingId")}
          />
          <Select
            label={t("packaging.choice")}
            name="packagingChoice"
            options={CHOICES.map((c) => ({ label: t(`packaging.choice.${c}`), value: c }))}
            value={choice}
            onChange={setChoice}
            error={error("packagingChoice")}
          />
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="400">
          <Text as="h2" variant="headingMd">
            {t("packaging.rules")}
          </Text>
          <Text as="p" tone="subdued">
            {t("packaging.rules.help")} {t("rules.criteria.help")}
          </Text>
          {rules.map((rule, i) => (
            <InlineGrid key={i} columns={{ xs: 1, md: "1fr 1fr 1fr auto" }} gap="200" alignItems="end">
              <CriteriaFields
                locale={locale}
                prefix={`packagingRules.${i}`}
                value={rule}
                onChange={(criteria) => setRules(rules.map((r, j) => (j === i ? { ...r, ...criteria } : r)))}
                errors={result?.errors}
              />
              <Select
                label={t("packaging.title")}
                name={`packagingRules.${i}.packagingId`}
                options={options}
                value={rule.packagingId}
                onChange={(packagingId) =>
                  setRules(rules.map((r, j) => (j === i ? { ...r, packagingId } : r)))
                }
                error={error(`packagingRules.${i}.packagingId`)}
              />
              <RowActions locale={locale} onRemove={() => setRules(rules.filter((_, j) => j !== i))} />
            </InlineGrid>
          ))}
          <InlineStack>
            <Button
              onClick={() => setRules([...rules, { shippingMethod: "", tag: "", packagingId: defaultId }])}
            >
              {t("packaging.rules.add")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Card>
    </SettingsForm>
  );
}
