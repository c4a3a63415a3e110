import type { ReportRange, TimeDimension } from '../../../shared/reports/index.ts';
import { addDays, dateAt, daysBetween, isoWeekday, startOfDay } from './calendar.ts';

/** Calendar dates a report covers (both inclusive) in one time zone, and the instants they span (end exclusive). */
export interface Period {
  fromDate: string;
  toDate: string;
  timeZone: string;
  start: number;
  end: number;
}

/** One time bucket: its key id (the first date of the day, week or month), label, and instants (clipped to the period). */
export interface Bucket {
  id: string;
  label: string;
  start: number;
  end: number;
}

function periodOf(fromDate: string, toDate: string, timeZone: string): Period {
  return { fromDate, toDate, timeZone, start: startOfDay(fromDate, timeZone), end: startOfDay(addDays(toDate, 1), timeZone) };
}

/** The period a range means at `now`: the last N days end today (in the agent's time zone). */
export function periodOfRange(range: ReportRange, timeZone: string, now: number): Period {
  if ('lastDays' in range) {
    const today = dateAt(now, timeZone);
    return periodOf(addDays(today, 1 - range.lastDays), today, timeZone);
  }
  return periodOf(range.from, range.to, timeZone);
}

/** The period of the same number of days just before (for trends). */
export function previousPeriod(p: Period): Period {
  const days = daysBetween(p.fromDate, p.toDate) + 1;
  return periodOf(addDays(p.fromDate, -days), addDays(p.fromDate, -1), p.timeZone);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const shortDate = (date: string) => `${MONTHS[Number(date.slice(5, 7)) - 1]} ${Number(date.slice(8, 10))}`;

function bucketStart(date: string, dimension: TimeDimension): string {
  if (dimension === 'day') return date;
  if (dimension === 'week') return addDays(date, -isoWeekday(date));
  return `${date.slice(0, 8)}01`;
}

function nextBucketStart(first: string, dimension: TimeDimension): string {
  if (dimension === 'day') return addDays(first, 1);
  if (dimension === 'week') return addDays(first, 7);
  const [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

function bucketLabel(first: string, dimension: TimeDimension): string {
  if (dimension === 'day') return shortDate(first);
  if (dimension === 'week') return `Week of ${shortDate(first)}`;
  return `${MONTH_NAMES[Number(first.slice(5, 7)) - 1]} ${first.slice(0, 4)}`;
}

/** The days, ISO weeks (Monday first) or months of a period, in order, the first and last clipped to it. */
export function bucketsOf(p: Period, dimension: TimeDimension): Bucket[] {
  const buckets: Bucket[] = [];
  for (let first = bucketStart(p.fromDate, dimension); first <= p.toDate; first = nextBucketStart(first, dimension)) {
    const next = nextBucketStart(first, dimension);
    const start = first < p.fromDate ? p.start : startOfDay(first, p.timeZone);
    const end = next > p.toDate ? p.end : startOfDay(next, p.timeZone);
    buckets.push({ id: first, label: bucketLabel(first, dimension), start, end });
  }
  return buckets;
}
