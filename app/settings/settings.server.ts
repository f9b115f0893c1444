/**
 * Reading and saving a shop's settings. Every page saves one section; the section is merged into the stored
 * settings and the whole document is validated before anything is written. One transaction, one update:
 * either everything the form sent is saved or nothing is.
 */
import type { Db } from "~/db.server";
import { fieldErrors, type FieldError } from "./errors";
import {
  crossFieldIssues,
  DEFAULT_SETTINGS,
  settingsSchema,
  type SettingsIssue,
  type ShopSettings,
} from "./schema";

/** Which settings each page owns. A key the page does not send is reset to empty (lists) or its default. */
export const SECTIONS = {
  sender: ["sender"],
  packaging: ["packagingPresets", "defaultPackagingId", "packagingRules", "packagingChoice"],
  rules: [
    "registeredMailRules",
    "registeredMailFromShippingMethod",
    "productOverrides",
    "defaultItemWeightG",
    "allowWarensendung",
    "unservedCountries",
    "automaticRefunds",
    "notifyCustomer",
  ],
  stamp: ["pageFormatId", "voucherLayout", "motifImageId", "labelOrder"],
} as const satisfies Record<string, ReadonlyArray<keyof ShopSettings>>;

export type SettingsSection = keyof typeof SECTIONS;

const LIST_KEYS = new Set<string>([
  "packagingPresets",
  "packagingRules",
  "registeredMailRules",
  "productOverrides",
]);

/** What the catalog knows, to check references; a part that is not known (null) is not checked. */
export interface SettingsContext {
  productCodes: number[] | null;
  pageFormats: Array<{ id: number; isAddressPossible: boolean; isImagePossible: boolean }> | null;
  motifIds: number[] | null;
}

export const NO_CONTEXT: SettingsContext = { productCodes: null, pageFormats: null, motifIds: null };

/** Stored settings, parsed with defaults. A stored value that no longer validates falls back to its default. */
export function parseStoredSettings(json: string): ShopSettings {
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    return DEFAULT_SETTINGS;
  }
  const whole = settingsSchema.safeParse(stored);
  if (whole.success && crossFieldIssues(whole.data).length === 0) return whole.data;
  const entries = typeof stored === "object" && stored !== null ? Object.entries(stored) : [];
  const kept: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (settingsSchema.safeParse({ ...kept, [key]: value }).success) kept[key] = value;
  }
  const partial = settingsSchema.parse(kept);
  return crossFieldIssues(partial).length === 0 ? partial : DEFAULT_SETTINGS;
}

export async function loadSettings(db: Db, shopId: string): Promise<ShopSettings> {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true } });
  return parseStoredSettings(shop.settings);
}

function referenceIssues(s: ShopSettings, context: SettingsContext): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  const { productCodes, pageFormats, motifIds } = context;
  s.productOverrides.forEach((o, i) => {
    if (productCodes && !productCodes.includes(o.productCode)) {
      issues.push({ path: ["productOverrides", i, "productCode"], message: "settings.error.unknownProduct" });
    }
  });
  const format = s.pageFormatId === null ? undefined : pageFormats?.find((f) => f.id === s.pageFormatId);
  if (pageFormats && s.pageFormatId !== null && !format) {
    issues.push({ path: ["pageFormatId"], message: "settings.error.unknownPageFormat" });
  }
  if (format && s.voucherLayout === "ADDRESS_ZONE" && !format.isAddressPossible) {
    issues.push({ path: ["pageFormatId"], message: "settings.error.formatWithoutAddress" });
  }
  if (s.motifImageId !== null) {
    if (motifIds && !motifIds.includes(s.motifImageId)) {
      issues.push({ path: ["motifImageId"], message: "settings.error.unknownMotif" });
    } else if (format && !format.isImagePossible) {
      issues.push({ path: ["motifImageId"], message: "settings.error.formatWithoutMotif" });
    }
  }
  return issues;
}

export type ValidationResult = { ok: true; settings: ShopSettings } | { ok: false; errors: FieldError[] };

/**
 * The whole settings document: schema, cross-field checks and references to the catalog. References are
 * checked for `referenceKeys` only (the section being saved), so a price-list change cannot block saving
 * an unrelated page.
 */
export function validateSettings(
  candidate: unknown,
  context: SettingsContext = NO_CONTEXT,
  referenceKeys: readonly string[] | null = null,
): ValidationResult {
  const parsed = settingsSchema.safeParse(candidate, { reportInput: true });
  if (!parsed.success)
    return { ok: false, errors: fieldErrors([...parsed.error.issues, ...crossFieldIssues(candidate)]) };
  const references = referenceIssues(parsed.data, context).filter(
    (issue) => referenceKeys === null || referenceKeys.includes(String(issue.path[0])),
  );
  const issues = [...crossFieldIssues(parsed.data), ...references];
  return issues.length === 0
    ? { ok: true, settings: parsed.data }
    : { ok: false, errors: fieldErrors(issues) };
}

/** The stored settings with one section replaced by what its form sent (keys of other sections are ignored). */
export function mergeSection(
  current: ShopSettings,
  section: SettingsSection,
  input: Record<string, unknown>,
) {
  const merged: Record<string, unknown> = { ...current };
  for (const key of SECTIONS[section]) {
    merged[key] = key in input ? input[key] : LIST_KEYS.has(key) ? [] : undefined;
  }
  return merged;
}

export type SaveResult =
  { ok: true; settings: ShopSettings } | { ok: false; errors: FieldError[]; settings: ShopSettings };

export async function saveSettingsSection(
  db: Db,
  shopId: string,
  section: SettingsSection,
  input: Record<string, unknown>,
  context: SettingsContext = NO_CONTEXT,
): Promise<SaveResult> {
  return db.$transaction(async (tx) => {
    const shop = await tx.shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true } });
    const current = parseStoredSettings(shop.settings);
    const result = validateSettings(mergeSection(current, section, input), context, SECTIONS[section]);
    if (!result.ok) return { ok: false, errors: result.errors, settings: current };
    await tx.shop.update({ where: { id: shopId }, data: { settings: JSON.stringify(result.settings) } });
    return result;
  });
}
