import {
  GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLTypeResolver,
} from "graphql";
import type { FakeContext } from "./context";

export type Args = Record<string, unknown>;
export type Resolver<S> = (source: S, args: Args, ctx: FakeContext, info: GraphQLResolveInfo) => unknown;
export type TypeResolvers<S> = Record<string, Resolver<S>>;

/** A type's resolvers, typed against the record that backs it. */
export interface TypeDefinition {
  typeName: string;
  resolvers: TypeResolvers<never>;
}

export function defineType<S>(typeName: string, resolvers: TypeResolvers<S>): TypeDefinition {
  return { typeName, resolvers };
}

/** Types whose records are plain objects keyed by field name (payloads, user errors, connections). */
export function definePlainTypes(typeNames: string[]): TypeDefinition[] {
  return typeNames.map((typeName) => ({ typeName, resolvers: {} }));
}

export function notImplemented(typeName: string, fieldName: string): GraphQLError {
  return new GraphQLError(
    `Field '${fieldName}' on type '${typeName}' exists in the Admin API schema but is not implemented by the Shopify fake.`,
    { extensions: { code: "NOT_IMPLEMENTED_IN_FAKE", typeName, fieldName } },
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

const PLAIN_SUFFIXES = ["Connection", "Edge", "Payload", "UserError"];

/**
 * The one resolver graphql-js calls for every field. A field the fake has no resolver for is an error
 * that names it, never a silent null that looks like real data.
 */
export function createFieldResolver(
  definitions: TypeDefinition[],
): GraphQLFieldResolver<unknown, FakeContext> {
  const byType = new Map<string, TypeResolvers<never>>();
  const plain = new Set<string>();
  for (const definition of definitions) {
    byType.set(definition.typeName, { ...byType.get(definition.typeName), ...definition.resolvers });
    if (Object.keys(definition.resolvers).length === 0) plain.add(definition.typeName);
  }
  return (source, args, ctx, info) => {
    const typeName = info.parentType.name;
    const resolver = byType.get(typeName)?.[info.fieldName];
    // The single place a record meets its typed resolver: the registry keys resolvers by the
    // GraphQL type name they were defined for, so the record here is the one they expect.
    if (resolver) return resolver(source as never, args, ctx, info);
    const plainType =
      plain.has(typeName) || typeName === "PageInfo" || PLAIN_SUFFIXES.some((s) => typeName.endsWith(s));
    if (plainType && isRecord(source) && Object.hasOwn(source, info.fieldName)) return source[info.fieldName];
    throw notImplemented(typeName, info.fieldName);
  };
}

/** Records carry `__typename`, which is how Node, HasMetafields and friends find their concrete type. */
export const typeResolver: GraphQLTypeResolver<unknown, FakeContext> = (value) =>
  isRecord(value) && typeof value.__typename === "string" ? value.__typename : undefined;

export function shopifyError(
  message: string,
  code: string,
  extra: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** Shopify's answer to an id argument that is not a gid at all. */
export function invalidGlobalId(value: string): GraphQLError {
  return shopifyError(`Invalid global id '${value}'`, "argumentLiteralsIncompatible", {
    typeName: "CoercionError",
  });
}
