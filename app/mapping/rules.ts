// The merchant's rules: which packaging, which registered-mail service, which product override.
import { fitsSize, LETTER_FORMATS, type LetterFormat } from "./formats";
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
    if (order.totalPriceCents === null)
      throw new Error("A rule compares the order value, but it was not read");
    if (!(order.totalPriceCents > rule.orderValueAboveCents)) return false;
  }
  return true;
}

/**
 * The order fields beyond address, items and tags that the engine reads. Since issue 16 both are read for
 * every order (they cost 3 of about 12 actual points an order): the shipping line for the warning when the
 * customer paid for a service the product lacks (and the built-in Einschreiben rule), the order value for
 * the customs form (CN 22 or CN 23) of every letter leaving the EU customs and VAT territory.
 */
export function orderFieldsRead(_settings: MappingSettings): { shippingLine: boolean; orderValue: boolean } {
  return { shippingLine: true, orderValue: true };
}

export type PackagingChoice =
  | { ok: true; preset: PackagingPreset; rule: RuleCriteria | null; byFit: boolean }
  | { ok: false; packagingId: string };

/**
 * First matching packaging rule; else, with `packagingChoice` "smallest-fitting" (the default), the smallest
 * packaging that holds the goods: the least capacity (`capacityOf`) that suffices, then the least volume and
 * tare, so a 905 g order goes into the padded envelope for 970 g, not the box for 1,920 g; else the default.
 * `null` when the choice is by fit and no packaging holds the goods.
 */
export function choosePackaging(
  order: OrderForMapping,
  settings: MappingSettings,
  goodsG: number,
): PackagingChoice | null {
  const rule = settings.packagingRules.find((r) => matchesRule(r, order)) ?? null;
  if (!rule && (settings.packagingChoice ?? "smallest-fitting") === "smallest-fitting") {
    const fitting = settings.packagingPresets
      .filter((p) => goodsG <= capacityOf(p))
      .sort(
        (a, b) =>
          capacityOf(a) - capacityOf(b) ||
          volume(a) - volume(b) ||
          a.tareG - b.tareG ||
          a.id.localeCompare(b.id),
      );
    const smallest = fitting[0];
    return smallest ? { ok: true, preset: smallest, rule: null, byFit: true } : null;
  }
  const packagingId = rule?.packagingId ?? settings.defaultPackagingId;
  const preset = settings.packagingPresets.find((p) => p.id === packagingId);
  return preset ? { ok: true, preset, rule, byFit: false } : { ok: false, packagingId };
}

const volume = (p: PackagingPreset) => p.lengthMm * p.widthMm * p.heightMm;

/**
 * Grams of goods a packaging holds: its `maxContentG`, or else what Deutsche Post's formats pair with its
 * thickness, minus its own weight: of the formats its size fits, those with the smallest thickness limit,
 * and of them the heaviest (5 mm: Standardbrief 20 g; 10 mm: 50 g; 20 mm: 500 g; 50 mm: 2,000 g). So a
 * 220 × 110 × 5 mm DL envelope of 5 g holds 15 g. A packaging that fits no letter format holds nothing.
 */
export function capacityOf(p: PackagingPreset): number {
  if (typeof p.maxContentG === "number" && Number.isFinite(p.maxContentG)) return p.maxContentG;
  const thickness = (f: LetterFormat) => (f.size.kind === "envelope" ? f.size.maxHeightMm : Infinity);
  const formats = Object.values(LETTER_FORMATS).filter((f) => fitsSize(p, f.size).fits);
  const thinnest = Math.min(...formats.map(thickness));
  const heaviest = Math.max(0, ...formats.filter((f) => thickness(f) === thinnest).map((f) => f.maxWeightG));
  return Math.max(0, heaviest - p.tareG);
}

/**
 * The service a shipping method's name asks for (title or code, case-insensitive): "Rückschein" (or
 * "Rueckschein", "return receipt") before "Einwurf", before "Einschreiben" / "registered". Null when the name
 * names none. Used by the built-in rule and by the warning that the customer paid for a missing service.
 */
export function serviceNamedBy(line: OrderForMapping["shippingLine"]): RegisteredMail | null {
  if (!line) return null;
  const text = `${line.title} ${line.code ?? ""}`.toLowerCase();
  if (/r(ü|ue)ckschein|return receipt/.test(text)) return "EINSCHREIBEN_RUECKSCHEIN";
  if (/einwurf/.test(text)) return "EINSCHREIBEN_EINWURF";
  if (/einschreiben|registered/.test(text)) return "EINSCHREIBEN";
  return null;
}

export const SERVICE_STRENGTH: Record<RegisteredMail, number> = {
  EINSCHREIBEN_EINWURF: 1,
  EINSCHREIBEN: 2,
  EINSCHREIBEN_RUECKSCHEIN: 3,
};

export type RegisteredMailRule = MappingSettings["registeredMailRules"][number];

/**
 * The strongest service among the merchant's matching rules (the first such rule names it in the reason);
 * when none matches, the built-in rule (`registeredMailFromShippingMethod`, default on): the service the
 * shipping method's name asks for. A merchant's own rule always wins over the built-in one.
 */
export function requiredRegisteredMail(
  order: OrderForMapping,
  settings: MappingSettings,
): (RegisteredMailRule & { builtIn?: true }) | null {
  let strongest: RegisteredMailRule | null = null;
  for (const rule of settings.registeredMailRules) {
    if (!matchesRule(rule, order)) continue;
    if (!strongest || SERVICE_STRENGTH[rule.service] > SERVICE_STRENGTH[strongest.service]) strongest = rule;
  }
  if (strongest || settings.registeredMailFromShippingMethod === false || !order.shippingLine)
    return strongest;
  const named = serviceNamedBy(order.shippingLine);
  return named ? { shippingMethod: order.shippingLine.title, service: named, builtIn: true } : null;
}

export type ProductOverride = MappingSettings["productOverrides"][number];

export function findOverride(order: OrderForMapping, settings: MappingSettings): ProductOverride | null {
  return settings.productOverrides.find((r) => matchesRule(r, order)) ?? null;
}
