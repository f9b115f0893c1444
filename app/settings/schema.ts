/**
 * The shop's settings: one zod schema, stored as JSON in `Shop.settings` and parsed on read with defaults.
 * Form values arrive as strings; the preprocessors here turn "" into "not set" and "12,5" into 12.5, so the
 * same schema checks a form submission and a stored document.
 */
import { z } from "zod";

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const blankToNull = (value: unknown) =>
  value === undefined || (typeof value === "string" && value.trim() === "") ? null : value;

function toNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim().replace(",", ".");
  if (text === "") return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : value;
}

function toBoolean(value: unknown): unknown {
  if (value === "true" || value === "on") return true;
  if (value === "false" || value === undefined) return false;
  return value;
}

const wholeNumber = (min: number, max: number) => z.preprocess(toNumber, z.number().int().min(min).max(max));
const optionalWholeNumber = (min: number, max: number) =>
  z.preprocess((v) => toNumber(blankToUndefined(v)), z.number().int().min(min).max(max).optional());
const nullableWholeNumber = (min: number, max: number) =>
  z.preprocess((v) => toNumber(blankToNull(v)) ?? null, z.number().int().min(min).max(max).nullable());

const criterion = z.preprocess(blankToUndefined, z.string().trim().max(100).optional());

export const senderSchema = z.object({
  name: z.string().trim().min(1).max(50),
  company: z.string().trim().max(40).default(""),
  street: z.string().trim().min(1).max(50),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, { error: "settings.error.postalCode" }),
  city: z.string().trim().min(1).max(40),
  country: z.literal("DE", { error: "settings.error.senderCountry" }).default("DE"),
});

/** A sender whose fields are all empty means "no sender yet". */
const senderOrNull = z.preprocess((value) => {
  if (value === undefined || value === null) return null;
  if (
    typeof value === "object" &&
    Object.entries(value).every(([k, v]) => k === "country" || v === "" || v === undefined)
  ) {
    return null;
  }
  return value;
}, senderSchema.nullable());

export const packagingPresetSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, { error: "settings.error.invalid" }),
  name: z.string().trim().min(1).max(60),
  tareG: wholeNumber(0, 2000),
  lengthMm: wholeNumber(1, 1000),
  widthMm: wholeNumber(1, 1000),
  heightMm: wholeNumber(1, 600),
  /** Grams of goods it holds; empty: derived from its thickness (app/mapping/rules.ts `capacityOf`). */
  maxContentG: nullableWholeNumber(0, 30_000).default(null),
});

export const REGISTERED_MAIL = ["EINSCHREIBEN_EINWURF", "EINSCHREIBEN", "EINSCHREIBEN_RUECKSCHEIN"] as const;
export const VOUCHER_LAYOUTS = ["ADDRESS_ZONE", "FRANKING_ZONE"] as const;
export const WHEN_UNAVAILABLE = ["substitute", "leave-out"] as const;
export const PACKAGING_CHOICES = ["smallest-fitting", "default"] as const;
/** The order of the labels in a batch: by order number, or by SKU as packing tables work. */
export const LABEL_ORDERS = ["ORDER_NAME", "SKU"] as const;

const packagingRuleSchema = z.object({
  shippingMethod: criterion,
  tag: criterion,
  packagingId: z.string().min(1),
});

const registeredMailRuleSchema = z.object({
  shippingMethod: criterion,
  tag: criterion,
  /** Minor units of the shop's currency (read from Shopify), compared with the order total in shop money. */
  orderValueAboveCents: optionalWholeNumber(0, 100_000_000),
  service: z.enum(REGISTERED_MAIL),
  /** What to do where the service does not exist (Einwurf or Rückschein abroad). */
  whenUnavailable: z.enum(WHEN_UNAVAILABLE).default("substitute"),
});

const productOverrideSchema = z.object({
  shippingMethod: criterion,
  tag: criterion,
  productCode: wholeNumber(1, 999_999),
});

/**
 * Packaging a new shop starts with: real envelope and box sizes (DIN 678 DL, C5, C4; a padded envelope; a flat
 * box that goes as Maxibrief or Warensendung), their own weight, and the goods each holds so that the letter
 * stays in the format its thickness allows (DL 5 mm: Standardbrief up to 20 g; C4 20 mm: Großbrief up to
 * 500 g; 50 mm: Maxibrief up to 1,000 g, or 2,000 g with Zusatzentgelt). Names are the merchant's own words.
 */
export const DEFAULT_PACKAGING = [
  { id: "dl", name: "DL-Umschlag", tareG: 5, lengthMm: 220, widthMm: 110, heightMm: 5, maxContentG: 15 },
  { id: "c5", name: "C5-Umschlag", tareG: 10, lengthMm: 229, widthMm: 162, heightMm: 10, maxContentG: 250 },
  { id: "c4", name: "C4-Umschlag", tareG: 20, lengthMm: 324, widthMm: 229, heightMm: 20, maxContentG: 480 },
  {
    id: "c4-padded",
    name: "Luftpolsterumschlag",
    tareG: 30,
    lengthMm: 350,
    widthMm: 250,
    heightMm: 50,
    maxContentG: 970,
  },
  {
    id: "maxi-box",
    name: "Flacher Karton (Warensendung)",
    tareG: 80,
    lengthMm: 250,
    widthMm: 175,
    heightMm: 50,
    maxContentG: 1920,
  },
];

const countryList = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .split(/[\s,;]+/)
          .map((c) => c.trim().toUpperCase())
          .filter(Boolean)
      : value,
  z.array(z.string().regex(/^[A-Z]{2}$/, { error: "settings.error.countryCode" })).max(250),
);

export const settingsSchema = z.object({
  sender: senderOrNull.default(null),
  packagingPresets: z.array(packagingPresetSchema).min(1).max(30).default(DEFAULT_PACKAGING),
  defaultPackagingId: z.string().min(1).default("dl"),
  /** Without a matching packaging rule: the smallest packaging that holds the goods, or the default one. */
  packagingChoice: z.enum(PACKAGING_CHOICES).default("smallest-fitting"),
  packagingRules: z.array(packagingRuleSchema).max(50).default([]),
  registeredMailRules: z.array(registeredMailRuleSchema).max(50).default([]),
  /** Built-in rule: a shipping method named like Einschreiben / Einwurf / Rückschein asks for that service. */
  registeredMailFromShippingMethod: z.preprocess(toBoolean, z.boolean()).default(true),
  productOverrides: z.array(productOverrideSchema).max(50).default([]),
  defaultItemWeightG: nullableWholeNumber(1, 2000).default(null),
  allowWarensendung: z.preprocess(toBoolean, z.boolean()).default(false),
  pageFormatId: nullableWholeNumber(1, 1_000_000).default(null),
  voucherLayout: z.enum(VOUCHER_LAYOUTS).default("ADDRESS_ZONE"),
  motifImageId: nullableWholeNumber(1, 1_000_000_000).default(null),
  labelOrder: z.enum(LABEL_ORDERS).default("ORDER_NAME"),
  unservedCountries: countryList.default([]),
  /** Refund the unused stamps of cancelled orders without asking (app/refunds). */
  automaticRefunds: z.preprocess(toBoolean, z.boolean()).default(true),
  /** Let Shopify e-mail the customer when the app creates the fulfillment with the tracking number. */
  notifyCustomer: z.preprocess(toBoolean, z.boolean()).default(false),
});

export interface SettingsIssue {
  path: Array<string | number>;
  message: string;
}

/**
 * Checks that span fields (packaging ids, duplicates). They read the input defensively, so they can run
 * on a submission that failed the schema too and every problem is reported at once.
 */
export function crossFieldIssues(input: unknown): SettingsIssue[] {
  const record = (v: unknown): Record<string, unknown> =>
    typeof v === "object" && v !== null ? Object.fromEntries(Object.entries(v)) : {};
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const settings = record(input);
  const issues: SettingsIssue[] = [];
  const ids = list(settings.packagingPresets).map((p) => record(p).id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      issues.push({ path: ["packagingPresets", i, "id"], message: "settings.error.duplicate" });
  });
  if (ids.length > 0 && !ids.includes(settings.defaultPackagingId)) {
    issues.push({ path: ["defaultPackagingId"], message: "settings.error.unknownPackaging" });
  }
  list(settings.packagingRules).forEach((rule, i) => {
    if (ids.length > 0 && !ids.includes(record(rule).packagingId)) {
      issues.push({ path: ["packagingRules", i, "packagingId"], message: "settings.error.unknownPackaging" });
    }
  });
  const countries = list(settings.unservedCountries);
  countries.forEach((code, i) => {
    if (countries.indexOf(code) !== i)
      issues.push({ path: ["unservedCountries", i], message: "settings.error.duplicate" });
  });
  return issues;
}

export type ShopSettings = z.output<typeof settingsSchema>;
export type Sender = z.output<typeof senderSchema>;
export type PackagingPresetSettings = z.output<typeof packagingPresetSchema>;

/** The settings a shop has before it saved anything. */
export const DEFAULT_SETTINGS: ShopSettings = settingsSchema.parse({});
