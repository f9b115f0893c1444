/** German number and date formats for the bookkeeping files (decimal comma, thousands dot, Berlin time). */

/** 123456 → "1.234,56"; −95 → "-0,95". */
export function germanAmount(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${sign}${euros},${String(abs % 100).padStart(2, "0")}`;
}

/** A date and time in Berlin time, "06.10.2025 19:03". */
export function germanDateTime(at: Date): string {
  return new Intl.DateTimeFormat("de-DE", {
    timeZone: "Europe/Berlin",
    dateStyle: "medium",
    timeStyle: "short",
  })
    .format(at)
    .replace(",", "");
}

/** Berlin date as "06.10.2025". */
export function germanDate(at: Date): string {
  return new Intl.DateTimeFormat("de-DE", {
    timeZone: "Europe/Berlin",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(at);
}
