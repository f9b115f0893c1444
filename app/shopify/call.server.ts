/**
 * Admin GraphQL calls for background work: the answer is parsed with a schema, a THROTTLED answer waits
 * as long as the cost bucket needs to refill (or backs off), and after each answer the bucket state in
 * `extensions.cost.throttleStatus` paces the next call so the app stays under the limit.
 */
import { z } from "zod";
import { type DeniedField, deniedFields } from "./denied-fields";
import { type AdminGraphql, partialAnswer, ShopifyApiError, ShopifyThrottledError, toShopifyError } from "./graphql.server";
import type { CostBudget } from "./cost-budget.server";

const costSchema = z
  .object({
    requestedQueryCost: z.number(),
    actualQueryCost: z.number().nullable().optional(),
    throttleStatus: z.object({ maximumAvailable: z.number(), currentlyAvailable: z.number(), restoreRate: z.number() }).loose(),
  })
  .loose();

const bodySchema = z
  .object({
    data: z.unknown().optional(),
    errors: z
      .array(z.object({ message: z.string(), extensions: z.object({ code: z.string().optional() }).loose().optional() }).loose())
      .optional(),
    extensions: z.object({ cost: costSchema.optional() }).loose().optional(),
  })
  .loose();

type Cost = z.infer<typeof costSchema>;

export interface CallOptions {
  sleep: (ms: number) => Promise<void>;
  /** THROTTLED answers waited for before giving up (the task is then retried later). */
  maxThrottledAttempts?: number;
  /**
   * Shared by calls that run at once: each waits until its `cost` fits the bucket (see
   * shopify-budget.server.ts). Without one, a call pauses after its answer until the bucket could take
   * another call like it.
   */
  budget?: CostBudget;
  /** The call's requested cost by Shopify's rules, for the budget (default 50). */
  cost?: number;
  /** Told the cost Shopify reported for the answer that is returned (when it reported one). */
  onCost?: (cost: ReportedCost) => void;
  /**
   * Given, an answer whose only errors are denied nested fields (protected customer data) is used: the
   * denied fields are null in the data and reported here. Without it such an answer is an error.
   */
  onFieldDenied?: (denied: DeniedField[]) => void;
}

export interface ReportedCost {
  requested: number;
  /** Null when Shopify did not say (it then charged the requested cost). */
  actual: number | null;
}

/** How long until the bucket holds `needed` points again. */
export function refillMs(cost: Cost | undefined, needed: number): number {
  if (!cost) return 1000;
  const { currentlyAvailable, restoreRate } = cost.throttleStatus;
  if (currentlyAvailable >= needed) return 0;
  return restoreRate > 0 ? Math.ceil(((needed - currentlyAvailable) / restoreRate) * 1000) : 1000;
}

async function send(admin: AdminGraphql, document: string, variables: Record<string, unknown>) {
  try {
    const response = await admin.graphql(document, { variables });
    const body = bodySchema.safeParse(await response.json());
    if (!body.success) throw new ShopifyApiError(`Unexpected Admin API response: ${body.error.message}`, "UNEXPECTED_RESPONSE");
    return body.data;
  } catch (error) {
    if (error instanceof ShopifyApiError) throw error;
    // shopify-api throws an answer with errors, partial data included: keep it for the checks below.
    const partial = bodySchema.safeParse(partialAnswer(error));
    if (partial.success && partial.data.data !== undefined) return partial.data;
    throw toShopifyError(error);
  }
}

export async function shopifyCall<T>(
  admin: AdminGraphql,
  document: string,
  variables: Record<string, unknown>,
  schema: z.ZodType<T>,
  options: CallOptions,
): Promise<T> {
  const attempts = options.maxThrottledAttempts ?? 6;
  const { budget } = options;
  const expected = options.cost ?? 50;
  for (let attempt = 1; ; attempt++) {
    const release = budget ? await budget.acquire(expected) : () => undefined;
    let body: z.infer<typeof bodySchema>;
    try {
      body = await send(admin, document, variables);
    } catch (error) {
      release();
      if (error instanceof ShopifyThrottledError && attempt < attempts) {
        budget?.throttled(expected, error.retryAfterMs);
        await options.sleep(error.retryAfterMs * attempt);
        continue;
      }
      throw error;
    }
    const cost = body.extensions?.cost;
    if (cost) budget?.observe(cost.throttleStatus);
    release();
    const errors = body.errors ?? [];
    if (errors.some((e) => e.extensions?.code === "THROTTLED")) {
      const wait = Math.max(100, refillMs(cost, cost?.requestedQueryCost ?? expected)) * attempt;
      if (attempt >= attempts) throw new ShopifyThrottledError(wait);
      await options.sleep(wait);
      continue;
    }
    const denied = errors.length > 0 && options.onFieldDenied ? deniedFields(errors) : null;
    if (denied) options.onFieldDenied?.(denied);
    else if (errors.length > 0) {
      const code = errors.find((e) => e.extensions?.code)?.extensions?.code ?? "GRAPHQL_ERROR";
      throw new ShopifyApiError(`Shopify rejected the request: ${errors.map((e) => e.message).join("; ")}`, code, errors.map((e) => e.message));
    }
    const data = schema.safeParse(body.data);
    if (!data.success) throw new ShopifyApiError(`Unexpected Admin API response: ${data.error.message}`, "UNEXPECTED_RESPONSE");
    if (cost) options.onCost?.({ requested: cost.requestedQueryCost, actual: cost.actualQueryCost ?? null });
    // Pace (one call at a time): leave room for one more call of the same cost before the next goes out.
    const pause = !budget && cost ? refillMs(cost, cost.requestedQueryCost) : 0;
    if (pause > 0) await options.sleep(pause);
    return data.data;
  }
}
