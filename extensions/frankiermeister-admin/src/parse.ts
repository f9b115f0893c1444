/**
 * Tiny hand-written readers for JSON answers: each checks one field and, when it is not what the
 * contract says, throws a `ShapeError` naming the field's path, what was expected and what came.
 */

export type Json = Record<string, unknown>;

export class ShapeError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly got: unknown,
  ) {
    super(`${path || "the answer"} should be ${expected}, got ${describe(got)}`);
    this.name = "ShapeError";
  }
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const at = (path: string, key: string | number) =>
  typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key;

export function object(value: unknown, path: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ShapeError(path, "an object", value);
  }
  return value as Json;
}

export function string(o: Json, key: string, path: string): string {
  const value = o[key];
  if (typeof value !== "string") throw new ShapeError(at(path, key), "text", value);
  return value;
}

export function nonEmptyString(o: Json, key: string, path: string): string {
  const value = string(o, key, path);
  if (value.trim() === "") throw new ShapeError(at(path, key), "non-empty text", value);
  return value;
}

export function nullableString(o: Json, key: string, path: string): string | null {
  return o[key] === null ? null : string(o, key, path);
}

/** A field the contract marks optional: absent or null both mean "not given". */
export function optionalString(o: Json, key: string, path: string): string | undefined {
  return o[key] === undefined || o[key] === null ? undefined : string(o, key, path);
}

export function boolean(o: Json, key: string, path: string): boolean {
  const value = o[key];
  if (typeof value !== "boolean") throw new ShapeError(at(path, key), "true or false", value);
  return value;
}

export function nullableBoolean(o: Json, key: string, path: string): boolean | null {
  return o[key] === null ? null : boolean(o, key, path);
}

function parsesAsUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * A link the app hands out to be opened without a session token (a new tab, the print preview): an
 * absolute http(s) URL, or null.
 */
export function nullableLink(o: Json, key: string, path: string): string | null {
  const value = o[key];
  if (value === null) return null;
  if (typeof value !== "string" || !/^https?:\/\/[^/]/.test(value) || !parsesAsUrl(value)) {
    throw new ShapeError(at(path, key), "an absolute http(s) URL or null", value);
  }
  return value;
}

/** Whole numbers only: every amount is in cents and every count is a count. */
export function wholeNumber(o: Json, key: string, path: string, min = 0): number {
  const value = o[key];
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    throw new ShapeError(at(path, key), `a whole number ≥ ${min}`, value);
  }
  return value;
}

export function nullableWholeNumber(o: Json, key: string, path: string, min = 0): number | null {
  return o[key] === null ? null : wholeNumber(o, key, path, min);
}

export function optionalWholeNumber(o: Json, key: string, path: string, min = 0): number | undefined {
  return o[key] === undefined || o[key] === null ? undefined : wholeNumber(o, key, path, min);
}

export function oneOf<T extends string>(o: Json, key: string, path: string, allowed: readonly T[]): T {
  const value = o[key];
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new ShapeError(at(path, key), `one of ${allowed.join(", ")}`, value);
  }
  return value as T;
}

export function list<T>(o: Json, key: string, path: string, item: (value: unknown, path: string) => T): T[] {
  const value = o[key];
  if (!Array.isArray(value)) throw new ShapeError(at(path, key), "a list", value);
  return value.map((entry, index) => item(entry, at(at(path, key), index)));
}

export function stringList(o: Json, key: string, path: string): string[] {
  return list(o, key, path, (value, itemPath) => {
    if (typeof value !== "string") throw new ShapeError(itemPath, "text", value);
    return value;
  });
}

/** An ISO 8601 timestamp such as `2026-11-25T10:00:00.000Z`. */
export function timestamp(o: Json, key: string, path: string): string {
  const value = o[key];
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new ShapeError(at(path, key), "an ISO 8601 timestamp", value);
  }
  return value;
}

export function nullableTimestamp(o: Json, key: string, path: string): string | null {
  return o[key] === null ? null : timestamp(o, key, path);
}
