import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, calendarRefusal, type BusinessCalendar } from '../../../shared/rules/sla-clock.ts';

const nineToFive = [{ start: 9 * 60, end: 17 * 60 }];
const weekdays = (hours: { start: number; end: number }[]) => [[], hours, hours, hours, hours, hours, []];

const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin', week: weekdays(nineToFive), holidays: [] };
const berlinXmas: BusinessCalendar = { ...berlin, holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01'] };
const newYork: BusinessCalendar = { timeZone: 'America/New_York', week: weekdays(nineToFive), holidays: [] };
const lunchBreak: BusinessCalendar = { ...berlin, week: weekdays([{ start: 9 * 60, end: 12 * 60 }, { start: 13 * 60, end: 17 * 60 }]) };
const allDay = Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]);
const berlin247: BusinessCalendar = { timeZone: 'Europe/Berlin', week: allDay, holidays: [] };

const add = (cal: BusinessCalendar, iso: string, minutes: number) => addBusinessMinutes(cal, iso, minutes);

/** The slow, obvious reference: walk real minutes, asking Intl for the local time of each. */
function bruteWorking(cal: BusinessCalendar) {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: cal.timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: 'numeric', minute: 'numeric', weekday: 'short' });
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return (ms: number) => {
    const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
    if (cal.holidays.includes(`${p.year}-${p.month}-${p.day}`)) return false;
    const m = Number(p.hour) * 60 + Number(p.minute);
    return (cal.week[days.indexOf(p.weekday as string)] ?? []).some((h) => h.start <= m && m < h.end);
  };
}
function bruteAdd(cal: BusinessCalendar, iso: string, minutes: number): string {
  const working = bruteWorking(cal);
  let t = Date.parse(iso);
  for (let left = minutes; left > 0; t += 60_000) if (working(t)) left--;
  return new Date(t).toISOString();
}
function bruteBetween(cal: BusinessCalendar, a: string, b: string): number {
  const working = bruteWorking(cal);
  let n = 0;
  for (let t = Date.parse(a); t < Date.parse(b); t += 60_000) if (working(t)) n++;
  return n;
}

describe('addBusinessMinutes (Mon–Fri 09:00–17:00 Europe/Berlin; 2026-11-23 is a Monday, CET = UTC+1)', () => {
  it('adds within a working interval', () => {
    expect(add(berlin, '2026-11-23T09:00:00.000Z', 60)).toBe('2026-11-23T10:00:00.000Z');
  });
  it('carries over the end of the day into the next morning', () => {
    expect(add(berlin, '2026-11-23T15:30:00.000Z', 60)).toBe('2026-11-24T08:30:00.000Z');
  });
  it('skips the weekend', () => {
    expect(add(berlin, '2026-11-27T15:00:00.000Z', 120)).toBe('2026-11-30T09:00:00.000Z');
  });
  it('starting on a weekend or before hours counts from the next opening', () => {
    expect(add(berlin, '2026-11-28T11:00:00.000Z', 30)).toBe('2026-11-30T08:30:00.000Z');
    expect(add(berlin, '2026-11-23T06:00:00.000Z', 1)).toBe('2026-11-23T08:01:00.000Z');
    expect(add(berlin, '2026-11-23T19:00:00.000Z', 1)).toBe('2026-11-24T08:01:00.000Z');
  });
  it('a due time exactly at closing is the closing time, not the next opening', () => {
    expect(add(berlin, '2026-11-23T08:00:00.000Z', 480)).toBe('2026-11-23T16:00:00.000Z');
    expect(add(berlin, '2026-11-23T08:00:00.000Z', 481)).toBe('2026-11-24T08:01:00.000Z');
  });
  it('zero (or negative) minutes is the start itself, even outside hours', () => {
    expect(add(berlin, '2026-11-28T11:00:00.000Z', 0)).toBe('2026-11-28T11:00:00.000Z');
    expect(add(berlin, '2026-11-28T11:00:00+00:00', -5)).toBe('2026-11-28T11:00:00.000Z');
  });
  it('skips holidays', () => {
    // Wed 23 Dec 16:00 + 2 h: one hour on Wednesday, Thu 24 and Fri 25 are holidays, one hour on Monday 28.
    expect(add(berlinXmas, '2026-12-23T15:00:00.000Z', 120)).toBe('2026-12-28T09:00:00.000Z');
    expect(add(berlin, '2026-12-23T15:00:00.000Z', 120)).toBe('2026-12-24T09:00:00.000Z');
  });
  it('honours several intervals a day (a lunch break)', () => {
    expect(add(lunchBreak, '2026-11-23T10:30:00.000Z', 60)).toBe('2026-11-23T12:30:00.000Z');
    // 12:30 local is lunch: half a minute after 13:00 local.
    expect(add(lunchBreak, '2026-11-23T11:30:00.000Z', 0.5)).toBe('2026-11-23T12:00:30.000Z');
  });
  it('accepts any ISO offset and answers in UTC', () => {
    expect(add(berlin, '2026-11-23T10:00:00+01:00', 60)).toBe('2026-11-23T10:00:00.000Z');
  });
  it('jumps whole weeks and still lands right across holidays (checked minute by minute)', () => {
    expect(add(berlin, '2026-11-23T08:00:00.000Z', 10_000)).toBe('2026-12-21T14:40:00.000Z');
    expect(add(berlinXmas, '2026-11-23T08:00:00.000Z', 20_000)).toBe('2027-01-25T13:20:00.000Z');
    expect(add(berlinXmas, '2026-11-23T08:00:00.000Z', 20_000)).toBe(bruteAdd(berlinXmas, '2026-11-23T08:00:00.000Z', 20_000));
  });
  it('handles the largest target a policy allows (525,600 business minutes: years of working days)', () => {
    const start = '2026-11-23T08:00:00.000Z';
    const due = add(berlinXmas, start, 525_600);
    // 1,095 working days of 8 h: about four and a quarter years later.
    expect(due.slice(0, 4)).toBe('2031');
    expect(businessMinutesBetween(berlinXmas, start, due)).toBe(525_600);
  });
  it('refuses a calendar without working time instead of looping', () => {
    expect(() => add({ ...berlin, week: [[], [], [], [], [], [], []] }, '2026-11-23T08:00:00.000Z', 10)).toThrow(/no working hours/);
    expect(() => add(berlin, 'yesterday', 10)).toThrow(/Not a time/);
  });
});

describe('daylight saving time', () => {
  it('Europe/Berlin, spring forward (Sun 29 Mar 2026): Friday 16:00 CET + 2 h is Monday 10:00 CEST', () => {
    expect(add(berlin, '2026-03-27T15:00:00.000Z', 120)).toBe('2026-03-30T08:00:00.000Z');
  });
  it('Europe/Berlin, fall back (Sun 25 Oct 2026): Friday 16:00 CEST + 2 h is Monday 10:00 CET', () => {
    expect(add(berlin, '2026-10-23T14:00:00.000Z', 120)).toBe('2026-10-26T09:00:00.000Z');
  });
  it('America/New_York, spring forward (Sun 8 Mar 2026) and fall back (Sun 1 Nov 2026)', () => {
    expect(add(newYork, '2026-03-06T21:00:00.000Z', 120)).toBe('2026-03-09T14:00:00.000Z');
    expect(add(newYork, '2026-10-30T20:00:00.000Z', 120)).toBe('2026-11-02T15:00:00.000Z');
  });
  it('a whole-day interval on a DST day is 23 or 25 real hours', () => {
    // Local midnight to midnight of 29 Mar 2026 (23 h) and of 25 Oct 2026 (25 h).
    expect(businessMinutesBetween(berlin247, '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z')).toBe(23 * 60);
    expect(businessMinutesBetween(berlin247, '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z')).toBe(25 * 60);
    expect(add(berlin247, '2026-03-28T23:00:00.000Z', 1440)).toBe('2026-03-29T23:00:00.000Z');
  });
  it('weeks across a DST change are not jumped by their nominal total (checked minute by minute)', () => {
    for (const [cal, start] of [
      [berlin247, '2026-03-20T10:00:00.000Z'],
      [newYork, '2026-10-20T13:00:00.000Z'],
    ] as const) {
      expect(add(cal, start, 9_000)).toBe(bruteAdd(cal, start, 9_000));
    }
  });
});

describe('businessMinutesBetween', () => {
  it('counts only working time, and is negative backwards', () => {
    expect(businessMinutesBetween(berlin, '2026-11-27T15:00:00.000Z', '2026-11-30T09:00:00.000Z')).toBe(120);
    expect(businessMinutesBetween(berlin, '2026-11-30T09:00:00.000Z', '2026-11-27T15:00:00.000Z')).toBe(-120);
    expect(businessMinutesBetween(berlin, '2026-11-28T09:00:00.000Z', '2026-11-28T19:00:00.000Z')).toBe(0);
    expect(businessMinutesBetween(berlin, '2026-11-23T09:00:00.000Z', '2026-11-23T09:00:30.000Z')).toBe(0.5);
  });
  it('skips holidays and spans months (whole weeks jumped, checked minute by minute)', () => {
    const [a, b] = ['2026-11-20T12:34:00.000Z', '2027-01-13T07:05:00.000Z'];
    expect(businessMinutesBetween(berlinXmas, a, b)).toBe(bruteBetween(berlinXmas, a, b));
    expect(businessMinutesBetween(berlinXmas, a, b)).toBeLessThan(businessMinutesBetween(berlin, a, b));
  });
  it('inverts addBusinessMinutes for random starts and targets in both zones (against the minute walk)', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    for (let i = 0; i < 40; i++) {
      const cal = [berlinXmas, newYork, lunchBreak, berlin247][i % 4] as BusinessCalendar;
      const start = new Date(Date.parse('2026-03-01T00:00:00Z') + rand(300) * 86_400_000 + rand(1440) * 60_000).toISOString();
      const minutes = 1 + rand(3000);
      const due = add(cal, start, minutes);
      expect(businessMinutesBetween(cal, start, due)).toBe(minutes);
      if (i < 8) expect(due).toBe(bruteAdd(cal, start, minutes));
    }
  });
});

describe('speed', () => {
  it('a 10,000-minute target takes microseconds, not a minute walk', () => {
    const base = Date.parse('2026-01-05T08:00:00Z');
    add(berlinXmas, new Date(base).toISOString(), 10_000);
    const n = 2000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) add(berlinXmas, new Date(base + (i % 300) * 3_600_000).toISOString(), 10_000);
    const perCallMs = (performance.now() - t0) / n;
    // Typically ~10 µs; generous for a loaded test machine.
    expect(perCallMs).toBeLessThan(0.25);
  });
});

describe('calendarRefusal', () => {
  it('accepts a sane calendar and says what is wrong otherwise', () => {
    expect(calendarRefusal(berlinXmas)).toBeNull();
    expect(calendarRefusal({ ...berlin, timeZone: 'Mars/Olympus' })).toMatch(/not a known time zone/);
    expect(calendarRefusal({ ...berlin, week: berlin.week.slice(0, 6) })).toMatch(/7 days/);
    expect(calendarRefusal({ ...berlin, week: weekdays([{ start: 600, end: 700 }, { start: 540, end: 1000 }]) })).toMatch(/Monday: .*overlap/);
    expect(calendarRefusal({ ...berlin, week: weekdays([{ start: 540, end: 700 }, { start: 650, end: 1000 }]) })).toMatch(/overlap/);
    expect(calendarRefusal({ ...berlin, week: weekdays([{ start: 540, end: 1500 }]) })).toMatch(/within the day/);
    expect(calendarRefusal({ ...berlin, week: [[], [], [], [], [], [], []] })).toMatch(/at least one/);
    expect(calendarRefusal({ ...berlin, holidays: ['2026-02-30'] })).toMatch(/not a date/);
  });
});
