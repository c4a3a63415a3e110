import { DeskError } from '../../../shared/ipc/contract.ts';
import type { TicketDetail, TimelineMessage } from '../../../shared/ipc/views.ts';
import type { Message } from '../../../shared/model/index.ts';
import type { Replica } from '../replica/replica.ts';
import type { StatementCache } from '../replica/statement-cache.ts';
import { fallbackNames } from './fallback-names.ts';
import { pendingSyncSql } from './pending-sync.ts';

/** The thread, oldest first, with author names (`messages_by_ticket` index). Exported for the query-plan test. */
export const THREAD_SQL = `
  SELECT m.data, ag.name AS agentName, c.name AS contactName, ${pendingSyncSql('message', 'm.id')} AS pendingSync
  FROM messages m
  LEFT JOIN agents ag ON ag.id = m.author_id
  LEFT JOIN contacts c ON c.id = m.author_id
  WHERE m.ticket_id = ?
  ORDER BY m.created_at, m.id`;

export const TICKET_PENDING_SQL = `SELECT ${pendingSyncSql('ticket', '?')} AS pending`;

interface ThreadRow {
  data: string;
  agentName: string | null;
  contactName: string | null;
  pendingSync: number;
}

export function ticketDetail(replica: Replica, sql: StatementCache, ticketId: string): TicketDetail | null {
  const { store } = replica;
  const ticket = store.get('ticket', ticketId);
  if (!ticket) return null;
  const requester = store.get('contact', ticket.requesterId);
  if (!requester) {
    throw new DeskError('unavailable', 'The customer of this ticket has not been downloaded yet; try again when sync has finished.');
  }
  return {
    ticket,
    messages: sql.all<ThreadRow>({ sql: THREAD_SQL, params: [ticketId] }).map(toTimelineMessage),
    requester,
    assignee: ticket.assigneeId ? (store.get('agent', ticket.assigneeId) ?? null) : null,
    team: ticket.teamId ? (store.get('team', ticket.teamId) ?? null) : null,
    pendingSync: sql.get1<{ pending: number }>({ sql: TICKET_PENDING_SQL, params: [ticketId] })?.pending === 1,
  };
}

function toTimelineMessage(row: ThreadRow): TimelineMessage {
  const message = JSON.parse(row.data) as Message;
  const authorName =
    message.authorType === 'agent' ? (row.agentName ?? fallbackNames.agent) : message.authorType === 'contact' ? (row.contactName ?? fallbackNames.contact) : fallbackNames.system;
  return { ...message, authorName, pendingSync: row.pendingSync === 1 };
}
