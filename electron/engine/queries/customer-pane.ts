import type { CustomerPane, CustomerTicketList, CustomerTicketsPage, TicketSummary } from '../../../shared/ipc/views.ts';
import type { Contact } from '../../../shared/model/index.ts';
import type { Replica } from '../replica/replica.ts';
import type { StatementCache } from '../replica/statement-cache.ts';
import { fallbackNames } from './fallback-names.ts';
import { decodeKeyset, encodeKeyset, type Keyset } from './keyset-cursor.ts';
import { satisfactionHistory } from './satisfaction-history.ts';

/** How many tickets each list of the pane holds (the newest); "show all" pages through the rest (customerTickets). */
export const PANE_TICKETS = 25;
/** How many of the account's people the pane lists, by name; the total says how many more there are. */
export const PANE_CONTACTS = 25;

/**
 * A summary's fields read from the row in SQL: the rest of the ticket (custom fields, tags, SLA
 * times) is never parsed for a list entry.
 */
const SUMMARY_COLUMNS = `t.id, t.number, json_extract(t.data, '$.subject') AS subject, t.status,
  json_extract(t.data, '$.priority') AS priority, json_extract(t.data, '$.createdAt') AS createdAt,
  json_extract(t.data, '$.updatedAt') AS updatedAt, json_extract(t.data, '$.solvedAt') AS solvedAt,
  c.name AS requesterName, t.created_at AS sortKey`;

/** Tickets of an account or a requester other than the open one, newest first (id breaking ties), after a keyset. */
const ticketsSql = (owner: 'account_id' | 'requester_id', keyset: boolean) => `
    SELECT ${SUMMARY_COLUMNS} FROM tickets t LEFT JOIN contacts c ON c.id = t.requester_id
    WHERE t.${owner} = ? AND t.id <> ?${keyset ? ' AND (t.created_at, t.id) < (?, ?)' : ''} ORDER BY t.created_at DESC, t.id DESC LIMIT ?`;

const statsSql = (owner: 'account_id' | 'requester_id') =>
  `SELECT count(*) FILTER (WHERE unsolved = 1) AS open, count(*) FILTER (WHERE unsolved = 0) AS solved FROM tickets WHERE ${owner} = ?`;

/** The pane's queries (exported for the query-plan test); each walks one index (the counts a covering one). */
export const paneSql = {
  accountContacts: `SELECT data FROM contacts WHERE account_id = ? ORDER BY name LIMIT ${PANE_CONTACTS}`,
  accountContactCount: `SELECT count(*) AS n FROM contacts WHERE account_id = ?`,
  accountTickets: ticketsSql('account_id', false),
  accountTicketsAfter: ticketsSql('account_id', true),
  contactTickets: ticketsSql('requester_id', false),
  contactTicketsAfter: ticketsSql('requester_id', true),
  accountStats: statsSql('account_id'),
  contactStats: statsSql('requester_id'),
};

interface SummaryRow extends Omit<TicketSummary, 'requesterName'> {
  requesterName: string | null;
  sortKey: string;
}

interface Stats {
  open: number;
  solved: number;
}

/** Whose tickets a list of the pane shows for an open ticket: its account's (as the pane chose it) or its requester's. */
function listOwner(replica: Replica, ticketId: string, list: CustomerTicketList): string | null {
  const ticket = replica.store.get('ticket', ticketId);
  if (!ticket) return null;
  if (list === 'contact') return ticket.requesterId;
  return ticket.accountId ?? replica.store.get('contact', ticket.requesterId)?.accountId ?? null;
}

function ticketPage(sql: StatementCache, list: CustomerTicketList, ownerId: string, ticketId: string, after: Keyset | null, limit: number): CustomerTicketsPage {
  const query = after
    ? { sql: list === 'account' ? paneSql.accountTicketsAfter : paneSql.contactTicketsAfter, params: [ownerId, ticketId, after.at, after.id, limit + 1] }
    : { sql: list === 'account' ? paneSql.accountTickets : paneSql.contactTickets, params: [ownerId, ticketId, limit + 1] };
  const rows = sql.all<SummaryRow>(query);
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { rows: shown.map(toSummary), next: rows.length > limit && last ? encodeKeyset({ at: last.sortKey, id: last.id }) : null };
}

/** A page of the open ticket's account or requester tickets ("show all" in the pane). */
export function customerTickets(replica: Replica, sql: StatementCache, input: { ticketId: string; list: CustomerTicketList; after: string | null; limit: number }): CustomerTicketsPage {
  const after = input.after === null ? null : decodeKeyset(input.after);
  const ownerId = listOwner(replica, input.ticketId, input.list);
  return ownerId === null ? { rows: [], next: null } : ticketPage(sql, input.list, ownerId, input.ticketId, after, input.limit);
}

/**
 * The 360° view beside a ticket: the requester, their account, the account's people and
 * tickets, and the requester's own other tickets, each list its newest PANE_TICKETS with a total
 * from an index. Stats cover the account when there is one.
 */
export function customerPane(replica: Replica, sql: StatementCache, ticketId: string): CustomerPane | null {
  const { store } = replica;
  const ticket = store.get('ticket', ticketId);
  const contact = ticket && store.get('contact', ticket.requesterId);
  if (!ticket || !contact) return null;
  const accountId = ticket.accountId ?? contact.accountId;
  const account = accountId ? (store.get('account', accountId) ?? null) : null;
  const stats = (query: string, id: string): Stats => sql.get1<Stats>({ sql: query, params: [id] }) ?? { open: 0, solved: 0 };
  const contactStats = stats(paneSql.contactStats, contact.id);
  const accountStats = account ? stats(paneSql.accountStats, account.id) : null;
  const shown = accountStats ?? contactStats;
  // The lists leave out the open ticket: it counts in its requester's total, and in the account's when it is the account's.
  const others = (s: Stats, holdsTicket: boolean) => Math.max(0, s.open + s.solved - (holdsTicket ? 1 : 0));
  return {
    contact,
    account,
    accountContacts: account
      ? sql.all<{ data: string }>({ sql: paneSql.accountContacts, params: [account.id] }).map((r) => JSON.parse(r.data) as Contact)
      : [contact],
    accountContactsTotal: account ? (sql.get1<{ n: number }>({ sql: paneSql.accountContactCount, params: [account.id] })?.n ?? 0) : 1,
    accountTickets: account ? ticketPage(sql, 'account', account.id, ticketId, null, PANE_TICKETS).rows : [],
    accountTicketsTotal: accountStats ? others(accountStats, ticket.accountId === account?.id) : 0,
    contactTickets: ticketPage(sql, 'contact', contact.id, ticketId, null, PANE_TICKETS).rows,
    contactTicketsTotal: others(contactStats, true),
    stats: { openTickets: shown.open, solvedTickets: shown.solved },
    satisfaction: { account: account ? satisfactionHistory(sql, 'account', account.id) : null, requester: satisfactionHistory(sql, 'requester', contact.id) },
  };
}

function toSummary({ sortKey: _, requesterName, ...row }: SummaryRow): TicketSummary {
  return { ...row, requesterName: requesterName ?? fallbackNames.requester };
}
