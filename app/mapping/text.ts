// Number formatting for reason lines (English, fixed: no locale lookups, so results are stable everywhere).
import { orderedSides, type Dimensions } from "./formats";
import type { RegisteredMail, RuleCriteria } from "./types";

/** 2540 → "2,540 g" */
export function grams(value: number): string {
  return `${thousands(value)} g`;
}

/** 10000 → "€100.00" */
export function euros(cents: number): string {
  const whole = Math.floor(Math.abs(cents) / 100);
  const rest = String(Math.abs(cents) % 100).padStart(2, "0");
  return `${cents < 0 ? "-" : ""}€${thousands(whole)}.${rest}`;
}

/** 20 → "20 g", 20.4 → "20.4 g": grams with a decimal only when there is one. */
export function decimalGrams(value: number): string {
  if (Number.isInteger(value)) return grams(value);
  const [whole = "0", fraction = ""] = value.toFixed(1).split(".");
  return `${thousands(Number(whole))}.${fraction} g`;
}

function thousands(value: number): string {
  const digits = String(Math.trunc(Math.abs(value)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return value < 0 ? `-${grouped}` : grouped;
}

/** Sides longest first: "353 × 250 × 20 mm". */
export function size(d: Dimensions): string {
  return `${orderedSides(d).join(" × ")} mm`;
}

export const SERVICE_LABEL: Record<RegisteredMail, string> = {
  EINSCHREIBEN_EINWURF: "Einschreiben Einwurf",
  EINSCHREIBEN: "Einschreiben",
  EINSCHREIBEN_RUECKSCHEIN: "Einschreiben Rückschein",
};

/** 10000 in EUR → "€100.00"; in another currency "USD 100.00" (the shop's currency, from Shopify). */
export function money(cents: number, currencyCode: string | null | undefined): string {
  const code = (currencyCode ?? "EUR").toUpperCase();
  return code === "EUR" ? euros(cents) : `${code} ${euros(cents).replace("€", "")}`;
}

/** `shipping method "Express" and tag "vip"`, `order value above €100.00`, or `every order`. */
export function describeCriteria(
  rule: RuleCriteria & { orderValueAboveCents?: number },
  currencyCode?: string | null,
): string {
  const parts: string[] = [];
  if (rule.shippingMethod?.trim()) parts.push(`shipping method "${rule.shippingMethod.trim()}"`);
  if (rule.tag?.trim()) parts.push(`tag "${rule.tag.trim()}"`);
  if (rule.orderValueAboveCents !== undefined)
    parts.push(`order value above ${money(rule.orderValueAboveCents, currencyCode)}`);
  return parts.length > 0 ? parts.join(" and ") : "every order";
}

/** "Poster, Mug" or "Poster, Mug and 3 more" */
export function listTitles(titles: readonly string[], max = 3): string {
  const shown = titles.slice(0, max).join(", ");
  return titles.length > max ? `${shown} and ${titles.length - max} more` : shown;
}

/**
 * A rule's criteria as reason values, so each language can phrase them (`{criteria}` in a message):
 * `criteria.shippingMethod`, `criteria.tag`, `criteria.orderValueAboveCents`.
 */
export function criteriaValues(
  rule: RuleCriteria & { orderValueAboveCents?: number },
): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  if (rule.shippingMethod?.trim()) values["criteria.shippingMethod"] = rule.shippingMethod.trim();
  if (rule.tag?.trim()) values["criteria.tag"] = rule.tag.trim();
  if (rule.orderValueAboveCents !== undefined) values["criteria.orderValueAboveCents"] = rule.orderValueAboveCents;
  return values;
}
