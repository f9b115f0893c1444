import { shopifyError } from "./registry";
import type { FakeContext } from "./context";

/** The scopes the fake grants when `createShopifyFake` is given none: what a franking app asks for. */
export const DEFAULT_SCOPES =
  "read_orders,write_orders,read_merchant_managed_fulfillment_orders,write_merchant_managed_fulfillment_orders";

export function parseScopes(scopes: string): Set<string> {
  const granted = new Set(
    scopes
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
  // Shopify: a write scope implies its read scope.
  for (const scope of [...granted])
    if (scope.startsWith("write_")) granted.add(`read_${scope.slice("write_".length)}`);
  return granted;
}

/**
 * ACCESS_DENIED as Shopify words it, when the app holds none of the accepted scopes:
 * "Access denied for orders field. Required access: `read_orders` access scope."
 */
export function requireScope(ctx: FakeContext, fieldName: string, anyOf: string[]): void {
  if (anyOf.some((scope) => ctx.scopes.has(scope))) return;
  const requiredAccess = anyOf.map((scope) => `\`${scope}\` access scope`).join(" OR ") + ".";
  throw shopifyError(
    `Access denied for ${fieldName} field. Required access: ${requiredAccess}`,
    "ACCESS_DENIED",
    {
      documentation: "https://shopify.dev/api/usage/access-scopes",
      requiredAccess,
    },
  );
}

export const FULFILLMENT_ORDER_READ_SCOPES = [
  "read_merchant_managed_fulfillment_orders",
  "read_assigned_fulfillment_orders",
  "read_third_party_fulfillment_orders",
];

export const FULFILLMENT_ORDER_WRITE_SCOPES = [
  "write_merchant_managed_fulfillment_orders",
  "write_assigned_fulfillment_orders",
  "write_third_party_fulfillment_orders",
];
