/**
 * Field-level validation errors in a form the pages can show inline and translate: the field's dotted
 * path (as the form names it), a message key of `app/i18n` and its values.
 */
import type { SettingsIssue } from "./schema";

export interface FieldError {
  path: string;
  key: string;
  params: Record<string, string | number>;
}

/** What zod reports, reduced to what the pages need (zod's issues are structurally compatible). */
export interface IssueLike {
  code?: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
}

const pathOf = (path: readonly PropertyKey[]) => path.map(String).join(".");

export function toFieldError(issue: IssueLike): FieldError {
  const path = pathOf(issue.path);
  if (issue.message.startsWith("settings.error.")) return { path, key: issue.message, params: {} };
  const min = issue.minimum === undefined ? 0 : Number(issue.minimum);
  const max = issue.maximum === undefined ? 0 : Number(issue.maximum);
  const blank = issue.input === undefined || issue.input === null || issue.input === "";
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string")
        return {
          path,
          key: min <= 1 ? "settings.error.required" : "settings.error.tooShort",
          params: { min },
        };
      if (issue.origin === "array") return { path, key: "settings.error.tooFew", params: { min } };
      return { path, key: "settings.error.min", params: { min } };
    case "too_big":
      if (issue.origin === "string") return { path, key: "settings.error.tooLong", params: { max } };
      if (issue.origin === "array") return { path, key: "settings.error.tooMany", params: { max } };
      return { path, key: "settings.error.max", params: { max } };
    case "invalid_type":
      if (blank) return { path, key: "settings.error.required", params: {} };
      return {
        path,
        key: issue.expected === "int" ? "settings.error.wholeNumber" : "settings.error.number",
        params: {},
      };
    case "invalid_value":
      return { path, key: "settings.error.choice", params: {} };
    default:
      return { path, key: "settings.error.invalid", params: {} };
  }
}

/** Schema issues plus cross-field issues, one error per field (the first wins). */
export function fieldErrors(issues: ReadonlyArray<IssueLike | SettingsIssue>): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const error = toFieldError(issue);
    if (seen.has(error.path)) continue;
    seen.add(error.path);
    errors.push(error);
  }
  return errors;
}
