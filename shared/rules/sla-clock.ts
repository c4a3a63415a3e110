/**
 * The business-hours clock of an SLA policy: working intervals per weekday in the policy's IANA time
 * zone, whole-day holidays skipped. Pure (Intl only), so the engine and the server agree.
 *
 * Business time is real elapsed time inside working intervals: an interval is mapped to the two
 * instants its local start and end denote on that date, so on a DST day an interval that spans the
 * change (e.g. 00:00–24:00) is 23 or 25 hours long. A local time that does not exist (spring-forward
 * gap) maps to an instant just after the gap; one that exists twice (fall back) to one of the two.
 *
 * Cost: the clock walks local days, not minutes, and jumps whole weeks without holidays or DST
 * changes by the week's nominal total; UTC offsets are cached per quarter hour. A 10,000-minute
 * target is a few dozen steps.
 */

/** The parts of a policy the clock reads (SlaPolicy satisfies it). */
export interface BusinessCalendar {
  readonly timeZone: string;
  /** Index 0 = Sunday … 6 = Saturday: working intervals in minutes from local midnight, sorted, not overlapping. */
  readonly week: readonly (readonly { readonly start: number; readonly end: number }[])[];
  /** Whole days off, YYYY-MM-DD in the policy's time zone. */
  readonly holidays: readonly string[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;
const BUCKET = 15 * MINUTE;
/** A walk longer than this many local days means the calendar has no working time left: refuse rather than spin. */
const MAX_DAYS = 366 * 50;

interface Compiled {
  /** Per weekday: [start, end) in ms from local midnight. */
  week: [number, number][][];
  /** Working ms of a week without holidays or DST change. */
  weekMs: number;
  /** Local day numbers (days since 1970-01-01 of the local date) that are holidays. */
  holidays: Set<number>;
  zone: Zone;
}

/** A time zone's formatter and its UTC offsets (ms) by quarter-hour bucket of an instant, shared by every policy in that zone. */
interface Zone {
  format: Intl.DateTimeFormat;
  offsets: Map<number, number>;
}

const compiledByCalendar = new WeakMap<BusinessCalendar, Compiled>();
const zones = new Map<string, Zone>();

function zoneFor(timeZone: string): Zone {
  let z = zones.get(timeZone);
  if (!z) {
    const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    z = { format, offsets: new Map() };
    zones.set(timeZone, z);
  }
  return z;
}

/** True when the runtime knows the IANA time zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    zoneFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function compile(cal: BusinessCalendar): Compiled {
  let c = compiledByCalendar.get(cal);
  if (c) return c;
  const week = Array.from({ length: 7 }, (_, d) =>
    [...(cal.week[d] ?? [])].sort((a, b) => a.start - b.start).map((h): [number, number] => [h.start * MINUTE, h.end * MINUTE]),
  );
  c = {
    week,
    weekMs: week.flat().reduce((sum, [s, e]) => sum + (e - s), 0),
    holidays: new Set(cal.holidays.map((d) => Date.parse(`${d}T00:00:00Z`) / DAY)),
    zone: zoneFor(cal.timeZone),
  };
  compiledByCalendar.set(cal, c);
  return c;
}

/** Local time minus UTC, in ms, at instant `ms`. Offsets change on quarter-hour boundaries in every zone in use today. */
function offsetAt(c: Compiled, ms: number): number {
  const { format, offsets } = c.zone;
  const bucket = Math.floor(ms / BUCKET);
  let off = offsets.get(bucket);
  if (off !== undefined) return off;
  const at = bucket * BUCKET;
  const p: Record<string, string> = {};
  for (const part of format.formatToParts(at)) p[part.type] = part.value;
  off = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - at;
  if (offsets.size > 50_000) offsets.clear();
  offsets.set(bucket, off);
  return off;
}

/** The instant of local wall time `naive` (local date and time written as if it were UTC). */
function instantOf(c: Compiled, naive: number): number {
  const guess = naive - offsetAt(c, naive);
  const off = offsetAt(c, guess);
  return naive - off === guess ? guess : naive - off;
}

const localDayOf = (c: Compiled, ms: number) => Math.floor((ms + offsetAt(c, ms)) / DAY);
/** 1970-01-01 was a Thursday (4). */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;
const dayStart = (c: Compiled, day: number) => instantOf(c, day * DAY);

/** A whole week from local day `day` that may be counted by its nominal total: no holiday, no DST change. */
function plainWeek(c: Compiled, day: number): boolean {
  for (let d = day; d < day + 7; d++) if (c.holidays.has(d)) return false;
  return dayStart(c, day + 7) - dayStart(c, day) === WEEK;
}

function parse(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not a time: ${iso}`);
  return ms;
}

/**
 * The instant `minutes` business minutes after `startIso`. Starting outside working hours counts from
 * the next working interval; 0 minutes is the start itself. A due time that falls exactly on the end
 * of an interval is that end, not the start of the next one.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, startIso: string, minutes: number): string {
  const start = parse(startIso);
  if (!(minutes > 0)) return new Date(start).toISOString();
  const c = compile(calendar);
  if (c.weekMs === 0) throw new RangeError('The business calendar has no working hours.');
  let remaining = minutes * MINUTE;
  const first = localDayOf(c, start);
  for (let day = first; day < first + MAX_DAYS; day++) {
    // Whole weeks at once, once the walk is at a local midnight and past the week.
    if (day > first && remaining > c.weekMs && plainWeek(c, day)) {
      remaining -= c.weekMs;
      day += 6;
      continue;
    }
    if (c.holidays.has(day)) continue;
    for (const [s, e] of c.week[weekdayOf(day)] as [number, number][]) {
      const from = Math.max(instantOf(c, day * DAY + s), start);
      const to = instantOf(c, day * DAY + e);
      if (from >= to) continue;
      if (remaining <= to - from) return new Date(from + remaining).toISOString();
      remaining -= to - from;
    }
  }
  throw new RangeError('The business calendar has no working hours left (holidays cover every working day).');
}

/**
 * Business minutes from `aIso` to `bIso` (negative when b is before a), fractional to the millisecond.
 */
export function businessMinutesBetween(calendar: BusinessCalendar, aIso: string, bIso: string): number {
  const a = parse(aIso);
  const b = parse(bIso);
  if (b < a) return -businessMs(compile(calendar), b, a) / MINUTE;
  return businessMs(compile(calendar), a, b) / MINUTE;
}

function businessMs(c: Compiled, a: number, b: number): number {
  if (c.weekMs === 0 || a === b) return 0;
  let total = 0;
  const first = localDayOf(c, a);
  const last = localDayOf(c, b);
  for (let day = first; day <= last; day++) {
    if (day > first && day + 7 <= last && plainWeek(c, day)) {
      total += c.weekMs;
      day += 6;
      continue;
    }
    if (c.holidays.has(day)) continue;
    for (const [s, e] of c.week[weekdayOf(day)] as [number, number][]) {
      const from = Math.max(instantOf(c, day * DAY + s), a);
      const to = Math.min(instantOf(c, day * DAY + e), b);
      if (to > from) total += to - from;
    }
  }
  return total;
}

/** Why a week of working intervals is not usable, or null. */
export function calendarRefusal(calendar: BusinessCalendar): string | null {
  if (!isKnownTimeZone(calendar.timeZone)) return `“${calendar.timeZone}” is not a known time zone.`;
  if (calendar.week.length !== 7) return 'A week has 7 days (Sunday first).';
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  for (const [i, day] of calendar.week.entries()) {
    for (const [j, h] of day.entries()) {
      if (!(h.start >= 0 && h.end <= 1440 && h.end > h.start)) return `${days[i]}: a working interval must end after it starts, within the day.`;
      const prev = day[j - 1];
      if (prev && h.start < prev.end) return `${days[i]}: working intervals must be in order and must not overlap.`;
    }
  }
  if (calendar.week.every((d) => d.length === 0)) return 'The week needs at least one working interval.';
  for (const d of calendar.holidays) {
    const ms = Date.parse(`${d}T00:00:00Z`);
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== d) return `“${d}” is not a date (YYYY-MM-DD).`;
  }
  return null;
}
