/**
 * The shop's automatic franking rules: which new paid, unfulfilled orders are franked without a click, and
 * when. One zod schema checks the stored document (`AutomationSetting.config`) and the settings form. Pure.
 */
import { z } from "zod";

/** "14:00" and "9:30" are accepted; stored as "HH:MM". */
export const TIME_OF_DAY = /^([01]?\d|2[0-3]):([0-5]\d)$/;

const timeOfDay = z
  .string()
  .trim()
  .regex(TIME_OF_DAY, { error: "automation.error.time" })
  .transform((t) => t.padStart(5, "0"));

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const cents = z.number().int().min(0).max(100_000_000);

export const automationConfigSchema = z.object({
  enabled: z.boolean().default(false),
  /** `now`: at once (each poll of the worker); `times`: at these times of day in `timeZone`. */
  schedule: z.enum(["now", "times"]).default("times"),
  times: z.array(timeOfDay).max(12).default(["14:00"]),
  timeZone: z.string().refine(isTimeZone, { error: "automation.error.timeZone" }).default("Europe/Berlin"),
  /** ISO 3166-1 alpha-2 destination countries; empty: every destination. */
  countries: z
    .array(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/, { error: "automation.error.country" }),
    )
    .max(250)
    .default([]),
  /** Shipping method names (case-insensitive, part of the name is enough); empty: any. */
  shippingMethods: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  /** The order carries at least one of these tags (case-insensitive); empty: any. */
  tags: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  /** The product the mapping rules choose must be one of these codes; empty: any product that fits. */
  productCodes: z.array(z.number().int().min(1)).max(50).default([]),
  minOrderCents: cents.nullable().default(null),
  maxOrderCents: cents.nullable().default(null),
  /** Most that automatic runs may spend per day (in `timeZone`); null: no limit. */
  dailyLimitCents: cents.nullable().default(null),
  /** A run stops when the Portokasse balance would fall under this; null: no threshold. */
  minBalanceCents: cents.nullable().default(null),
});

export type AutomationConfig = z.infer<typeof automationConfigSchema>;

export const DEFAULT_AUTOMATION_CONFIG: AutomationConfig = automationConfigSchema.parse({});

/** A stored document that no longer parses (a rule changed shape) counts as "switched off". */
export function parseStoredConfig(json: string): AutomationConfig {
  let raw: unknown = null;
  try {
    raw = JSON.parse(json);
  } catch {
    return DEFAULT_AUTOMATION_CONFIG;
  }
  const parsed = automationConfigSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_AUTOMATION_CONFIG;
}

/** What a rule reads of an order (from Shopify's Admin API, see orders.server.ts). */
export interface AutomationOrder {
  id: string;
  name: string;
  paid: boolean;
  open: boolean;
  countryCode: string | null;
  shippingMethod: string | null;
  tags: readonly string[];
  totalCents: number;
}

/** Why an order is not franked automatically (null: it matches the rules). */
export type RuleMiss = "not_paid" | "not_open" | "destination" | "shipping_method" | "tag" | "order_value";

export function ruleMiss(order: AutomationOrder, rule: AutomationConfig): RuleMiss | null {
  if (!order.paid) return "not_paid";
  if (!order.open) return "not_open";
  if (
    rule.countries.length > 0 &&
    !(order.countryCode && rule.countries.includes(order.countryCode.toUpperCase()))
  ) {
    return "destination";
  }
  if (rule.shippingMethods.length > 0) {
    const method = (order.shippingMethod ?? "").toLowerCase();
    if (!rule.shippingMethods.some((m) => method.includes(m.toLowerCase()))) return "shipping_method";
  }
  if (rule.tags.length > 0) {
    const tags = new Set(order.tags.map((t) => t.toLowerCase()));
    if (!rule.tags.some((t) => tags.has(t.toLowerCase()))) return "tag";
  }
  if (rule.minOrderCents !== null && order.totalCents < rule.minOrderCents) return "order_value";
  if (rule.maxOrderCents !== null && order.totalCents > rule.maxOrderCents) return "order_value";
  return null;
}

/** Product fit: the product the mapping engine chose is one the rule allows. */
export function productFits(productCode: number, rule: AutomationConfig): boolean {
  return rule.productCodes.length === 0 || rule.productCodes.includes(productCode);
}
