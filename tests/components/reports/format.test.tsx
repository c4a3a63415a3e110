import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatAxisValue, formatMinutes, formatSample, formatValue, noDataReason, trendOf } from '../../../renderer/src/reports/format.ts';
import { KpiTile } from '../../../renderer/src/reports/KpiTile.tsx';
import { fakeDesk, fakeReportResult } from '../support/fake-desk.tsx';

afterEach(cleanup);

describe('report values in their units', () => {
  it('counts tickets with thousands separators', () => {
    expect(formatValue('tickets', 0)).toBe('0');
    expect(formatValue('tickets', 1234)).toBe('1,234');
  });

  it('reads minutes as minutes, hours and minutes, then days and hours', () => {
    expect(formatMinutes(0)).toBe('0 m');
    expect(formatMinutes(44.6)).toBe('45 m');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatValue('minutes', 192)).toBe('3 h 12 m');
    expect(formatMinutes(24 * 60 - 1)).toBe('23 h 59 m');
    expect(formatMinutes(2 * 24 * 60 + 4 * 60 + 10)).toBe('2 d 4 h');
    expect(formatMinutes(3 * 24 * 60)).toBe('3 d');
  });

  it('shows percentages with one decimal at most, NPS signed, effort out of 7', () => {
    expect(formatValue('percent', 87.25)).toBe('87.3%');
    expect(formatValue('percent', 100)).toBe('100%');
    expect(formatValue('nps', 32)).toBe('+32');
    expect(formatValue('nps', -8.4)).toBe('−8');
    expect(formatValue('nps', 0)).toBe('0');
    expect(formatValue('score', 5.84)).toBe('5.8 / 7');
  });

  it('shows "—" for no data, in every unit', () => {
    for (const unit of ['tickets', 'minutes', 'percent', 'nps', 'score'] as const) expect(formatValue(unit, null)).toBe('—');
  });

  it('says what a value is from: tickets, or survey answers', () => {
    expect(formatSample('created', 1234)).toBe('from 1,234 tickets');
    expect(formatSample('solved', 1)).toBe('from 1 ticket');
    expect(formatSample('csat', 87)).toBe('from 87 answers');
    expect(noDataReason('nps')).toBe('No survey answers in this period.');
    expect(noDataReason('resolution_time')).toBe('No tickets solved in this period.');
  });

  it('judges a trend by whether higher is better, and says it in words', () => {
    // Created: more tickets is not good news; solved: it is.
    expect(trendOf('created', { value: 110, sample: 110 }, { value: 100, sample: 100 })).toEqual({ direction: 'up', good: false, words: 'Up 10% from 100 in the previous period' });
    expect(trendOf('solved', { value: 110, sample: 110 }, { value: 100, sample: 100 })).toMatchObject({ direction: 'up', good: true });
    expect(trendOf('first_response_time', { value: 60, sample: 5 }, { value: 120, sample: 5 })).toEqual({ direction: 'down', good: true, words: 'Down 50% from 2 h in the previous period' });
    // Shares and NPS move in points.
    expect(trendOf('csat', { value: 90, sample: 5 }, { value: 85.5, sample: 5 })?.words).toBe('Up 4.5 points from 85.5% in the previous period');
    expect(trendOf('nps', { value: 10, sample: 5 }, { value: 10, sample: 5 })).toMatchObject({ direction: 'flat', good: null });
    expect(trendOf('csat', { value: 90, sample: 5 }, { value: null, sample: 0 })).toBeNull();
    expect(trendOf('csat', { value: 90, sample: 5 }, null)).toBeNull();
  });
});

describe('a KPI tile', () => {
  const definition = { metric: 'first_response_time' as const, groupBy: [], chart: 'number' as const, range: { lastDays: 7 }, filter: {} };

  it('shows the value, its sample and the trend with an arrow, words and the good/bad colour class', () => {
    const result = { ...fakeReportResult(definition, true), total: { value: 192, sample: 1234 }, previous: { value: 240, sample: 1000 } };
    render(<KpiTile title="First response time" definition={definition} result={result} />, { wrapper: fakeDesk().wrapper });
    const tile = screen.getByRole('region', { name: 'First response time' });
    expect(tile.textContent).toContain('3 h 12 m');
    expect(tile.textContent).toContain('from 1,234 tickets');
    const trend = tile.querySelector('.kpi-trend')!;
    expect(trend.textContent).toBe('▼ Down 20% from 4 h in the previous period');
    expect(trend.className).toContain('trend-good');
  });

  it('shows "—" with the reason when there is no data', () => {
    const result = { ...fakeReportResult({ ...definition, metric: 'csat' }), total: { value: null, sample: 0 } };
    render(<KpiTile title="CSAT" definition={{ ...definition, metric: 'csat' }} result={result} />, { wrapper: fakeDesk().wrapper });
    const tile = screen.getByRole('region', { name: 'CSAT' });
    expect(tile.textContent).toContain('—');
    expect(tile.textContent).toContain('No survey answers in this period.');
  });
});

describe('axis ticks', () => {
  it('stay short, in one unit', () => {
    expect([formatAxisValue('minutes', 45), formatAxisValue('minutes', 800), formatAxisValue('minutes', 3600), formatAxisValue('percent', 80), formatAxisValue('nps', 20), formatAxisValue('score', 5.5), formatAxisValue('tickets', 1200)]).toEqual([
      '45 m',
      '13.3 h',
      '2.5 d',
      '80%',
      '+20',
      '5.5',
      '1,200',
    ]);
  });
});
