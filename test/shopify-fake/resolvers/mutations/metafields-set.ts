import { parseGid } from "../../gid";
import type { FakeMetafield, MetafieldOwnerType } from "../../model";
import { has, objList, str } from "../../graphql/args";
import type { FakeContext } from "../../graphql/context";
import type { Args } from "../../graphql/registry";
import { requireScope } from "../../graphql/scopes";
import { belongsToOtherApp, compareDigest, resolveNamespace } from "../metafield";
import { isMetafieldType, METAFIELD_TYPES, validateMetafieldValue } from "../metafield-types";

export const MAX_METAFIELDS_PER_CALL = 25;
const RESERVED_NAMESPACES = new Set(["shopify_standard", "protected", "shopify-l10n-fields"]);

interface MetafieldsSetUserError {
  field: string[] | null;
  message: string;
  code: string | null;
  elementIndex: number | null;
}

function error(
  field: string[] | null,
  message: string,
  code: string | null,
  elementIndex: number | null = null,
): MetafieldsSetUserError {
  return { field, message, code, elementIndex };
}

function ownerTypeOf(ownerId: string, ctx: FakeContext): MetafieldOwnerType | null {
  const parsed = parseGid(ownerId);
  if (!parsed) return null;
  if (parsed.type === "Order" && ctx.shop.order(parsed.id)) {
    requireScope(ctx, "metafieldsSet", ["write_orders"]);
    return "ORDER";
  }
  if (parsed.type === "Shop" && parsed.id === ctx.shop.info.id) return "SHOP";
  if (parsed.type === "AppInstallation" && parsed.id === ctx.shop.appInstallationId) return "API_PERMISSION";
  return null;
}

/** Checks one input; returns the problems Shopify would report for it (first failing rule wins). */
function check(input: Args, index: number, ctx: FakeContext): MetafieldsSetUserError[] {
  const at = (...rest: string[]) => ["metafields", String(index), ...rest];
  const ownerId = str(input, "ownerId") ?? "";
  const namespace = resolveNamespace(str(input, "namespace"), ctx.app);
  const key = str(input, "key") ?? "";
  const type = str(input, "type");
  const value = str(input, "value") ?? "";
  if (!ownerTypeOf(ownerId, ctx)) return [error(at("ownerId"), "Owner does not exist.", "INVALID")];
  if (namespace.length < 3)
    return [error(at("namespace"), "Namespace is too short (minimum is 3 characters)", "TOO_SHORT")];
  if (namespace.length > 255)
    return [error(at("namespace"), "Namespace is too long (maximum is 255 characters)", "TOO_LONG")];
  if (key.length < 2) return [error(at("key"), "Key is too short (minimum is 2 characters)", "TOO_SHORT")];
  if (key.length > 64) return [error(at("key"), "Key is too long (maximum is 64 characters)", "TOO_LONG")];
  if (!/^[\w-]+$/.test(namespace))
    return [error(at("namespace"), "Namespace contains one or more invalid characters.", "INVALID")];
  if (!/^[\w-]+$/.test(key))
    return [error(at("key"), "Key contains one or more invalid characters.", "INVALID")];
  if (RESERVED_NAMESPACES.has(namespace))
    return [error(at("namespace"), `Namespace ${namespace} is a reserved namespace`, null)];
  if (belongsToOtherApp(namespace, ctx.app)) {
    return [
      error(
        at(),
        "Access to this namespace and key on Metafields for this resource type is not allowed.",
        "APP_NOT_AUTHORIZED",
      ),
    ];
  }
  if (type === undefined) return [error(at("type"), "Type can't be blank", "BLANK")];
  if (!isMetafieldType(type)) {
    return [
      error(at("type"), `Type must be one of the following: ${METAFIELD_TYPES.join(", ")}.`, "INCLUSION"),
    ];
  }
  const existing = ctx.shop.metafield(ownerId, namespace, key);
  if (existing && existing.type !== type) {
    return [
      error(
        at("type"),
        `Type '${type}' does not match the existing metafield type '${existing.type}'.`,
        "INVALID_TYPE",
      ),
    ];
  }
  if (has(input, "compareDigest")) {
    const digest = str(input, "compareDigest") ?? null;
    if ((existing ? compareDigest(existing) : null) !== digest) {
      return [
        error(
          at(),
          "The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.",
          "STALE_OBJECT",
        ),
      ];
    }
  }
  if (value === "" && type !== "single_line_text_field" && type !== "multi_line_text_field") {
    return [error(at("value"), "Value can't be blank.", "BLANK")];
  }
  return validateMetafieldValue(type, value).map((p) =>
    error(at("value"), p.message, "INVALID_VALUE", p.elementIndex),
  );
}

/**
 * metafieldsSet: atomic (one bad input and nothing is written), at most 25 inputs, owner must exist,
 * `$app` namespaces resolved for this app, values checked against their type.
 */
export function metafieldsSet(_source: unknown, args: Args, ctx: FakeContext) {
  const inputs = objList(args, "metafields") ?? [];
  if (inputs.length > MAX_METAFIELDS_PER_CALL) {
    return {
      metafields: null,
      userErrors: [
        error(
          ["metafields"],
          `Exceeded the maximum metafields input limit of ${MAX_METAFIELDS_PER_CALL}.`,
          "LESS_THAN_OR_EQUAL_TO",
        ),
      ],
    };
  }
  const userErrors = inputs.flatMap((input, index) => check(input, index, ctx));
  if (userErrors.length > 0) return { metafields: null, userErrors };
  const written: FakeMetafield[] = inputs.map((input) => {
    const ownerId = str(input, "ownerId") ?? "";
    const namespace = resolveNamespace(str(input, "namespace"), ctx.app);
    const key = str(input, "key") ?? "";
    const value = str(input, "value") ?? "";
    const existing = ctx.shop.metafield(ownerId, namespace, key);
    if (existing) {
      if (existing.value !== value) existing.updatedAt = ctx.now;
      existing.value = value;
      return existing;
    }
    const created: FakeMetafield = {
      __typename: "Metafield",
      id: ctx.ids.take("Metafield"),
      ownerId,
      ownerType: ownerTypeOf(ownerId, ctx) ?? "ORDER",
      namespace,
      key,
      type: str(input, "type") ?? "single_line_text_field",
      value,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    ctx.shop.metafields.push(created);
    return created;
  });
  for (const metafield of written) {
    ctx.shop.record(
      "metafield_set",
      metafield.ownerId,
      `Metafield ${metafield.namespace}.${metafield.key} set`,
    );
  }
  return { metafields: written, userErrors: [] };
}
