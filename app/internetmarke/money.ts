/**
 * Decimal euros -> integer cents without floating-point arithmetic: the number is read as its decimal text
 * ("0.95", "17", "1,70") and the digits are shifted. More than two significant decimals are refused rather
 * than rounded.
 */
export function eurosToCents(value: number | string): number {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`Not a price: ${value}`);
    text = String(value);
  } else {
    text = value.trim().replace(",", ".");
  }
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text) ?? /^([+-]?)()\.(\d+)$/.exec(text);
  if (m === null) throw new RangeError(`Not a decimal euro amount: "${text}"`);
  const [, sign = "", whole = "", fraction = ""] = m;
  if (/[^0]/.test(fraction.slice(2)))
    throw new RangeError(`More than two decimals in a euro amount: "${text}"`);
  const cents = Number(whole === "" ? "0" : whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Euro amount out of range: "${text}"`);
  return sign === "-" && cents !== 0 ? -cents : cents;
}

/** 95 -> "0,95 €" style formatting is the UI's job; this is the inverse for logs and tests: 95 -> "0.95". */
export function centsToEuroString(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
