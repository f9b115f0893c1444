/**
 * How old a delivery may be. Shopify retries a failed delivery 8 times over 4 hours with exponential
 * backoff, re-sending the original payload with the original X-Shopify-Triggered-At
 * (shopify.dev/changelog/updates-to-webhook-retry-mechanism, 2024-09-10). So a genuine delivery is at
 * most ~4 hours old; the window adds 2 hours for the last retry's own timeout and queueing. Clocks may
 * disagree a little, so a time up to 5 minutes in the future is accepted too.
 */
export const MAX_DELIVERY_AGE_MS = 6 * 60 * 60 * 1000;
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export type Freshness = "fresh" | "stale" | "future" | "missing";

export function deliveryFreshness(triggeredAt: string | null, now: Date): Freshness {
  if (!triggeredAt) return "missing";
  const at = Date.parse(triggeredAt);
  if (Number.isNaN(at)) return "missing";
  if (at > now.getTime() + MAX_CLOCK_SKEW_MS) return "future";
  return now.getTime() - at > MAX_DELIVERY_AGE_MS ? "stale" : "fresh";
}
