/**
 * Protected customer data (https://shopify.dev/docs/apps/launch/protected-customer-data). Level 1 is
 * customer data without the protected fields; level 2 adds the name, address, phone and email fields,
 * each requested on its own in the Partner Dashboard. A field the app is not approved for answers null
 * with an error at its path, and the rest of the response is kept ("you might need to update your app to
 * handle errors or redacted data"). The message follows Shopify's documented example:
 * "This app is not approved to use the phoneNumber field. See https://partners.shopify.com/… for more
 * details." The `extensions.code` ACCESS_DENIED is an assumption (see README).
 */
import { GraphQLError } from "graphql";
import type { FakeContext } from "./context";

export type ProtectedField = "name" | "address" | "phone" | "email";

export interface ProtectedDataApproval {
  /** Level 1: the app may read customer data at all (the Customer object). */
  level1: boolean;
  /** Level 2: the protected fields the app is approved for. */
  fields: ReadonlySet<ProtectedField>;
}

export const FULL_APPROVAL: ProtectedDataApproval = {
  level1: true,
  fields: new Set<ProtectedField>(["name", "address", "phone", "email"]),
};

export const NO_APPROVAL: ProtectedDataApproval = { level1: false, fields: new Set() };

/** Level 1 without any protected field: what an app gets before its level 2 request is approved. */
export const LEVEL_1_ONLY: ProtectedDataApproval = { level1: true, fields: new Set() };

export const PROTECTED_DATA_DOCS = "https://shopify.dev/docs/apps/launch/protected-customer-data";

function denied(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "ACCESS_DENIED", documentation: PROTECTED_DATA_DOCS },
  });
}

/** The value of a protected field, or the error Shopify answers when the app is not approved for it. */
export function guardProtected<T>(ctx: FakeContext, kind: ProtectedField, fieldName: string, value: T): T {
  if (ctx.protectedData.fields.has(kind)) return value;
  throw denied(
    `This app is not approved to use the ${fieldName} field. See ${PROTECTED_DATA_DOCS} for more details.`,
  );
}

/** The Customer object itself needs level 1. */
export function guardCustomerObject<T>(ctx: FakeContext, value: T): T {
  if (ctx.protectedData.level1 || value === null) return value;
  throw denied("This app is not approved to access the Customer object.");
}
