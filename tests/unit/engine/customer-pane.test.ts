import { describe, expect, it } from 'vitest';
import { procedures } from '../../../shared/ipc/contract.ts';
import type { Contact, Ticket } from '../../../shared/model/index.ts';
import { customerPane, customerTickets, PANE_CONTACTS, PANE_TICKETS } from '../../../electron/engine/queries/customer-pane.ts';
import { account, contact, ticket } from '../shared/fixtures.ts';
import { queryReplica, type Row } from './support.ts';

/**
 * The customer pane at a large account: each list holds the newest few with a total from an index,
 * and "show all" pages through every other ticket exactly once, newest first.
 */
const id = (n: number) => `0195f0a0-0000-7000-8000-${String(5000 + n).padStart(12, '0')}`;
const requester: Contact = { ...contact, accountId: account.id };
const colleagues: Contact[] = Array.from({ length: 40 }, (_, i) => ({ ...contact, id: id(900 + i), accountId: account.id, name: `Colleague ${String(i).padStart(2, '0')}`, email: `c${i}@customer.example` }));
// 120 account tickets: every third from the requester, a quarter solved; some share a creation time (the id breaks the tie).
const tickets: Ticket[] = Array.from({ length: 120 }, (_, i) =>
  ticket({
    id: id(i),
    number: i + 1,
    accountId: account.id,
    requesterId: i % 3 === 0 ? requester.id : (colleagues[i % 40] as Contact).id,
    status: i % 4 === 0 ? 'solved' : 'open',
    solvedAt: i % 4 === 0 ? '2026-11-20T00:00:00.000Z' : null,
    createdAt: new Date(Date.parse('2026-10-01T00:00:00.000Z') + Math.floor(i / 2) * 3_600_000).toISOString(),
  }),
);
const open = tickets[60] as Ticket;

const db = queryReplica((): Row[] => [
  { kind: 'account', row: account },
  { kind: 'contact', row: requester },
  ...colleagues.map((row): Row => ({ kind: 'contact', row })),
  ...tickets.map((row): Row => ({ kind: 'ticket', row })),
]);

const newestFirst = (a: Ticket, b: Ticket) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

function walk(list: 'account' | 'contact', limit: number): string[] {
  const seen: string[] = [];
  let after: string | null = null;
  do {
    const page = procedures['customer.tickets'].output.parse(customerTickets(db.replica, db.sql, { ticketId: open.id, list, after, limit }));
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    seen.push(...page.rows.map((r) => r.id));
    after = page.next;
  } while (after);
  return seen;
}

describe('customer pane at a large account', () => {
  it('holds the newest tickets of each list, the open one left out, with totals and stats from the indexes', () => {
    const pane = procedures['customer.pane'].output.parse(customerPane(db.replica, db.sql, open.id));
    const others = tickets.filter((t) => t.id !== open.id).sort(newestFirst);
    const mine = others.filter((t) => t.requesterId === requester.id);
    expect(pane?.accountTickets.map((t) => t.id)).toEqual(others.slice(0, PANE_TICKETS).map((t) => t.id));
    expect(pane?.contactTickets.map((t) => t.id)).toEqual(mine.slice(0, PANE_TICKETS).map((t) => t.id));
    expect(pane).toMatchObject({ accountTicketsTotal: 119, contactTicketsTotal: mine.length, accountContactsTotal: 41, stats: { openTickets: 90, solvedTickets: 30 } });
    expect(pane?.accountContacts).toHaveLength(PANE_CONTACTS);
    // A summary is the ticket's fields as stored, and its requester's name.
    const newest = others[0] as Ticket;
    expect(pane?.accountTickets[0]).toEqual({
      id: newest.id,
      number: newest.number,
      subject: newest.subject,
      status: newest.status,
      priority: newest.priority,
      createdAt: newest.createdAt,
      updatedAt: newest.updatedAt,
      solvedAt: newest.solvedAt,
      requesterName: colleagues.find((c) => c.id === newest.requesterId)?.name ?? requester.name,
    });
  });

  for (const limit of [7, 50]) {
    it(`"show all" pages through every other ticket of the account and of the requester once, newest first (${limit} a page)`, () => {
      const others = tickets.filter((t) => t.id !== open.id).sort(newestFirst);
      expect(walk('account', limit)).toEqual(others.map((t) => t.id));
      expect(walk('contact', limit)).toEqual(others.filter((t) => t.requesterId === requester.id).map((t) => t.id));
    });
  }

  it('answers an unknown ticket with an empty list, and refuses a cursor it did not make', () => {
    expect(customerTickets(db.replica, db.sql, { ticketId: id(999), list: 'account', after: null, limit: 5 })).toEqual({ rows: [], next: null });
    expect(() => customerTickets(db.replica, db.sql, { ticketId: open.id, list: 'account', after: 'nope', limit: 5 })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
