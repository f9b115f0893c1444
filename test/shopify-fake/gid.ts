/** Shopify global ids: `gid://shopify/<Type>/<numeric id>` (Jobs use a UUID tail). */
export function gid(type: string, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}

export interface ParsedGid {
  type: string;
  id: number;
}

const GID = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?.*)?$/;

/** Parses a numeric Shopify gid; `null` for anything else (Shopify answers "invalid id" for those). */
export function parseGid(value: string): ParsedGid | null {
  const match = GID.exec(value);
  if (!match?.[1] || !match[2]) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) ? { type: match[1], id } : null;
}

/** The numeric tail of a gid, as Shopify prints it in messages ("Fulfillment order 123 ..."). */
export function gidTail(value: string): string {
  return value.slice(value.lastIndexOf("/") + 1);
}
