import { int, str } from "./args";
import { shopifyError, type Args } from "./registry";

export const MAX_PAGE_SIZE = 250;

export interface FakeConnection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/** What a cursor remembers: the last item's id and sort value, as Shopify's opaque base64 JSON does. */
export interface CursorKey {
  id: number;
  value: string | number | null;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify({ last_id: key.id, last_value: key.value })).toString("base64");
}

function decodeCursor(cursor: string): CursorKey {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64").toString("utf8"));
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      "last_id" in parsed &&
      typeof parsed.last_id === "number"
    ) {
      const value = "last_value" in parsed ? parsed.last_value : null;
      return {
        id: parsed.last_id,
        value: typeof value === "string" || typeof value === "number" ? value : null,
      };
    }
  } catch {
    // falls through to the error below
  }
  throw shopifyError(`Invalid cursor '${cursor}'.`, "BAD_REQUEST");
}

/** Shopify refuses a connection read without a page size, and pages above 250 items. */
export function checkPageSize(args: Args, fieldName: string): void {
  const first = int(args, "first");
  const last = int(args, "last");
  if (first === undefined && last === undefined) {
    throw shopifyError("you must provide one of first or last", "BAD_REQUEST");
  }
  for (const [name, size] of [
    ["first", first],
    ["last", last],
  ] as const) {
    if (size === undefined) continue;
    if (size > MAX_PAGE_SIZE) {
      throw shopifyError(
        `The '${name}' argument of '${fieldName}' must be at most ${MAX_PAGE_SIZE}, got ${size}.`,
        "BAD_REQUEST",
      );
    }
    if (size < 0)
      throw shopifyError(
        `The '${name}' argument of '${fieldName}' must be at least 0, got ${size}.`,
        "BAD_REQUEST",
      );
  }
}

export function compareKeys(a: CursorKey, b: CursorKey): number {
  if (a.value !== b.value) {
    if (a.value === null) return 1;
    if (b.value === null) return -1;
    if (typeof a.value === "number" && typeof b.value === "number") return a.value - b.value;
    return String(a.value).localeCompare(String(b.value));
  }
  return a.id - b.id;
}

/**
 * Cursor pagination over items already sorted by `keyOf` (ascending, or descending when `reversed`).
 * Items that vanish between pages do not break a cursor: it compares sort keys, not positions.
 */
export function paginate<T>(
  items: T[],
  args: Args,
  keyOf: (item: T) => CursorKey,
  options: { fieldName: string; reversed?: boolean },
): FakeConnection<T> {
  checkPageSize(args, options.fieldName);
  const direction = options.reversed ? -1 : 1;
  const after = str(args, "after");
  const before = str(args, "before");
  let window = items;
  if (after !== undefined) {
    const key = decodeCursor(after);
    window = window.filter((item) => direction * compareKeys(keyOf(item), key) > 0);
  }
  if (before !== undefined) {
    const key = decodeCursor(before);
    window = window.filter((item) => direction * compareKeys(keyOf(item), key) < 0);
  }
  const first = int(args, "first");
  const last = int(args, "last");
  let page = window;
  if (first !== undefined) page = page.slice(0, first);
  if (last !== undefined) page = page.slice(Math.max(0, page.length - last));
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  const firstItem = page[0];
  const startIndex = firstItem === undefined ? 0 : window.indexOf(firstItem);
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage:
        first !== undefined
          ? window.length > page.length
          : before !== undefined && window.length < items.length,
      hasPreviousPage:
        last !== undefined ? startIndex > 0 : after !== undefined && window.length < items.length,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Connections over a record's own list (line items, fulfillment orders): position is the sort key. */
export function paginateList<T extends { id: number }>(
  items: T[],
  args: Args,
  fieldName: string,
): FakeConnection<T> {
  const ordered = args.reverse === true ? [...items].reverse() : items;
  const position = new Map(items.map((item, index) => [item.id, index]));
  return paginate(ordered, args, (item) => ({ id: item.id, value: position.get(item.id) ?? 0 }), {
    fieldName,
    reversed: args.reverse === true,
  });
}
