import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App.tsx';
import { allCommands, useCommandStore } from '../../../renderer/src/commands/command-store.ts';
import { findCollisions } from '../../../renderer/src/keyboard/collisions.ts';
import { useReports } from '../../../renderer/src/reports/reports-store.ts';
import { useUi } from '../../../renderer/src/state/ui-store.ts';
import type { TicketSummary } from '../../../shared/ipc/views.ts';
import { contact, customerMessage, ticket } from '../../unit/shared/fixtures.ts';
import { fakeDesk, installLayoutStubs, reportsAnswers } from '../support/fake-desk.tsx';

const TICKET_ID = '0195f0a0-0000-7000-8000-0000000000f7';
const summary: TicketSummary = { id: TICKET_ID, number: 77, subject: 'Chat widget freezes', status: 'open', priority: 'high', createdAt: '2026-11-21T09:00:00.000Z', updatedAt: '2026-11-21T09:00:00.000Z', solvedAt: null, requesterName: contact.name };

beforeAll(async () => {
  installLayoutStubs();
  // The Reports screen loads lazily: have its module ready, so a loaded machine does not outwait the queries below.
  await import('../../../renderer/src/reports/ReportsScreen.tsx');
});
afterEach(() => {
  cleanup();
  useUi.setState({ section: 'queues', openTicketId: null });
  useReports.setState({ tab: 'dashboard', drill: null, ticketShown: false, range: { lastDays: 7 }, teamIds: [] });
  localStorage.clear();
});

function renderApp() {
  const open = ticket({ id: TICKET_ID, number: 77, subject: summary.subject, status: 'open', channel: 'chat' });
  const desk = fakeDesk({
    ...reportsAnswers(),
    'reports.tickets': () => ({ tickets: [summary], total: 1234 }),
    'ticket.get': () => ({ ticket: open, messages: [{ ...customerMessage({ ticketId: TICKET_ID }), authorName: contact.name, pendingSync: false }], requester: contact, assignee: null, team: null, pendingSync: false }),
    'customer.pane': () => null,
    'presence.set': () => ({ ticketId: TICKET_ID, agents: [] }),
  });
  render(<App />, { wrapper: desk.wrapper });
  return desk;
}

describe('the Reports section', () => {
  it('opens from the top bar and with g r, registers its commands without key collisions, and goes back with g q', async () => {
    const user = userEvent.setup();
    renderApp();
    const sections = await screen.findByRole('navigation', { name: 'Sections' });
    await waitFor(() => expect(allCommands(useCommandStore.getState().sources).some((c) => c.id === 'shell.reports')).toBe(true));
    expect(findCollisions(allCommands(useCommandStore.getState().sources))).toEqual([]);
    await user.keyboard('gr');
    expect(await screen.findByRole('heading', { level: 1, name: 'Reports' })).toBeTruthy();
    expect(within(sections).getByRole('button', { name: 'Reports' }).getAttribute('aria-current')).toBe('page');
    await waitFor(() => expect(findCollisions(allCommands(useCommandStore.getState().sources))).toEqual([]));
    await user.keyboard('gq');
    await waitFor(() => expect(screen.queryByRole('heading', { level: 1, name: 'Reports' })).toBeNull());
    await user.click(within(sections).getByRole('button', { name: 'Reports' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Reports' })).toBeTruthy();
  });

  it('asks the dashboard for the chosen range and team, and asks again when tickets change', async () => {
    const user = userEvent.setup();
    useUi.setState({ section: 'reports' });
    const desk = renderApp();
    const created = await screen.findByRole('region', { name: 'Tickets created' });
    await waitFor(() => expect(created.textContent).toContain('42'));
    expect(created.textContent).toContain('from 1,234 tickets');
    await user.selectOptions(screen.getByLabelText('Range'), '30');
    await waitFor(() => expect(desk.calls.filter((c) => c.name === 'reports.dashboard').at(-1)?.input).toMatchObject({ range: { lastDays: 30 }, filter: {} }));
    const asked = desk.calls.filter((c) => c.name === 'reports.dashboard').length;
    act(() => desk.emit('changed', { kinds: ['ticket'] }));
    await waitFor(() => expect(desk.calls.filter((c) => c.name === 'reports.dashboard').length).toBeGreaterThan(asked));
  });

  it('drills from a table cell (Enter) into its tickets and opens one in the ticket pane', async () => {
    const user = userEvent.setup();
    useUi.setState({ section: 'reports' });
    const desk = renderApp();
    const card = await screen.findByRole('region', { name: 'First response time by channel' });
    await user.click(await within(card).findByRole('button', { name: 'Show as table' }));
    within(card).getByRole('button', { name: '2 m, Chat, show tickets' }).focus();
    await user.keyboard('{Enter}');
    const drill = await screen.findByRole('region', { name: 'Tickets behind the report' });
    expect(within(drill).getByRole('heading').textContent).toBe('First response time by channel · Chat');
    expect((await within(drill).findByRole('status')).textContent).toBe('Showing 1 of 1,234 tickets, newest first');
    expect(desk.calls.find((c) => c.name === 'reports.tickets')?.input).toMatchObject({ definition: { metric: 'first_response_time', groupBy: ['channel'] }, keys: [{ id: 'chat', label: 'Chat' }], limit: 200 });
    await user.click(within(drill).getByRole('button', { name: /Chat widget freezes/ }));
    const pane = await screen.findByRole('complementary', { name: 'Ticket' });
    expect(await within(pane).findByRole('heading', { level: 1, name: 'Chat widget freezes' })).toBeTruthy();
    expect(useUi.getState().openTicketId).toBe(TICKET_ID);
    // Back to the list behind the value.
    await user.click(within(pane).getByRole('button', { name: '← Back to the tickets' }));
    expect(await screen.findByRole('region', { name: 'Tickets behind the report' })).toBeTruthy();
  });
});

describe('the range picker', () => {
  it('offers today, 7, 30 and 90 days, and custom dates that ask the dashboard for that span', async () => {
    const user = userEvent.setup();
    useUi.setState({ section: 'reports' });
    const desk = renderApp();
    const range = (await screen.findByLabelText('Range')) as HTMLSelectElement;
    expect([...range.options].map((o) => o.textContent)).toEqual(['Today', 'Last 7 days', 'Last 30 days', 'Last 90 days', 'Custom dates…']);
    await user.selectOptions(range, 'Today');
    await waitFor(() => expect(desk.calls.filter((c) => c.name === 'reports.dashboard').at(-1)?.input).toMatchObject({ range: { lastDays: 1 } }));
    await user.selectOptions(range, 'custom');
    const from = screen.getByLabelText('From') as HTMLInputElement;
    const to = screen.getByLabelText('To') as HTMLInputElement;
    // Custom starts as the span picked before (today alone), then takes the dates typed.
    expect(from.value).toBe(to.value);
    fireEvent.change(from, { target: { value: '2026-11-01' } });
    fireEvent.change(to, { target: { value: '2026-11-15' } });
    await waitFor(() => expect(desk.calls.filter((c) => c.name === 'reports.dashboard').at(-1)?.input).toMatchObject({ range: { from: '2026-11-01', to: '2026-11-15' } }));
  });
});
