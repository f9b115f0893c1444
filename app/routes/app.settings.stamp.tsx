import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, FormLayout, Select, Text, Thumbnail } from "@shopify/polaris";
import { useState } from "react";
import { appDeps } from "~/app-deps.server";
import { fieldErrorFor, otherErrors } from "~/components/field-errors";
import { SampleStamp } from "~/components/SampleStamp";
import { SettingsForm } from "~/components/SettingsForm";
import { resolveLocale, translator } from "~/i18n";
import { translateDynamic } from "~/i18n/keys";
import { pageFormatGroups } from "~/settings/page-format-groups";
import { loadSettingsPage, saveSettingsPage } from "~/settings/pages.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const page = await loadSettingsPage(appDeps(), session.shop);
  return {
    pageFormatId: page.settings.pageFormatId,
    voucherLayout: page.settings.voucherLayout,
    labelOrder: page.settings.labelOrder,
    motifImageId: page.settings.motifImageId,
    pageFormats: page.pageFormats,
    motifs: page.motifs,
    products: page.products,
    connected: page.portokasse !== null,
    locale: resolveLocale(request),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const result = await saveSettingsPage(appDeps(), session.shop, "stamp", await request.formData());
  return result.ok ? { ok: true, errors: [] } : { ok: false, errors: result.errors };
};

export default function StampSettings() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { locale } = loaded;
  const t = translator(locale);
  const [layout, setLayout] = useState<string>(loaded.voucherLayout);
  const [formatId, setFormatId] = useState(loaded.pageFormatId === null ? "" : String(loaded.pageFormatId));
  const [motifId, setMotifId] = useState(loaded.motifImageId === null ? "" : String(loaded.motifImageId));
  const [labelOrder, setLabelOrder] = useState<string>(loaded.labelOrder);
  const groups = pageFormatGroups(loaded.pageFormats, {
    addressZone: layout === "ADDRESS_ZONE",
    currentId: loaded.pageFormatId,
  }).map((group) => ({
    title: translateDynamic(locale, `stamp.pageFormat.group.${group.kind}`),
    options: group.formats.map((f) => ({
      label: f.labelMm
        ? t("stamp.pageFormat.option", {
            name: f.name,
            width: f.labelMm.width,
            height: f.labelMm.height,
            columns: f.columns,
            rows: f.rows,
          })
        : t("stamp.pageFormat.optionNoSize", { name: f.name, columns: f.columns, rows: f.rows }),
      value: String(f.id),
    })),
  }));
  const format = loaded.pageFormats.find((f) => String(f.id) === formatId);
  const motifPossible = !format || format.isImagePossible;
  const motif = motifPossible ? loaded.motifs.find((m) => String(m.imageId) === motifId) : undefined;
  const motifOptions = [
    { label: t("stamp.motif.none"), value: "" },
    ...(motifPossible ? loaded.motifs : []).map((m) => ({
      label: `${m.private ? `${t("stamp.motif.private")}: ` : m.category ? `${m.category}: ` : ""}${m.description ?? m.imageId}`,
      value: String(m.imageId),
    })),
  ];
  const shown = (path: string) =>
    ["voucherLayout", "pageFormatId", "motifImageId", "labelOrder"].includes(path);

  return (
    <SettingsForm
      title={t("stamp.title")}
      locale={locale}
      result={result}
      otherErrors={otherErrors(result?.errors, shown, locale)}
    >
      {!loaded.connected || loaded.pageFormats.length === 0 ? (
        <Banner tone="info">{t("stamp.noCatalog")}</Banner>
      ) : null}
      <Card>
        <FormLayout>
          <Select
            label={t("stamp.layout")}
            name="voucherLayout"
            options={[
              { label: t("stamp.layout.ADDRESS_ZONE"), value: "ADDRESS_ZONE" },
              { label: t("stamp.layout.FRANKING_ZONE"), value: "FRANKING_ZONE" },
            ]}
            value={layout}
            onChange={setLayout}
            helpText={t("stamp.layout.help")}
            error={fieldErrorFor(result?.errors, "voucherLayout", locale)}
          />
          <Select
            label={t("stamp.labelOrder")}
            name="labelOrder"
            options={[
              { label: t("stamp.labelOrder.ORDER_NAME"), value: "ORDER_NAME" },
              { label: t("stamp.labelOrder.SKU"), value: "SKU" },
            ]}
            value={labelOrder}
            onChange={setLabelOrder}
            helpText={t("stamp.labelOrder.help")}
            error={fieldErrorFor(result?.errors, "labelOrder", locale)}
          />
          <Select
            label={t("stamp.pageFormat")}
            name="pageFormatId"
            options={[{ label: t("stamp.pageFormat.none"), value: "" }, ...groups]}
            value={formatId}
            onChange={setFormatId}
            helpText={layout === "ADDRESS_ZONE" ? t("stamp.pageFormat.addressOnly") : undefined}
            error={fieldErrorFor(result?.errors, "pageFormatId", locale)}
          />
          <Select
            label={t("stamp.motif")}
            name="motifImageId"
            options={motifOptions}
            value={motifPossible ? motifId : ""}
            onChange={setMotifId}
            helpText={motifPossible ? undefined : t("settings.error.formatWithoutMotif")}
            error={fieldErrorFor(result?.errors, "motifImageId", locale)}
          />
          {motif?.thumbnailLink ? (
            <Thumbnail source={motif.thumbnailLink} alt={motif.description ?? ""} size="large" />
          ) : null}
        </FormLayout>
      </Card>
      {loaded.connected && loaded.products.length > 0 ? (
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t("stamp.sample")}
            </Text>
            <Text as="p" tone="subdued">
              {t("stamp.sample.help")}
            </Text>
            <SampleStamp
              locale={locale}
              products={loaded.products}
              layout={layout}
              pageFormatId={formatId}
              imageId={motifPossible ? motifId : ""}
            />
          </BlockStack>
        </Card>
      ) : null}
    </SettingsForm>
  );
}
