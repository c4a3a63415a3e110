import { TicketSummary, type CustomerPane } from '../../../shared/ipc/views.ts';
import type { Contact, Ticket } from '../../../shared/model/index.ts';
import type { Replica } from '../replica/replica.ts';
import type { StatementCache } from '../replica/statement-cache.ts';
import { fallbackNames } from './fallback-names.ts';
import { satisfactionHistory } from './satisfaction-history.ts';

/** How many tickets each list of the pane shows; the pane is a summary, not a queue. */
const PANE_TICKETS = 50;

const SUMMARY_COLUMNS = `t.data, c.name AS requesterName`;

/** The pane's queries (exported for the query-plan test); each walks one index. */
export const paneSql = {
  accountContacts: `SELECT data FROM contacts WHERE account_id = ? ORDER BY name`,
  accountTickets: `
    SELECT ${SUMMARY_COLUMNS} FROM tickets t LEFT JOIN contacts c ON c.id = t.requester_id
    WHERE t.account_id = ? AND t.id <> ? ORDER BY t.created_at DESC LIMIT ${PANE_TICKETS}`,
  contactTickets: `
    SELECT ${SUMMARY_COLUMNS} FROM tickets t LEFT JOIN contacts c ON c.id = t.requester_id
    WHERE t.requester_id = ? AND t.id <> ? ORDER BY t.created_at DESC LIMIT ${PANE_TICKETS}`,
  accountStats: `SELECT count(*) FILTER (WHERE unsolved = 1) AS open, count(*) FILTER (WHERE unsolved = 0) AS solved FROM tickets WHERE account_id = ?`,
  contactStats: `SELECT count(*) FILTER (WHERE unsolved = 1) AS open, count(*) FILTER (WHERE unsolved = 0) AS solved FROM tickets WHERE requester_id = ?`,
};

interface SummaryRow {
  data: string;
  requesterName: string | null;
}

/**
 * The 360° view beside a ticket: the requester, their account, the account's people and
 * tickets, and the requester's own other tickets. Stats cover the account when there is one.
 */
export function customerPane(replica: Replica, sql: StatementCache, ticketId: string): CustomerPane | null {
  const { store } = replica;
  const ticket = store.get('ticket', ticketId);
  const contact = ticket && store.get('contact', ticket.requesterId);
  if (!ticket || !contact) return null;
  const accountId = ticket.accountId ?? contact.accountId;
  const account = accountId ? (store.get('account', accountId) ?? null) : null;
  const summaries = (query: string, ownerId: string) => sql.all<SummaryRow>({ sql: query, params: [ownerId, ticketId] }).map(toSummary);
  const stats = account
    ? sql.get1<{ open: number; solved: number }>({ sql: paneSql.accountStats, params: [account.id] })
    : sql.get1<{ open: number; solved: number }>({ sql: paneSql.contactStats, params: [contact.id] });
  return {
    contact,
    account,
    accountContacts: account
      ? sql.all<{ data: string }>({ sql: paneSql.accountContacts, params: [account.id] }).map((r) => JSON.parse(r.data) as Contact)
      : [contact],
    accountTickets: account ? summaries(paneSql.accountTickets, account.id) : [],
    contactTickets: summaries(paneSql.contactTickets, contact.id),
    stats: { openTickets: stats?.open ?? 0, solvedTickets: stats?.solved ?? 0 },
    satisfaction: { account: account ? satisfactionHistory(sql, 'account', account.id) : null, requester: satisfactionHistory(sql, 'requester', contact.id) },
  };
}

function toSummary(row: SummaryRow): TicketSummary {
  // The schema keeps the summary's fields and drops the rest of the ticket.
  return TicketSummary.parse({ ...(JSON.parse(row.data) as Ticket), requesterName: row.requesterName ?? fallbackNames.requester });
}
