import { createHash } from "node:crypto";
import { dateTime, uint64 } from "../format";
import { gid, parseGid } from "../gid";
import type { FakeMetafield } from "../model";
import { str, strList } from "../graphql/args";
import { paginate } from "../graphql/connection";
import type { AppIdentity, FakeContext } from "../graphql/context";
import { defineType, type Args, type Resolver } from "../graphql/registry";

/**
 * App-reserved namespaces: `$app` (or no namespace at all) is `app--<appId>`, `$app:franking` is
 * `app--<appId>--franking`. Shopify uses the app's numeric id here, not its API key.
 */
export function resolveNamespace(namespace: string | null | undefined, app: AppIdentity): string {
  if (namespace === undefined || namespace === null || namespace === "$app") return `app--${app.appId}`;
  if (namespace.startsWith("$app:")) return `app--${app.appId}--${namespace.slice("$app:".length)}`;
  return namespace;
}

/** Another app's reserved namespace: invisible to reads, refused on writes. */
export function belongsToOtherApp(namespace: string, app: AppIdentity): boolean {
  const match = /^app--(\d+)(?:--|$)/.exec(namespace);
  return match !== null && match[1] !== String(app.appId);
}

export function compareDigest(metafield: FakeMetafield): string {
  return createHash("sha256")
    .update(`${metafield.id}:${metafield.updatedAt.getTime()}:${metafield.value}`)
    .digest("hex");
}

function visible(ctx: FakeContext, ownerId: string): FakeMetafield[] {
  return ctx.shop.metafieldsOf(ownerId).filter((m) => !belongsToOtherApp(m.namespace, ctx.app));
}

/** `metafield(namespace:, key:)` and `metafields(...)` for any HasMetafields owner. */
export function metafieldFields<S>(
  ownerIdOf: (source: S, ctx: FakeContext) => string,
): Record<string, Resolver<S>> {
  return {
    metafield: (source, args, ctx) => {
      const namespace = resolveNamespace(str(args, "namespace"), ctx.app);
      if (belongsToOtherApp(namespace, ctx.app)) return null;
      return ctx.shop.metafield(ownerIdOf(source, ctx), namespace, str(args, "key") ?? "") ?? null;
    },
    metafields: (source, args: Args, ctx) => {
      const namespaceArg = str(args, "namespace");
      const namespace = namespaceArg === undefined ? undefined : resolveNamespace(namespaceArg, ctx.app);
      const keys = strList(args, "keys")?.map((k) => {
        const dot = k.lastIndexOf(".");
        return `${resolveNamespace(k.slice(0, dot), ctx.app)}.${k.slice(dot + 1)}`;
      });
      const list = visible(ctx, ownerIdOf(source, ctx))
        .filter((m) => namespace === undefined || m.namespace === namespace)
        .filter((m) => !keys || keys.includes(`${m.namespace}.${m.key}`));
      const reversed = args.reverse === true;
      const ordered = reversed ? [...list].reverse() : list;
      return paginate(ordered, args, (m) => ({ id: m.id, value: m.id }), {
        fieldName: "metafields",
        reversed,
      });
    },
  };
}

function parseJsonValue(metafield: FakeMetafield): unknown {
  if (
    metafield.type === "json" ||
    metafield.type.startsWith("list.") ||
    ["money", "rating", "link", "weight", "dimension", "volume"].includes(metafield.type)
  ) {
    try {
      return JSON.parse(metafield.value);
    } catch {
      return metafield.value;
    }
  }
  if (metafield.type === "number_integer") return Number(metafield.value);
  if (metafield.type === "boolean") return metafield.value === "true";
  return metafield.value;
}

export const metafieldType = defineType<FakeMetafield>("Metafield", {
  id: (m) => gid("Metafield", m.id),
  legacyResourceId: (m) => uint64(m.id),
  namespace: (m) => m.namespace,
  key: (m) => m.key,
  type: (m) => m.type,
  value: (m) => m.value,
  jsonValue: (m) => parseJsonValue(m),
  createdAt: (m) => dateTime(m.createdAt),
  updatedAt: (m) => dateTime(m.updatedAt),
  ownerType: (m) => m.ownerType,
  compareDigest: (m) => compareDigest(m),
  definition: () => null,
  reference: () => null,
  sizeInBytes: (m) => Buffer.byteLength(m.value),
  owner: (m, _args, ctx) => ownerRecord(m.ownerId, ctx),
});

/** The record behind an owner gid, typed for HasMetafields resolution. */
export function ownerRecord(ownerId: string, ctx: FakeContext): unknown {
  const parsed = parseGid(ownerId);
  if (!parsed) return null;
  if (parsed.type === "Order") return ctx.shop.order(parsed.id) ?? null;
  if (parsed.type === "Shop" && parsed.id === ctx.shop.info.id) return { __typename: "Shop" };
  if (parsed.type === "AppInstallation" && parsed.id === ctx.shop.appInstallationId)
    return { __typename: "AppInstallation" };
  return null;
}
