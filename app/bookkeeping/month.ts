/** Calendar months in German time (Europe/Berlin): a statement month runs from its first midnight to the next. */

export interface Month {
  year: number;
  /** 1..12 */
  month: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-11" → { year: 2026, month: 11 }; null for anything else. */
export function parseMonth(value: string | null): Month | null {
  const match = MONTH.exec(value ?? "");
  return match ? { year: Number(match[1]), month: Number(match[2]) } : null;
}

export const monthKey = (m: Month) => `${m.year}-${String(m.month).padStart(2, "0")}`;

export function nextMonth(m: Month): Month {
  return m.month === 12 ? { year: m.year + 1, month: 1 } : { year: m.year, month: m.month + 1 };
}

/** Berlin's offset from UTC at this instant, in minutes (60 in winter, 120 in summer). */
function berlinOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: "Europe/Berlin",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((local - at.getTime()) / 60_000);
}

/** The instant Berlin's clocks show midnight at the start of this month. */
export function monthStart(m: Month): Date {
  const utcMidnight = Date.UTC(m.year, m.month - 1, 1);
  const offset = berlinOffsetMinutes(new Date(utcMidnight));
  return new Date(utcMidnight - offset * 60_000);
}

/** [start, end) of the month in Berlin time. */
export function monthRange(m: Month): { from: Date; to: Date } {
  return { from: monthStart(m), to: monthStart(nextMonth(m)) };
}

/** The Berlin month an instant falls in. */
export function monthOf(at: Date): Month {
  const local = new Date(at.getTime() + berlinOffsetMinutes(at) * 60_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

/** Day and month in Berlin time as DATEV's Belegdatum wants them: "TTMM". */
export function berlinDayMonth(at: Date): string {
  const local = new Date(at.getTime() + berlinOffsetMinutes(at) * 60_000);
  return `${String(local.getUTCDate()).padStart(2, "0")}${String(local.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Last day of the month, 28..31. */
export function daysIn(m: Month): number {
  return new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();
}
