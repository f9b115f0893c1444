import { translate, type Locale, type MessageKey } from "./index";
import { messages } from "./messages";

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages.en, key);
}

/** A key that comes from data (a validation error, a diagnostic), translated; `fallback` when unknown. */
export function translateDynamic(
  locale: Locale,
  key: string,
  params: Record<string, string | number> = {},
  fallback = key,
): string {
  return isMessageKey(key) ? translate(locale, key, params) : fallback;
}
