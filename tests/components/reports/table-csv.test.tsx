import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDefinition } from '../../../shared/reports/index.ts';
import { csvCell, reportCsv, toCsv } from '../../../renderer/src/reports/csv.ts';
import { ReportView } from '../../../renderer/src/reports/ReportView.tsx';
import { useReports } from '../../../renderer/src/reports/reports-store.ts';
import { fakeDesk, fakeReportResult, installLayoutStubs } from '../support/fake-desk.tsx';

beforeAll(installLayoutStubs);
afterEach(() => {
  cleanup();
  useReports.setState({ drill: null });
});

describe('CSV export', () => {
  it('quotes as RFC 4180 says: commas, quotes and line breaks inside quotes, quotes doubled, CRLF line ends', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(toCsv([['a', 1], ['b, c', null]])).toBe('a,1\r\n"b, c",\r\n');
  });

  it('defuses formulas: text starting with = + - @ gets a leading apostrophe; numbers stay numbers', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-8)).toBe('-8');
  });

  it('writes a report: a column per dimension, the value and the sample', () => {
    const definition: ReportDefinition = { metric: 'created', groupBy: ['channel', 'priority'], chart: 'stacked_bar', range: { lastDays: 7 }, filter: {} };
    const result = fakeReportResult(definition);
    result.rows[0]!.keys[0]!.label = '=cmd|calc';
    expect(reportCsv(result, definition.groupBy).split('\r\n')).toEqual([
      'Channel,Priority,Tickets created (tickets),Sample',
      "'=cmd|calc,High,1,10",
      'Email,Normal,2,20',
      'Chat,High,3,30',
      'Chat,Normal,4,40',
      '',
    ]);
  });
});

describe('a report card', () => {
  const definition: ReportDefinition = { metric: 'first_response_time', groupBy: ['channel'], chart: 'bar', range: { lastDays: 7 }, filter: {} };

  it('draws a chart with a summary for screen readers, and shows the same numbers as a table on request', async () => {
    const user = userEvent.setup();
    render(<ReportView title="First response time by channel" definition={definition} result={fakeReportResult(definition)} />, { wrapper: fakeDesk().wrapper });
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toBe('Bars chart of First response time by channel: 2 values, lowest 1 m (Email), highest 2 m (Chat); overall 42 m.');
    await user.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table', { name: 'First response time by channel' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Channel', 'First response time', 'Sample'],
      ['Email', '1 m', '10'],
      ['Chat', '2 m', '20'],
    ]);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByRole('button', { name: 'Show as chart' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('drills into a value from the table with the keyboard', async () => {
    const user = userEvent.setup();
    render(<ReportView title="By channel" definition={{ ...definition, chart: 'table' }} result={fakeReportResult(definition)} />, { wrapper: fakeDesk().wrapper });
    screen.getByRole('button', { name: '2 m, Chat, show tickets' }).focus();
    await user.keyboard('{Enter}');
    expect(useReports.getState().drill).toEqual({ title: 'By channel · Chat', definition: { ...definition, chart: 'table' }, keys: [{ id: 'chat', label: 'Chat' }] });
  });

  it('says why when the engine refused the report', () => {
    render(<ReportView title="By channel" definition={definition} error="This report is too large." />, { wrapper: fakeDesk().wrapper });
    expect(screen.getByRole('alert').textContent).toBe('This report is too large.');
  });
});
