import { Banner, BlockStack, Button, InlineStack, Select } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { translator, type Locale } from "~/i18n";

/**
 * A free sample stamp from the app's `/app/sample-stamp` route. Fetched with `fetch` (App Bridge adds the
 * session token) and shown from a blob URL, because an <img src> could not carry the token.
 */
export function SampleStamp(props: {
  locale: Locale;
  products: Array<{ code: number; name: string }>;
  layout: string;
  pageFormatId: string;
  imageId: string;
}) {
  const t = translator(props.locale);
  const [product, setProduct] = useState(String(props.products[0]?.code ?? ""));
  const [image, setImage] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => () => (image ? URL.revokeObjectURL(image) : undefined), [image]);

  async function load(format: "png" | "pdf") {
    setBusy(true);
    setFailed(false);
    const query = new URLSearchParams({ productCode: product, layout: props.layout, format });
    if (props.pageFormatId) query.set("pageFormatId", props.pageFormatId);
    if (props.imageId) query.set("imageId", props.imageId);
    try {
      const response = await fetch(`/app/sample-stamp?${query.toString()}`);
      if (!response.ok) throw new Error(String(response.status));
      const url = URL.createObjectURL(await response.blob());
      if (format === "pdf") window.open(url, "_blank");
      else setImage(url);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <BlockStack gap="300">
      <Select
        label={t("stamp.sample.product")}
        options={props.products.map((p) => ({ label: `${p.name} (${p.code})`, value: String(p.code) }))}
        value={product}
        onChange={setProduct}
      />
      <InlineStack gap="200">
        <Button onClick={() => void load("png")} loading={busy}>
          {t("stamp.sample.show")}
        </Button>
        {props.pageFormatId ? (
          <Button onClick={() => void load("pdf")} loading={busy}>
            {t("stamp.sample.pdf")}
          </Button>
        ) : null}
      </InlineStack>
      {failed ? <Banner tone="critical">{t("stamp.sample.failed")}</Banner> : null}
      {image ? (
        <img src={image} alt={t("stamp.sample")} style={{ maxWidth: 320, border: "1px solid #ddd" }} />
      ) : null}
    </BlockStack>
  );
}
