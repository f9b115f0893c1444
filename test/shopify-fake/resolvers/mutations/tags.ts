import { parseGid } from "../../gid";
import { sortTags } from "../../order-factory";
import { str, strList } from "../../graphql/args";
import type { FakeContext } from "../../graphql/context";
import { invalidGlobalId, type Args } from "../../graphql/registry";
import { requireScope } from "../../graphql/scopes";
import { orderWebhookBody } from "../../webhooks/payloads";

/** `["a, b", "c"]` and `["a", "b", "c"]` mean the same to Shopify. */
export function splitTags(tags: string[]): string[] {
  return tags
    .flatMap((tag) => tag.split(","))
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

function change(args: Args, ctx: FakeContext, fieldName: "tagsAdd" | "tagsRemove") {
  const id = str(args, "id") ?? "";
  const parsed = parseGid(id);
  if (!parsed) throw invalidGlobalId(id);
  const notFound = { node: null, userErrors: [{ field: ["id"], message: `${parsed.type} does not exist` }] };
  if (parsed.type !== "Order") return notFound;
  requireScope(ctx, fieldName, ["write_orders"]);
  const order = ctx.shop.order(parsed.id);
  if (!order) return notFound;
  const tags = splitTags(strList(args, "tags") ?? []);
  const lower = new Set(tags.map((t) => t.toLowerCase()));
  const before = order.tags.join(",");
  if (fieldName === "tagsAdd") {
    const known = new Set(order.tags.map((t) => t.toLowerCase()));
    const added = tags.filter(
      (t, i) =>
        !known.has(t.toLowerCase()) && tags.findIndex((u) => u.toLowerCase() === t.toLowerCase()) === i,
    );
    order.tags = sortTags([...order.tags, ...added]);
  } else {
    order.tags = order.tags.filter((t) => !lower.has(t.toLowerCase()));
  }
  if (order.tags.join(",") !== before) {
    order.updatedAt = ctx.now;
    ctx.shop.record(
      fieldName === "tagsAdd" ? "tags_added" : "tags_removed",
      id,
      `${fieldName}: ${tags.join(", ")}`,
    );
    ctx.emit("orders/updated", () => orderWebhookBody(order, ctx.shop, ctx.app));
  }
  return { node: order, userErrors: [] };
}

export const tagsAdd = (_s: unknown, args: Args, ctx: FakeContext) => change(args, ctx, "tagsAdd");
export const tagsRemove = (_s: unknown, args: Args, ctx: FakeContext) => change(args, ctx, "tagsRemove");
