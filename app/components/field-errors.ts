import type { Locale } from "~/i18n";
import { translateDynamic } from "~/i18n/keys";
import type { FieldError } from "~/settings/errors";

/** The translated error of one form field (by its dotted name), if the last save reported one. */
export function fieldErrorFor(
  errors: readonly FieldError[] | undefined,
  path: string,
  locale: Locale,
): string | undefined {
  const error = errors?.find((e) => e.path === path);
  return error ? translateDynamic(locale, error.key, error.params) : undefined;
}

/** Errors of fields a page does not show (so none is lost), translated with their path. */
export function otherErrors(
  errors: readonly FieldError[] | undefined,
  shown: (path: string) => boolean,
  locale: Locale,
): string[] {
  return (errors ?? [])
    .filter((e) => !shown(e.path))
    .map((e) => `${e.path}: ${translateDynamic(locale, e.key, e.params)}`);
}
