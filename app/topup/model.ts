/**
 * Topping up the Portokasse (SEPA direct debit through `PUT /app/wallet`): its states, its problems and
 * the minimum. Shared by the server and the pages.
 */
export const TOP_UP_STATES = ["SENT", "DONE", "REFUSED", "NOT_BOOKED"] as const;
export type TopUpState = (typeof TOP_UP_STATES)[number];

/**
 * The smallest top-up the app offers: Deutsche Post's Portokasse web UI asks for at least 10 EUR
 * (NOTES.md); the API spec only says `minimum: 1` cent. ADR 012 records this choice.
 */
export const MIN_TOP_UP_CENTS = 1000;

/** The spec's `amount` is an int32 of cents: more is refused before anything is sent. */
export const MAX_TOP_UP_CENTS = 2_147_483_647;

export const TOP_UP_PROBLEMS = [
  "below-minimum",
  "invalid-amount",
  "no-mandate",
  "quota-exceeded",
  "amount-invalid",
  "wallet-not-found",
  "unclear",
  "not-booked",
  "pending",
  "not-linked",
  "login",
  "unavailable",
  "unexpected",
] as const;
export type TopUpProblem = (typeof TOP_UP_PROBLEMS)[number];

/** What the merchant typed ("25", "25,50", "25.5", "1.000,00") in cents, or null when it is no amount. */
export function parseEuroAmount(input: string): number | null {
  const text = input.trim().replace(/\s|€|EUR/gi, "");
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+([.,]\d{1,2})?$/.test(text)) return null;
  const normalised =
    /,\d{1,2}$/.test(text) || /\.\d{3}/.test(text)
      ? text.replace(/\./g, "").replace(",", ".")
      : text.replace(",", ".");
  const cents = Math.round(Number(normalised) * 100);
  return Number.isSafeInteger(cents) ? cents : null;
}

/**
 * The amount to suggest: what a stopped batch is missing, rounded up to whole euros, at least the minimum.
 */
export function suggestedTopUpCents(missingCents: number | null): number {
  if (missingCents === null || missingCents <= 0) return MIN_TOP_UP_CENTS;
  return Math.max(MIN_TOP_UP_CENTS, Math.ceil(missingCents / 100) * 100);
}
