/** Money and dates for the batches pages (the app's formats, `~/components/format`), days in German time. */
export { formatDateTime, formatEuro } from "~/components/format";

/** `YYYY-MM-DD` of `date` in German time. */
export function berlinDay(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(date);
}

/** The numeric id of `gid://shopify/Order/123`, or the input unchanged. */
export const numericId = (gid: string) => gid.split("/").pop() ?? gid;
