/**
 * Partial answers: Shopify answers a field the app may not read (protected customer data it is not
 * approved for) with null at that field and an error naming its path, and keeps the rest of the data
 * (https://shopify.dev/docs/apps/launch/protected-customer-data: "you might need to update your app to
 * handle errors or redacted data"). Such an answer is used, not thrown away; the denied paths tell which
 * order lost which field. Pure.
 */
import { z } from "zod";

export interface DeniedField {
  /** Response path of the denied field, e.g. ["nodes", 3, "shippingAddress", "zip"]. */
  path: Array<string | number>;
  message: string;
}

const errorSchema = z
  .object({
    message: z.string(),
    path: z.array(z.union([z.string(), z.number()])).optional(),
    extensions: z.object({ code: z.string().optional() }).loose().optional(),
  })
  .loose();

/** Shopify's wording for a protected field; `ACCESS_DENIED` is how a scope denial is coded. */
const PROTECTED_FIELD = /^This app is not approved to (use the \w+ field|access the \w+ object)/;

/**
 * The denied fields when every error of an answer is a denial of one nested field (the answer is then
 * usable); null when any error is something else (a whole query refused, a throttle, a bad document).
 */
export function deniedFields(errors: readonly unknown[]): DeniedField[] | null {
  const denied: DeniedField[] = [];
  for (const raw of errors) {
    const error = errorSchema.safeParse(raw);
    if (!error.success) return null;
    const { message, path, extensions } = error.data;
    const isDenial = extensions?.code === "ACCESS_DENIED" || PROTECTED_FIELD.test(message);
    // A denial at the top level (path of one) is a whole root field refused for a missing scope.
    if (!isDenial || !path || path.length < 2) return null;
    denied.push({ path, message });
  }
  return denied;
}

/** The field names denied under `prefix` (e.g. ["nodes", 3]): the last segment of each path. */
export function deniedUnder(
  denied: readonly DeniedField[],
  prefix: ReadonlyArray<string | number>,
): string[] {
  const names = denied
    .filter((d) => prefix.every((segment, i) => d.path[i] === segment))
    .map((d) => String(d.path.at(-1)));
  return [...new Set(names)];
}
