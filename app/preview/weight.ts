/** Shopify's weight units (WeightUnit) in grams. */
const GRAMS_PER_UNIT: Record<string, number> = {
  GRAMS: 1,
  KILOGRAMS: 1000,
  OUNCES: 28.349523125,
  POUNDS: 453.59237,
};

/** Grams for a Shopify weight; null for an unknown unit (the order then counts as having no weight). */
export function toGrams(value: number, unit: string): number | null {
  const factor = GRAMS_PER_UNIT[unit];
  return factor === undefined || !Number.isFinite(value) ? null : value * factor;
}

/** Cents of a decimal money string ("12.5", "12.50"), through the digits, never through float maths. */
export function moneyToCents(amount: string): number {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return 0;
  const fraction = (match[3] ?? "").padEnd(3, "0");
  const cents =
    Number(match[2]) * 100 + Number(fraction.slice(0, 2)) + (Number(fraction.charAt(2)) >= 5 ? 1 : 0);
  return match[1] ? -cents : cents;
}
