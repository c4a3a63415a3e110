import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/ipc/contract.ts';
import type { ReportDefinition, SavedReport } from '../../../shared/reports/index.ts';
import { chartsFor, secondDimensions, withGroupBy, withMetric } from '../../../renderer/src/reports/builder-rules.ts';
import { ReportsScreen } from '../../../renderer/src/reports/ReportsScreen.tsx';
import { useReports } from '../../../renderer/src/reports/reports-store.ts';
import { fakeDesk, installLayoutStubs, me, reportsAnswers, type Answers } from '../support/fake-desk.tsx';

beforeAll(installLayoutStubs);
afterEach(() => {
  cleanup();
  useReports.setState({ tab: 'dashboard', editingId: null, drill: null, ticketShown: false });
});

const base: ReportDefinition = { metric: 'created', groupBy: [], chart: 'number', range: { lastDays: 30 }, filter: {} };

describe('the builder rules', () => {
  it('offers no second dimension until the first is chosen, never the first again, never a second time bucket', () => {
    expect(secondDimensions(null)).toEqual([]);
    expect(secondDimensions('channel')).not.toContain('channel');
    expect(secondDimensions('channel')).toContain('day');
    expect(secondDimensions('week')).not.toContain('day');
    expect(secondDimensions('week')).not.toContain('month');
    expect(secondDimensions('week')).toContain('team');
  });

  it('fits the chart to the split: a number unsplit, a line only over time, stacked bars only with two and only for counts', () => {
    expect(chartsFor('created', [])).toEqual(['number', 'table']);
    expect(chartsFor('created', ['channel'])).toEqual(['bar', 'table']);
    expect(chartsFor('created', ['day'])).toEqual(['line', 'bar', 'table']);
    expect(chartsFor('created', ['channel', 'priority'])).toEqual(['stacked_bar', 'bar', 'table']);
    expect(chartsFor('backlog', ['week', 'team'])).toEqual(['stacked_bar', 'line', 'bar', 'table']);
    // Medians and shares do not add up: side-by-side bars, not a stack.
    expect(chartsFor('first_response_time', ['week', 'channel'])).toEqual(['line', 'bar', 'table']);
    expect(chartsFor('csat', ['channel', 'priority'])).toEqual(['bar', 'table']);
    expect(withMetric({ ...base, groupBy: ['channel', 'priority'], chart: 'stacked_bar' }, 'csat')).toMatchObject({ metric: 'csat', chart: 'bar' });
  });

  it('drops a second dimension that no longer fits, and a chart that no longer fits', () => {
    const split = withGroupBy(base, 'channel', 'day');
    expect(split).toMatchObject({ groupBy: ['channel', 'day'], chart: 'stacked_bar' });
    expect(withGroupBy(split, 'week', 'day')).toMatchObject({ groupBy: ['week'], chart: 'line' });
    expect(withGroupBy(split, null, 'day')).toMatchObject({ groupBy: [], chart: 'number' });
  });
});

function renderCustom(answers: Answers = {}) {
  useReports.setState({ tab: 'custom' });
  const desk = fakeDesk({ ...reportsAnswers(), ...answers });
  render(<ReportsScreen meId={me.id} />, { wrapper: desk.wrapper });
  return desk;
}

describe('the report builder', () => {
  it('explains the metric, keeps "Then by" disabled until "Group by" is chosen, and never offers two time buckets', async () => {
    const user = userEvent.setup();
    renderCustom();
    const metric = await screen.findByLabelText('Metric');
    await user.selectOptions(metric, 'nps');
    expect(screen.getByText(/promoters \(9–10\) minus % detractors/).id).toBe(metric.getAttribute('aria-describedby'));
    const second = screen.getByLabelText('Then by') as HTMLSelectElement;
    expect(second.disabled).toBe(true);
    await user.selectOptions(screen.getByLabelText('Group by'), 'week');
    expect(second.disabled).toBe(false);
    const offered = [...second.options].map((o) => o.textContent);
    expect(offered).not.toContain('Day');
    expect(offered).not.toContain('Week');
    expect(offered).toContain('Channel');
  });

  it('previews live, saves with a name, personal and pinned, and lists the saved report', async () => {
    const user = userEvent.setup();
    const desk = renderCustom();
    await user.selectOptions(await screen.findByLabelText('Group by'), 'channel');
    await user.selectOptions(screen.getByLabelText('Then by'), 'priority');
    // The preview ran the report as built.
    await waitFor(() => expect(desk.calls.filter((c) => c.name === 'reports.run').at(-1)?.input).toMatchObject({ definition: { metric: 'created', groupBy: ['channel', 'priority'], chart: 'stacked_bar' } }));
    await user.type(screen.getByLabelText('Name'), 'Volume by channel and priority');
    await user.click(screen.getByLabelText('Pin to my dashboard'));
    await user.click(screen.getByRole('button', { name: 'Save report' }));
    expect((await screen.findByRole('status')).textContent).toBe('Saved and pinned to your dashboard.');
    expect(desk.calls.find((c) => c.name === 'reports.save')?.input).toEqual({
      name: 'Volume by channel and priority',
      shared: false,
      pinned: true,
      definition: { metric: 'created', groupBy: ['channel', 'priority'], chart: 'stacked_bar', range: { lastDays: 30 }, filter: {} },
    });
    const list = screen.getByRole('navigation', { name: 'Saved reports' });
    expect(await within(list).findByRole('button', { name: 'Volume by channel and priority' })).toBeTruthy();
    expect(within(list).getByText(/Personal · Pinned/)).toBeTruthy();
    // Now editing it: a second save updates it.
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeTruthy();
  });

  it('shows the engine’s refusal in words next to the builder', async () => {
    renderCustom({
      'reports.run': () => {
        throw new DeskError('invalid_input', 'Reports over tags are not available yet.');
      },
    });
    expect((await screen.findByRole('alert')).textContent).toBe('Reports over tags are not available yet.');
  });

  it('edits a saved report and deletes one only after confirming', async () => {
    const user = userEvent.setup();
    const saved: SavedReport = {
      id: '0195f0a0-0000-7000-8000-000000000801',
      name: 'CSAT by team',
      ownerId: me.id,
      shared: false,
      pinned: false,
      position: 0,
      definition: { metric: 'csat', groupBy: ['team'], chart: 'bar', range: { lastDays: 90 }, filter: {} },
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
    };
    const colleagues: SavedReport = { ...saved, id: '0195f0a0-0000-7000-8000-000000000802', name: 'Team SLA', ownerId: '0195f0a0-0000-7000-8000-000000000003', shared: true };
    const desk = renderCustom(reportsAnswers([saved, colleagues]));
    const list = screen.getByRole('navigation', { name: 'Saved reports' });
    await user.click(await within(list).findByRole('button', { name: 'CSAT by team' }));
    expect((screen.getByLabelText('Metric') as HTMLSelectElement).value).toBe('csat');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('CSAT by team');
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeTruthy();
    // A shared report an agent may not change: no delete, and saving makes a personal copy.
    await user.click(within(list).getByRole('button', { name: 'Team SLA' }));
    expect(within(list).queryByRole('button', { name: 'Delete Team SLA' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Save as a new report' })).toBeTruthy();
    expect((screen.getByLabelText(/Shared with everyone/) as HTMLInputElement).disabled).toBe(true);
    await user.click(within(list).getByRole('button', { name: 'Delete CSAT by team' }));
    const confirm = within(list).getByRole('group', { name: 'Delete CSAT by team?' });
    await user.click(within(confirm).getByRole('button', { name: 'Keep' }));
    expect(desk.calls.some((c) => c.name === 'reports.delete')).toBe(false);
    await user.click(within(list).getByRole('button', { name: 'Delete CSAT by team' }));
    await user.click(within(list).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(within(list).queryByRole('button', { name: 'CSAT by team' })).toBeNull());
    expect(desk.calls.find((c) => c.name === 'reports.delete')?.input).toEqual({ reportId: saved.id });
  });
});
