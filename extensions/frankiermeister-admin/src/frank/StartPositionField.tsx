import { t } from "../i18n";

/** Label slots on a sheet are counted from 1; the app checks the upper bound against the page format. */
export function parseStartPosition(text: string): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const position = Number(text.trim());
  return position >= 1 ? position : null;
}

interface Props {
  value: string;
  onChange: (value: string) => void;
}

/** Where on the label sheet the first stamp goes: skip the labels already used on a partly printed sheet. */
export function StartPositionField({ value, onChange }: Props) {
  const valid = parseStartPosition(value) !== null;
  return (
    <s-number-field
      label={t("frank.startPosition.label")}
      details={t("frank.startPosition.details")}
      name="startPosition"
      value={value}
      min={1}
      step={1}
      error={valid ? undefined : t("frank.startPosition.invalid")}
      onInput={(event) => onChange(event.currentTarget.value)}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
