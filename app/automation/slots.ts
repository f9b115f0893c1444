/**
 * When an automatic run is due. A slot is a time of day in the shop's time zone ("14:00" Europe/Berlin);
 * its key names the local date and time, so every process computes the same key for the same slot and
 * the database's unique key lets only one of them run it. Pure: the clock is passed in.
 */

export interface Slot {
  key: string;
  at: Date;
}

/** A slot missed by more than this (the app was down) is not run late; the next slot takes its orders. */
export const CATCH_UP_MS = 6 * 60 * 60 * 1000;

function localParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? "0");
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** The zone's offset from UTC at `at`, in milliseconds (positive east of Greenwich). */
function offsetMs(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant a local wall-clock time happens in the zone. A time skipped by the spring change (02:30)
 * happens an hour later; a time that happens twice in autumn is taken the first time.
 */
export function zonedInstant(
  date: { year: number; month: number; day: number },
  time: string,
  timeZone: string,
): Date {
  const [hour = 0, minute = 0] = time.split(":").map(Number);
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const first = wall - offsetMs(new Date(wall - 14 * 3600_000), timeZone);
  const guess = wall - offsetMs(new Date(wall), timeZone);
  const candidates = [first, guess].filter((t) => {
    const p = localParts(new Date(t), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) === wall;
  });
  return new Date(candidates.length > 0 ? Math.min(...candidates) : Math.max(first, guess));
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The local calendar day of `at` as "2026-12-02". */
export function localDay(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The instant the local day of `at` began (for "spent today"). */
export function startOfLocalDay(at: Date, timeZone: string): Date {
  const p = localParts(at, timeZone);
  return zonedInstant(p, "00:00", timeZone);
}

/**
 * The latest slot at or before `now` that is after `since` (when the rules were saved) and not older than
 * CATCH_UP_MS; null when none is due. Today's and yesterday's local dates are looked at.
 */
export function dueSlot(now: Date, times: readonly string[], timeZone: string, since: Date): Slot | null {
  let best: Slot | null = null;
  for (const back of [0, 1]) {
    const day = localParts(new Date(now.getTime() - back * 24 * 3600_000), timeZone);
    for (const time of times) {
      const at = zonedInstant(day, time, timeZone);
      if (at > now || at <= since || now.getTime() - at.getTime() > CATCH_UP_MS) continue;
      if (!best || at > best.at)
        best = { key: `times:${day.year}-${pad(day.month)}-${pad(day.day)}T${time}`, at };
    }
  }
  return best;
}

/** "At once" runs share one key per minute: two processes polling in the same minute run it once. */
export function immediateSlot(now: Date): Slot {
  const at = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return { key: `now:${at.toISOString().slice(0, 16)}`, at };
}

/** A merchant's "run now" (and the local-mode demo button): its own key, to the minute. */
export function manualSlot(now: Date): Slot {
  const at = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return { key: `manual:${at.toISOString().slice(0, 16)}`, at };
}
