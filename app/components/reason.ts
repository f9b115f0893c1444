/** Kept for the pages' imports: the rendering lives in app/i18n/reasons.ts. */
export { flagText, problemText, reasonText } from "~/i18n/reasons";
