/**
 * Reasons, notes, flags and stored problem codes in the merchant's language, from structured data only:
 * the engine's English sentence is never shown (only as the last resort for a key no language knows).
 *
 * A reason is `reason.<key>` filled with its values; notes follow as `note.<key>`. Values are prepared by
 * their name, so a new reason needs nothing but its two message entries:
 * - `…G` (weightG, tareG, maxWeightG): grams in the locale's number format ("2.001" in German)
 * - `…Cents`: euros ("1,10 €")
 * - `zone`: `zone.<value>`; `country`: the country's name; `service`: `service.<value>`
 * - `field` / `fields`: `field.<code>` (a comma list for `fields`)
 * - `criteria.shippingMethod`, `criteria.tag`, `criteria.orderValueAboveCents` become `{criteria}`
 */
import { mappingReasonText } from "./mapping-text";
import { formatEuro, formatNumber } from "~/components/format";
import { translate, type Locale } from "./index";
import { translateDynamic } from "./keys";

export interface Structured {
  key: string;
  values: Record<string, string | number>;
  notes?: Structured[];
}

interface Explained {
  reason: string;
  reasonParams: Structured | null;
}

const CRITERIA = ["criteria.shippingMethod", "criteria.tag", "criteria.orderValueAboveCents"] as const;

export function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

function criteriaText(values: Record<string, string | number>, locale: Locale): string {
  const parts = CRITERIA.flatMap((name) => {
    const value = values[name];
    if (value === undefined) return [];
    const shown =
      name === "criteria.orderValueAboveCents" ? formatEuro(Number(value), locale) : String(value);
    return [translate(locale, name, { value: shown })];
  });
  return parts.length > 0
    ? parts.join(translate(locale, "criteria.and"))
    : translate(locale, "criteria.every");
}

/** The values of a reason or note, ready to fill into its message. */
export function prepareValues(values: Record<string, string | number>, locale: Locale) {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name.startsWith("criteria.")) continue;
    if (typeof value === "number" && /G$/.test(name)) out[name] = formatNumber(value, locale);
    else if (typeof value === "number" && /Cents$/.test(name)) out[name] = formatEuro(value, locale);
    else if (name === "zone") out[name] = translateDynamic(locale, `zone.${value}`, {}, String(value));
    else if (name === "country") out[name] = countryName(String(value), locale);
    else if (name === "service") out[name] = translateDynamic(locale, `service.${value}`, {}, String(value));
    else if (name === "field") out[name] = translateDynamic(locale, `field.${value}`, {}, String(value));
    else if (name === "fields")
      out[name] = String(value)
        .split(",")
        .map((code) => translateDynamic(locale, `field.${code.trim()}`, {}, code))
        .join(", ");
    else out[name] = value;
  }
  out.criteria = criteriaText(values, locale);
  return out;
}

/** One structured message (`<prefix>.<key>`), or null when no message exists for it. */
function render(prefix: string, item: Structured, locale: Locale): string | null {
  const text = translateDynamic(locale, `${prefix}.${item.key}`, prepareValues(item.values, locale), "");
  return text === "" ? null : text;
}

/** Why an order gets its product (or none), with the notes (rules applied, upgrades, defaults used). */
export function reasonText(line: Explained, locale: Locale): string {
  const params = line.reasonParams;
  if (!params) return line.reason;
  // The product-choice edges (exact weight, customs, substitution, packaging by fit) render themselves.
  const edge = mappingReasonText(params, locale);
  if (edge !== null) return edge;
  const head = render("reason", params, locale);
  if (head === null) return line.reason;
  const notes = (params.notes ?? []).map((note) => render("note", note, locale) ?? note.key);
  return [head, ...notes].join("; ");
}

/** A flag of a previewed order ("missing-weight:<title>", "customs-declaration", ...) as a short note. */
export function flagText(flag: string, locale: Locale): string {
  const [name = flag, detail = ""] = flag.split(/:(.*)/s);
  return translateDynamic(
    locale,
    `preview.flag.${name}`,
    { items: detail },
    translate(locale, "preview.flag.other"),
  );
}

/**
 * A stored problem of a batch order or batch (`insufficient_balance`, `no_address`, `validation_failed: …`,
 * a mapping error code): the merchant's sentence. The technical detail after the colon is shown in English
 * only; a German page gets the sentence alone. Unknown codes read as a generic sentence, never raw.
 */
export function problemText(stored: string, locale: Locale): string {
  const [code = stored, detail = ""] = stored.split(/:\s*(.*)/s);
  const variants = [code.trim(), code.trim().replace(/-/g, "_"), code.trim().replace(/_/g, "-")];
  const keys = variants.flatMap((c) => [`preview.error.${c}`, `reason.${c}`, `problem.${c}`]);
  const text = keys.map((key) => translateDynamic(locale, key, {}, "")).find((t) => t !== "") ?? "";
  if (text === "") return translate(locale, "problem.unknown");
  return locale === "en" && detail ? `${text} (${detail})` : text;
}
