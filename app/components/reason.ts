import { type Locale } from "~/i18n";
import { translateDynamic } from "~/i18n/keys";
import { mappingReasonText } from "~/i18n/mapping-text";

interface Explained {
  reason: string;
  reasonParams: { key: string; values: Record<string, string | number> } | null;
}

/**
 * Why an order gets its product (or none), in the merchant's language. English shows the mapping engine's
 * own sentence (which also names the rules that applied); German fills `reason.<key>` with its values.
 */
export function reasonText(line: Explained, locale: Locale): string {
  const mapping = mappingReasonText(line.reasonParams, locale); // issue-16 reasons, both languages from data
  if (mapping !== null) return mapping;
  if (locale === "en" || !line.reasonParams) return line.reason;
  const values = { ...line.reasonParams.values };
  if (typeof values.zone === "string")
    values.zone = translateDynamic(locale, `zone.${values.zone}`, {}, values.zone);
  return translateDynamic(locale, `reason.${line.reasonParams.key}`, values, line.reason);
}

/** A flag of a previewed order ("missing-weight:<title>", "customs-declaration", ...) as a short note. */
export function flagText(flag: string, locale: Locale): string {
  const [name = flag, detail = ""] = flag.split(/:(.*)/s);
  return translateDynamic(locale, `preview.flag.${name}`, { items: detail }, flag);
}
