// The merchant's rules: which packaging, which registered-mail service, which product override.
import type {
  MappingSettings,
  OrderForMapping,
  PackagingPreset,
  RegisteredMail,
  RuleCriteria,
} from "./types";

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Every criterion the rule sets must match; empty strings count as not set. */
export function matchesRule(
  rule: RuleCriteria & { orderValueAboveCents?: number },
  order: OrderForMapping,
): boolean {
  const method = rule.shippingMethod?.trim();
  if (method) {
    const line = order.shippingLine;
    if (!line || !(same(line.title, method) || (line.code !== null && same(line.code, method)))) return false;
  }
  const tag = rule.tag?.trim();
  if (tag && !order.tags.some((t) => same(t, tag))) return false;
  if (rule.orderValueAboveCents !== undefined) {
    if (order.totalPriceCents === null) throw new Error("A rule compares the order value, but it was not read");
    if (!(order.totalPriceCents > rule.orderValueAboveCents)) return false;
  }
  return true;
}

/**
 * The order fields that only rules read, and whether this shop's rules read them: orders are read from
 * Shopify without the ones no rule needs (each costs cost points, see app/preview/orders.server.ts).
 */
export function orderFieldsRead(settings: MappingSettings): { shippingLine: boolean; orderValue: boolean } {
  const rules: Array<RuleCriteria & { orderValueAboveCents?: number }> = [
    ...settings.packagingRules,
    ...settings.registeredMailRules,
    ...settings.productOverrides,
  ];
  return {
    shippingLine: rules.some((rule) => Boolean(rule.shippingMethod?.trim())),
    orderValue: rules.some((rule) => rule.orderValueAboveCents !== undefined),
  };
}

export type PackagingChoice =
  { ok: true; preset: PackagingPreset; rule: RuleCriteria | null } | { ok: false; packagingId: string };

/** First matching packaging rule, else the default packaging. */
export function choosePackaging(order: OrderForMapping, settings: MappingSettings): PackagingChoice {
  const rule = settings.packagingRules.find((r) => matchesRule(r, order)) ?? null;
  const packagingId = rule?.packagingId ?? settings.defaultPackagingId;
  const preset = settings.packagingPresets.find((p) => p.id === packagingId);
  return preset ? { ok: true, preset, rule } : { ok: false, packagingId };
}

export const SERVICE_STRENGTH: Record<RegisteredMail, number> = {
  EINSCHREIBEN_EINWURF: 1,
  EINSCHREIBEN: 2,
  EINSCHREIBEN_RUECKSCHEIN: 3,
};

export type RegisteredMailRule = MappingSettings["registeredMailRules"][number];

/** The strongest service among all matching rules (the first such rule names it in the reason), or null. */
export function requiredRegisteredMail(
  order: OrderForMapping,
  settings: MappingSettings,
): RegisteredMailRule | null {
  let strongest: RegisteredMailRule | null = null;
  for (const rule of settings.registeredMailRules) {
    if (!matchesRule(rule, order)) continue;
    if (!strongest || SERVICE_STRENGTH[rule.service] > SERVICE_STRENGTH[strongest.service]) strongest = rule;
  }
  return strongest;
}

export type ProductOverride = MappingSettings["productOverrides"][number];

export function findOverride(order: OrderForMapping, settings: MappingSettings): ProductOverride | null {
  return settings.productOverrides.find((r) => matchesRule(r, order)) ?? null;
}
