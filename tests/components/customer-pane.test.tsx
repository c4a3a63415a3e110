import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TicketSummary } from '../../shared/ipc/views.ts';
import { CustomerPane } from '../../renderer/src/customer/CustomerPane.tsx';
import { fakeDesk } from './support/fake-desk.tsx';

const T0 = '2026-11-01T09:00:00.000Z';
const OPEN = '0195f0a0-0000-7000-8000-000000000f00';
const summary = (i: number): TicketSummary => ({
  id: `0195f0a0-0000-7000-8000-${String(100_000 + i).padStart(12, '0')}`,
  number: 1000 - i,
  subject: `Ticket ${i}`,
  status: 'open',
  priority: 'normal',
  createdAt: T0,
  updatedAt: T0,
  solvedAt: null,
  requesterName: 'Carla',
});
const contact = { id: '0195f0a0-0000-7000-8000-0000000000c1', accountId: null, name: 'Carla Customer', email: 'carla@customer.example', phone: null, title: null, createdAt: T0, updatedAt: T0 };
/** The requester has 120 other tickets; the pane holds the newest 25. */
const ALL = Array.from({ length: 120 }, (_, i) => summary(i));

const NO_ANSWERS = { answers: 0, csatAnswers: 0, satisfied: 0, average: null };

describe('customer pane ticket lists', () => {
  it('"Show all" pages through every ticket with customer.tickets, then shows fewer again', async () => {
    const { wrapper, calls } = fakeDesk({
      'customer.pane': () => ({
        contact,
        account: null,
        accountContacts: [contact],
        accountContactsTotal: 1,
        accountTickets: [],
        accountTicketsTotal: 0,
        contactTickets: ALL.slice(0, 25),
        contactTicketsTotal: ALL.length,
        stats: { openTickets: 121, solvedTickets: 0 },
        satisfaction: { account: null, requester: { last90Days: NO_ANSWERS, allTime: NO_ANSWERS, trend: null, latest: [] } },
      }),
      'customer.tickets': (input) => {
        const { after, limit } = input as { after: string | null; limit: number };
        const from = after === null ? 0 : Number(after);
        return { rows: ALL.slice(from, from + limit), next: from + limit < ALL.length ? String(from + limit) : null };
      },
    });
    render(<CustomerPane ticketId={OPEN} />, { wrapper });
    const items = () => screen.getAllByRole('button', { name: /Ticket \d+/ });
    // Generous: the machine running the tests may be loaded; nothing here is a timing assertion.
    const shows = (n: number) => waitFor(() => expect(items()).toHaveLength(n), { timeout: 10_000 });
    await shows(6);

    fireEvent.click(screen.getByRole('button', { name: 'Show all 120' }));
    await shows(50);
    expect(calls.filter((c) => c.name === 'customer.tickets').map((c) => c.input)).toEqual([{ ticketId: OPEN, list: 'contact', after: null, limit: 50 }]);
    fireEvent.click(screen.getByRole('button', { name: 'Show more (50 of 120)' }));
    await shows(100);
    fireEvent.click(screen.getByRole('button', { name: 'Show more (100 of 120)' }));
    await shows(120);
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Show fewer' }));
    await shows(6);
  });
});
