import { describe, expect, it } from 'vitest';
import { ticketNumberLabel } from '../../../renderer/src/format/labels.ts';
import { formatMoney } from '../../../renderer/src/format/money.ts';
import { formatAge } from '../../../renderer/src/format/time.ts';

const now = Date.parse('2026-06-15T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('formatAge', () => {
  it.each([
    [ago(10_000), 'now'],
    [ago(5 * MIN), '5m'],
    [ago(3 * 60 * MIN), '3h'],
    [ago(2 * DAY), '2d'],
    [ago(20 * DAY), '2w'],
    [ago(100 * DAY), '3mo'],
    [ago(800 * DAY), '2y'],
    // Clock skew: a row stamped slightly in the future is not "-1m".
    [new Date(now + 30_000).toISOString(), 'now'],
  ])('%s -> %s', (iso, label) => {
    expect(formatAge(iso, now)).toBe(label);
  });
});

describe('formatMoney', () => {
  it('shows whole dollars without cents and other amounts with them', () => {
    expect(formatMoney(125_000, 'en-US')).toBe('$1,250');
    expect(formatMoney(99_950, 'en-US')).toBe('$999.50');
    expect(formatMoney(0, 'en-US')).toBe('$0');
  });
});

describe('ticketNumberLabel', () => {
  it('shows the server number, or a provisional label before the server has numbered it', () => {
    expect(ticketNumberLabel(1042)).toBe('#1042');
    expect(ticketNumberLabel(null)).toBe('Pending #');
  });
});
