import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../shared/ipc/contract.ts';
import type { CustomerPane as Pane, SatisfactionHistory } from '../../shared/ipc/views.ts';
import type { Ticket } from '../../shared/model/index.ts';
import { allCommands, useCommandStore } from '../../renderer/src/commands/command-store.ts';
import { CustomerPane } from '../../renderer/src/customer/CustomerPane.tsx';
import { TicketSatisfaction } from '../../renderer/src/satisfaction/TicketSatisfaction.tsx';
import { useUi } from '../../renderer/src/state/ui-store.ts';
import { account, contact, ticket } from '../unit/shared/fixtures.ts';
import { fakeDesk } from './support/fake-desk.tsx';

const HOSTILE = '<img src=x onerror="window.pwned=1">Fix it';
const empty: SatisfactionHistory = {
  last90Days: { answers: 0, csatAnswers: 0, satisfied: 0, average: null },
  allTime: { answers: 0, csatAnswers: 0, satisfied: 0, average: null },
  trend: null,
  latest: [],
};
const answered: SatisfactionHistory = {
  last90Days: { answers: 2, csatAnswers: 2, satisfied: 1, average: 3.5 },
  allTime: { answers: 5, csatAnswers: 5, satisfied: 4, average: 4.2 },
  trend: 'down',
  latest: [
    { ticketId: '0195f0a0-0000-7000-8000-000000000101', number: 101, subject: 'Export fails', csat: 2, ces: 3, nps: null, comment: HOSTILE, ratedAt: '2026-11-18T10:00:00.000Z' },
    { ticketId: '0195f0a0-0000-7000-8000-000000000102', number: 102, subject: 'Invoice copy', csat: 5, ces: null, nps: 10, comment: null, ratedAt: '2026-11-10T10:00:00.000Z' },
  ],
};

const pane = (satisfaction: Pane['satisfaction'], withAccount = true): Pane => ({
  contact: { ...contact, accountId: withAccount ? account.id : null },
  account: withAccount ? account : null,
  accountContacts: [contact],
  accountContactsTotal: 1,
  accountTickets: [],
  accountTicketsTotal: 0,
  contactTickets: [],
  contactTicketsTotal: 0,
  stats: { openTickets: 0, solvedTickets: 2 },
  satisfaction,
});

afterEach(() => {
  cleanup();
  useUi.setState({ openTicketId: null });
});

describe('customer pane · satisfaction', () => {
  it("shows the account's and the requester's answers, trend, latest comments as text, and opens an answer's ticket", async () => {
    const desk = fakeDesk({ 'customer.pane': () => pane({ account: answered, requester: empty }) });
    render(<CustomerPane ticketId={ticket().id} />, { wrapper: desk.wrapper });
    const section = await screen.findByRole('region', { name: 'Satisfaction' });
    const accountGroup = within(section).getByRole('group', { name: 'Account satisfaction' });
    expect(accountGroup.textContent).toContain('Last 90 days50% satisfied (1 of 2) · average 3.5 / 5');
    expect(accountGroup.textContent).toContain('All time80% satisfied (4 of 5) · average 4.2 / 5');
    expect(within(accountGroup).getByTitle('Less satisfied than in the 90 days before').textContent).toContain('declining');
    expect(accountGroup.textContent).toContain('CSAT 2/5 · effort 3/7');
    expect(accountGroup.textContent).toContain('CSAT 5/5 · NPS 10');
    // The hostile comment is text on screen, not an element.
    expect(within(accountGroup).getByText(HOSTILE).tagName).toBe('BLOCKQUOTE');
    expect(section.querySelector('img')).toBeNull();
    expect(within(section).getByRole('group', { name: 'Requester satisfaction' }).textContent).toContain('No survey answers yet.');
    fireEvent.click(within(accountGroup).getByRole('button', { name: '#102 Invoice copy' }));
    expect(useUi.getState().openTicketId).toBe('0195f0a0-0000-7000-8000-000000000102');
  });

  it('says "No survey answers yet" for a requester without an account or answers', async () => {
    const desk = fakeDesk({ 'customer.pane': () => pane({ account: null, requester: empty }, false) });
    render(<CustomerPane ticketId={ticket().id} />, { wrapper: desk.wrapper });
    const section = await screen.findByRole('region', { name: 'Satisfaction' });
    expect(within(section).queryByRole('group', { name: 'Account satisfaction' })).toBeNull();
    expect(section.textContent).toContain('No survey answers yet.');
  });
});

describe('ticket view · satisfaction', () => {
  const command = () => allCommands(useCommandStore.getState().sources).find((c) => c.id === 'ticket.copySurveyLink');
  const solved = (overrides: Partial<Ticket> = {}) => ticket({ status: 'solved', ...overrides });

  it("shows the ticket's own answer", () => {
    const desk = fakeDesk();
    const satisfaction = { csat: 4, ces: 6, nps: 9, comment: 'Quick <b>and</b> kind', ratedAt: '2026-11-18T10:00:00.000Z' };
    render(<TicketSatisfaction ticket={solved({ satisfaction })} />, { wrapper: desk.wrapper });
    const group = screen.getByRole('group', { name: 'Customer satisfaction' });
    expect(group.textContent).toContain('Customer rating: CSAT 4/5 · effort 6/7 · NPS 9');
    expect(group.textContent).toContain('“Quick <b>and</b> kind”');
    expect(group.querySelector('b')).toBeNull();
  });

  it('gets the link from the engine and shows it when the clipboard is out of reach; the palette has the command', async () => {
    const url = 'http://127.0.0.1:1/survey/abc.def.ghi';
    const desk = fakeDesk({ 'ticket.surveyLink': () => ({ url, expiresAt: '2026-12-20T10:00:00.000Z' }) });
    render(<TicketSatisfaction ticket={solved()} />, { wrapper: desk.wrapper });
    expect(screen.getByText('No survey answer yet.')).toBeTruthy();
    expect(command()).toMatchObject({ title: 'Copy survey link', enabled: true });
    expect(command()?.keys).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Copy survey link' }));
    // jsdom has no clipboard: the link is shown to copy by hand.
    expect((await screen.findByRole('status')).textContent).toContain(url);
    expect(desk.calls.filter((c) => c.name === 'ticket.surveyLink')).toEqual([{ name: 'ticket.surveyLink', input: { ticketId: ticket().id } }]);
  });

  it('says in words when offline', async () => {
    const offline = 'A survey link is signed by the server, which cannot be reached now (offline?). Try again once connected.';
    const desk = fakeDesk({
      'ticket.surveyLink': () => {
        throw new DeskError('unavailable', offline);
      },
    });
    render(<TicketSatisfaction ticket={solved()} />, { wrapper: desk.wrapper });
    fireEvent.click(screen.getByRole('button', { name: 'Copy survey link' }));
    expect((await screen.findByRole('alert')).textContent).toBe(offline);
  });

  it('offers nothing on an unsolved ticket without an answer', async () => {
    const desk = fakeDesk();
    const view = render(<TicketSatisfaction ticket={ticket({ status: 'open' })} />, { wrapper: desk.wrapper });
    expect(view.container.textContent).toBe('');
    await waitFor(() => expect(command()?.enabled).toBe(false));
  });
});
