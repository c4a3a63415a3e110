/**
 * Calendar dates ('2026-11-02') and where they start in an IANA time zone, DST included: a day is
 * the instants from its local midnight to the next one (23 or 25 hours across a change).
 */

const DAY_MS = 86_400_000;

/** The date `days` after (or before) a calendar date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The weekday of a calendar date, Monday 0 to Sunday 6. */
export function isoWeekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local wall-clock time of an instant, read as if it were UTC (so offset = that − instant). */
function wallClock(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

/** The calendar date an instant falls on in a time zone. */
export function dateAt(instant: number, timeZone: string): string {
  return new Date(wallClock(instant, timeZone)).toISOString().slice(0, 10);
}

/**
 * The first instant of a calendar date in a time zone. The offset is read at the guess and again at
 * the corrected instant (the two differ next to a DST change); where midnight itself is skipped, the
 * day starts at the first instant that falls on it.
 */
export function startOfDay(date: string, timeZone: string): number {
  const local = Date.parse(`${date}T00:00:00Z`);
  let instant = local - (wallClock(local, timeZone) - local);
  instant = local - (wallClock(instant, timeZone) - instant);
  if (dateAt(instant, timeZone) < date) {
    // midnight did not exist that day: step forward to the hour the clocks jumped to
    while (dateAt(instant, timeZone) < date) instant += 15 * 60_000;
  }
  return instant;
}
