/**
 * The Settings → Automatik form: comma-separated lists and euro amounts ("50,00") to the rules document.
 * Errors come back per field with a message key of app/i18n. Pure.
 */
import type { FieldError } from "~/settings/errors";
import { type AutomationConfig, automationConfigSchema } from "./rules";

const list = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(/[,;\n]/)
    .map((v) => v.trim())
    .filter(Boolean);

/** "50", "50,5", "1.234,56" (German) or "50.00" to cents; "" to null; anything else to NaN. */
export function euroToCents(value: FormDataEntryValue | null): number | null {
  const text = String(value ?? "").trim();
  if (text === "") return null;
  const normal = /,\d{1,2}$/.test(text) ? text.replace(/\./g, "").replace(",", ".") : text.replace(/,/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(normal)) return Number.NaN;
  return Math.round(Number(normal) * 100);
}

const AMOUNTS = {
  minOrder: "minOrderCents",
  maxOrder: "maxOrderCents",
  dailyLimit: "dailyLimitCents",
  minBalance: "minBalanceCents",
} as const;

export function parseAutomationForm(
  form: FormData,
): { ok: true; config: AutomationConfig } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const amounts: Partial<Record<(typeof AMOUNTS)[keyof typeof AMOUNTS], number | null>> = {};
  for (const [field, key] of Object.entries(AMOUNTS)) {
    const cents = euroToCents(form.get(field));
    if (cents !== null && Number.isNaN(cents))
      errors.push({ path: field, key: "automation.error.amount", params: {} });
    else amounts[key] = cents;
  }
  const parsed = automationConfigSchema.safeParse({
    enabled: form.get("enabled") === "on" || form.get("enabled") === "true",
    schedule: form.get("schedule") === "now" ? "now" : "times",
    times: list(form.get("times")),
    timeZone: String(form.get("timeZone") ?? "").trim() || "Europe/Berlin",
    countries: list(form.get("countries")),
    shippingMethods: list(form.get("shippingMethods")),
    tags: list(form.get("tags")),
    productCodes: form.getAll("productCodes").map(Number),
    ...amounts,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      const key = issue.message.startsWith("automation.error.") ? issue.message : "automation.error.invalid";
      if (!errors.some((e) => e.path === field)) errors.push({ path: field, key, params: {} });
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  if (parsed.data.schedule === "times" && parsed.data.times.length === 0) {
    return { ok: false, errors: [{ path: "times", key: "automation.error.time", params: {} }] };
  }
  return { ok: true, config: parsed.data };
}
