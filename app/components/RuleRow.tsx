import { Button, TextField } from "@shopify/polaris";
import { translator, type Locale } from "~/i18n";
import type { FieldError } from "~/settings/errors";
import { fieldErrorFor } from "./field-errors";

/** The criteria every rule has: shipping method and order tag (empty: any). */
export function CriteriaFields(props: {
  locale: Locale;
  prefix: string;
  value: { shippingMethod: string; tag: string };
  onChange: (value: { shippingMethod: string; tag: string }) => void;
  errors: readonly FieldError[] | undefined;
}) {
  const t = translator(props.locale);
  const { value, prefix } = props;
  return (
    <>
      <TextField
        label={t("rules.shippingMethod")}
        name={`${prefix}.shippingMethod`}
        value={value.shippingMethod}
        placeholder={t("settings.any")}
        onChange={(shippingMethod) => props.onChange({ ...value, shippingMethod })}
        autoComplete="off"
        error={fieldErrorFor(props.errors, `${prefix}.shippingMethod`, props.locale)}
      />
      <TextField
        label={t("rules.tag")}
        name={`${prefix}.tag`}
        value={value.tag}
        placeholder={t("settings.any")}
        onChange={(tag) => props.onChange({ ...value, tag })}
        autoComplete="off"
        error={fieldErrorFor(props.errors, `${prefix}.tag`, props.locale)}
      />
    </>
  );
}

/** The remove button at the end of a row; nothing when the row cannot be removed. */
export function RowActions(props: { locale: Locale; onRemove: (() => void) | undefined }) {
  const t = translator(props.locale);
  if (!props.onRemove) return <span />;
  return (
    <Button tone="critical" variant="plain" onClick={props.onRemove}>
      {t("settings.remove")}
    </Button>
  );
}
