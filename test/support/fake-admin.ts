import { GraphqlQueryError } from "@shopify/shopify-api";
import { z } from "zod";
import type { AdminGraphql } from "~/shopify/graphql.server";
import { ADMIN_API_VERSION, type ShopifyFake } from "../shopify-fake";

const bodySchema = z.object({
  data: z.unknown().optional(),
  errors: z.unknown().optional(),
  extensions: z.unknown().optional(),
});

/**
 * The Admin GraphQL access `authenticate.admin` gives a route, for service tests: requests go to the Shopify
 * fake in process, and GraphQL errors are thrown as GraphqlQueryError with the same body shape
 * @shopify/shopify-api's client uses (`errors.graphQLErrors`, `extensions.cost`).
 */
export function fakeAdmin(fake: ShopifyFake, shopDomain: string, accessToken: string): AdminGraphql {
  return {
    async graphql(query, options) {
      const response = await fake.fetch(`https://${shopDomain}/admin/api/${ADMIN_API_VERSION}/graphql.json`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": accessToken },
        body: JSON.stringify({ query, variables: options?.variables }),
      });
      const body = bodySchema.parse(await response.json());
      if (body.errors !== undefined) {
        const graphQLErrors = Array.isArray(body.errors) ? body.errors : [];
        throw new GraphqlQueryError({
          message: "GraphQL operation failed",
          response: { status: response.status },
          // As @shopify/graphql-client answers: partial data (fields denied) stays beside the errors.
          body: { data: body.data, errors: { graphQLErrors }, extensions: body.extensions },
        });
      }
      return new Response(JSON.stringify(body));
    },
  };
}
