import type { Args } from "./registry";

/** Readers for coerced GraphQL arguments: graphql-js has already checked their types against the schema. */
export function str(args: Args, name: string): string | undefined {
  const value = args[name];
  return typeof value === "string" ? value : undefined;
}

export function int(args: Args, name: string): number | undefined {
  const value = args[name];
  return typeof value === "number" ? value : undefined;
}

export function bool(args: Args, name: string): boolean | undefined {
  const value = args[name];
  return typeof value === "boolean" ? value : undefined;
}

export function strList(args: Args, name: string): string[] | undefined {
  const value = args[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : undefined;
}

export function isArgs(value: unknown): value is Args {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function obj(args: Args, name: string): Args | undefined {
  const value = args[name];
  return isArgs(value) ? value : undefined;
}

export function objList(args: Args, name: string): Args[] | undefined {
  const value = args[name];
  return Array.isArray(value) ? value.filter(isArgs) : undefined;
}

export function has(args: Args, name: string): boolean {
  return Object.hasOwn(args, name);
}
