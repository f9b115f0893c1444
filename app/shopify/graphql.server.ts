import { GraphqlQueryError } from "@shopify/shopify-api";
import { z } from "zod";
import { type DeniedField, deniedFields } from "./denied-fields";

/** What the app needs of an authenticated Admin API context (admin.graphql from shopify-app-remix). */
export interface AdminGraphql {
  graphql(query: string, options?: { variables?: Record<string, unknown> }): Promise<Response>;
}

export class ShopifyApiError extends Error {
  override name = "ShopifyApiError";
  constructor(
    message: string,
    readonly code: string,
    readonly messages: string[] = [],
  ) {
    super(message);
  }
}

/** Shopify's cost-based rate limit hit: retry after `retryAfterMs` (derived from the bucket state). */
export class ShopifyThrottledError extends ShopifyApiError {
  override name = "ShopifyThrottledError";
  constructor(readonly retryAfterMs: number) {
    super(`Shopify throttled the request; retry in ${retryAfterMs} ms`, "THROTTLED");
  }
}

const graphqlErrors = z.array(
  z
    .object({ message: z.string(), extensions: z.object({ code: z.string().optional() }).loose().optional() })
    .loose(),
);

const costExtension = z
  .object({
    cost: z
      .object({
        requestedQueryCost: z.number(),
        throttleStatus: z.object({ currentlyAvailable: z.number(), restoreRate: z.number() }).loose(),
      })
      .loose()
      .optional(),
  })
  .loose()
  .optional();

const failedBody = z
  .object({
    errors: z
      .object({ graphQLErrors: graphqlErrors.optional(), message: z.string().optional() })
      .loose()
      .optional(),
    extensions: costExtension,
  })
  .loose();

/**
 * The whole answer inside shopify-api's GraphqlQueryError (`data`, `errors.graphQLErrors`, `extensions`) as
 * Shopify sent it, or null for any other error: a partial answer may still be usable (see denied-fields.ts).
 */
export function partialAnswer(error: unknown): { data?: unknown; errors: unknown[]; extensions?: unknown } | null {
  if (!(error instanceof GraphqlQueryError)) return null;
  const body = z
    .object({ data: z.unknown().optional(), errors: z.object({ graphQLErrors: z.array(z.unknown()).optional() }).loose().optional(), extensions: z.unknown().optional() })
    .loose()
    .safeParse(error.body ?? {});
  if (!body.success) return null;
  return { data: body.data.data ?? undefined, errors: body.data.errors?.graphQLErrors ?? [], extensions: body.data.extensions };
}

/** Turns shopify-api's GraphqlQueryError into one of our typed errors. */
export function toShopifyError(error: unknown): unknown {
  if (!(error instanceof GraphqlQueryError)) return error;
  const body = failedBody.safeParse(error.body ?? {});
  const errors = body.success ? (body.data.errors?.graphQLErrors ?? []) : [];
  if (errors.some((e) => e.extensions?.code === "THROTTLED")) {
    const cost = body.success ? body.data.extensions?.cost : undefined;
    const missing = cost ? Math.max(0, cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable) : 0;
    const retryAfterMs =
      cost && cost.throttleStatus.restoreRate > 0
        ? Math.ceil((missing / cost.throttleStatus.restoreRate) * 1000)
        : 1000;
    return new ShopifyThrottledError(Math.max(retryAfterMs, 100));
  }
  const messages = errors.map((e) => e.message);
  const code = errors.find((e) => e.extensions?.code)?.extensions?.code ?? "GRAPHQL_ERROR";
  return new ShopifyApiError(
    `Shopify rejected the request: ${messages.join("; ") || error.message}`,
    code,
    messages,
  );
}

/**
 * Runs one Admin GraphQL document and parses `data` with the given schema (never a cast).
 * Errors become ShopifyApiError / ShopifyThrottledError.
 */
export async function adminQuery<T>(
  admin: AdminGraphql,
  document: string,
  variables: Record<string, unknown>,
  schema: z.ZodType<T>,
  /** Given, an answer whose only errors are denied nested fields is used (they are null) and they are reported. */
  onFieldDenied?: (denied: DeniedField[]) => void,
): Promise<T> {
  let response: Response;
  try {
    response = await admin.graphql(document, { variables });
  } catch (error) {
    const partial = onFieldDenied ? partialAnswer(error) : null;
    const denied = partial && partial.data !== undefined ? deniedFields(partial.errors) : null;
    if (!partial || !denied) throw toShopifyError(error);
    onFieldDenied?.(denied);
    response = new Response(JSON.stringify({ data: partial.data }));
  }
  const body = z
    .object({ data: schema })
    .loose()
    .safeParse(await response.json());
  if (!body.success) {
    throw new ShopifyApiError(`Unexpected Admin API response: ${body.error.message}`, "UNEXPECTED_RESPONSE");
  }
  return body.data.data;
}
