import { z } from "zod";
import { ADMIN_API_VERSION } from "./schema";
import type { ShopifyFake } from "./fake";

export const API_KEY = "frankier-test-key";
export const API_SECRET = "frankier-test-secret";

const GraphQLBody = z.object({
  data: z.unknown().optional(),
  errors: z.unknown().optional(),
  extensions: z.unknown().optional(),
});

export type GraphQLBody = z.infer<typeof GraphQLBody>;

export interface GraphQLReply {
  status: number;
  body: GraphQLBody;
}

/** Reads a nested value from parsed JSON: `at(body, "data", "orders", "nodes", 0, "id")`. */
export function at(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = Reflect.get(current, key);
  }
  return current;
}

export function text(value: unknown, ...path: Array<string | number>): string {
  const found = at(value, ...path);
  if (typeof found !== "string")
    throw new Error(`Expected a string at ${path.join(".")}, got ${JSON.stringify(found)}`);
  return found;
}

export function list(value: unknown, ...path: Array<string | number>): unknown[] {
  const found = at(value, ...path);
  if (!Array.isArray(found))
    throw new Error(`Expected a list at ${path.join(".")}, got ${JSON.stringify(found)}`);
  return found;
}

/** Sends one Admin GraphQL request the way @shopify/shopify-api's client does. */
export async function graphqlRequest(
  send: (input: string, init: RequestInit) => Promise<Response>,
  origin: string,
  accessToken: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLReply> {
  const response = await send(`${origin}/admin/api/${ADMIN_API_VERSION}/graphql.json`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json",
      "X-Shopify-Access-Token": accessToken,
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: GraphQLBody.parse(await response.json()) };
}

/** An in-process client bound to one shop of the fake. */
export function clientFor(fake: ShopifyFake, shopDomain: string, accessToken: string) {
  return (query: string, variables?: Record<string, unknown>) =>
    graphqlRequest(
      (input, init) => fake.fetch(input, init),
      `https://${shopDomain}`,
      accessToken,
      query,
      variables,
    );
}

/** A clock tests move by hand. */
export function manualClock(start = new Date("2026-11-16T09:00:00Z")) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
  };
}
