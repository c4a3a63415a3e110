import { TicketSummary } from '../../../shared/ipc/views.ts';
import type { TicketLinks } from '../../../shared/ipc/features/ticket-actions.ts';
import type { Contact, Ticket } from '../../../shared/model/index.ts';
import type { Replica } from '../replica/replica.ts';
import type { StatementCache } from '../replica/statement-cache.ts';
import { fallbackNames } from './fallback-names.ts';

/** How many rows a type-ahead offers. */
export const FIND_LIMIT = 20;

const SUMMARY = `SELECT t.data, c.name AS requesterName FROM tickets t LEFT JOIN contacts c ON c.id = t.requester_id`;

/** The queries of ticket actions (exported for tests). */
export const ticketActionSql = {
  incidents: `${SUMMARY} WHERE t.problem_id = ? ORDER BY t.created_at`,
  byId: `${SUMMARY} WHERE t.id = ?`,
  byNumber: `${SUMMARY} WHERE t.number = ? LIMIT ${FIND_LIMIT}`,
  bySubject: `${SUMMARY} WHERE json_extract(t.data, '$.subject') LIKE ? ESCAPE '\\' ORDER BY t.updated_at DESC LIMIT ${FIND_LIMIT}`,
  contacts: `SELECT data FROM contacts WHERE name LIKE ? ESCAPE '\\' OR json_extract(data, '$.email') LIKE ? ESCAPE '\\' ORDER BY name LIMIT ${FIND_LIMIT}`,
};

interface SummaryRow {
  data: string;
  requesterName: string | null;
}

const toSummary = (row: SummaryRow): TicketSummary =>
  TicketSummary.parse({ ...(JSON.parse(row.data) as Ticket), requesterName: row.requesterName ?? fallbackNames.requester });

/** `%text%` for LIKE, with the text's own wildcards taken literally. */
const contains = (text: string) => `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The unsolved-or-not incidents of a problem, oldest first (whole tickets: the solve procedure needs their status). */
export function incidentsOf(sql: StatementCache, problemId: string): Ticket[] {
  return sql.all<SummaryRow>({ sql: ticketActionSql.incidents, params: [problemId] }).map((r) => JSON.parse(r.data) as Ticket);
}

export function ticketLinks(replica: Replica, sql: StatementCache, ticketId: string): TicketLinks {
  const ticket = replica.store.get('ticket', ticketId);
  const one = (id: string | null | undefined) => {
    const row = id ? sql.get1<SummaryRow>({ sql: ticketActionSql.byId, params: [id] }) : undefined;
    return row ? toSummary(row) : null;
  };
  return {
    problem: one(ticket?.problemId),
    incidents: ticket ? sql.all<SummaryRow>({ sql: ticketActionSql.incidents, params: [ticketId] }).map(toSummary) : [],
    mergedInto: one(ticket?.mergedIntoId),
  };
}

export function findTickets(sql: StatementCache, text: string): TicketSummary[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const number = /^#?(\d{1,15})$/.exec(trimmed);
  const rows = number
    ? sql.all<SummaryRow>({ sql: ticketActionSql.byNumber, params: [Number(number[1])] })
    : sql.all<SummaryRow>({ sql: ticketActionSql.bySubject, params: [contains(trimmed)] });
  return rows.map(toSummary);
}

export function findContacts(sql: StatementCache, text: string): Contact[] {
  if (!text.trim()) return [];
  return sql.all<{ data: string }>({ sql: ticketActionSql.contacts, params: [contains(text), contains(text)] }).map((r) => JSON.parse(r.data) as Contact);
}
