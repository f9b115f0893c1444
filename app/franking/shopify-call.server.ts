/**
 * Admin GraphQL calls for background work: the answer is parsed with a schema, a THROTTLED answer waits
 * as long as the cost bucket needs to refill (or backs off), and after each answer the bucket state in
 * `extensions.cost.throttleStatus` paces the next call so the app stays under the limit.
 */
import { z } from "zod";
import { type AdminGraphql, ShopifyApiError, ShopifyThrottledError, toShopifyError } from "~/shopify/graphql.server";

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
  for (let attempt = 1; ; attempt++) {
    let body: z.infer<typeof bodySchema>;
    try {
      body = await send(admin, document, variables);
    } catch (error) {
      if (error instanceof ShopifyThrottledError && attempt < attempts) {
        await options.sleep(error.retryAfterMs * attempt);
        continue;
      }
      throw error;
    }
    const cost = body.extensions?.cost;
    const errors = body.errors ?? [];
    if (errors.some((e) => e.extensions?.code === "THROTTLED")) {
      const wait = Math.max(100, refillMs(cost, cost?.requestedQueryCost ?? 50)) * attempt;
      if (attempt >= attempts) throw new ShopifyThrottledError(wait);
      await options.sleep(wait);
      continue;
    }
    if (errors.length > 0) {
      const code = errors.find((e) => e.extensions?.code)?.extensions?.code ?? "GRAPHQL_ERROR";
      throw new ShopifyApiError(`Shopify rejected the request: ${errors.map((e) => e.message).join("; ")}`, code, errors.map((e) => e.message));
    }
    const data = schema.safeParse(body.data);
    if (!data.success) throw new ShopifyApiError(`Unexpected Admin API response: ${data.error.message}`, "UNEXPECTED_RESPONSE");
    // Pace: leave room for one more call of the same cost before the next request goes out.
    const pause = cost ? refillMs(cost, cost.requestedQueryCost) : 0;
    if (pause > 0) await options.sleep(pause);
    return data.data;
  }
}
