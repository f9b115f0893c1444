/**
 * Scalar formats as the Admin API prints them:
 * - `Decimal` amounts like Ruby's BigDecimal#to_s: "12.5", "10.0", "4.99" (never "12.50").
 * - `DateTime` in UTC with second precision: "2026-05-06T02:03:22Z".
 * - `UnsignedInt64` (legacyResourceId, totalWeight) as a JSON string.
 */
export function decimal(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.round(cents));
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100)
    .padStart(2, "0")
    .replace(/0$/, "");
  return `${sign}${whole}.${fraction === "" ? "0" : fraction}`;
}

/** REST webhook payloads print money with two decimals: "12.50". */
export function restMoney(cents: number): string {
  return (Math.round(cents) / 100).toFixed(2);
}

export function dateTime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** REST payloads use the shop's offset: "2026-05-06T04:03:22+02:00". */
export function restDateTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? "00";
  const local = `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}:${part("second")}`;
  const offsetMinutes = Math.round(
    (Date.parse(`${local}Z`) - Math.floor(at.getTime() / 1000) * 1000) / 60000,
  );
  const sign = offsetMinutes < 0 ? "-" : "+";
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, "0");
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, "0");
  return `${local}${sign}${hours}:${minutes}`;
}

export function uint64(value: number): string {
  return String(Math.max(0, Math.round(value)));
}

export function gramsOf(weight: { value: number; unit: WeightUnit } | null): number {
  if (!weight) return 0;
  const factor = { GRAMS: 1, KILOGRAMS: 1000, OUNCES: 28.349523125, POUNDS: 453.59237 }[weight.unit];
  return Math.round(weight.value * factor);
}

export type WeightUnit = "GRAMS" | "KILOGRAMS" | "OUNCES" | "POUNDS";
