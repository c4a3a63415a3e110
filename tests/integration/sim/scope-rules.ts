import type { Agent, EntityKind, EntityOf, Ticket } from '../../../shared/model/index.ts';

/**
 * What an agent may hold, written from DESIGN.md §3 rather than taken from the server's code, so
 * that the oracle checks the server too: org-wide rows for everyone; a ticket when its team is
 * one of the agent's or it is assigned to them (an admin: every ticket); a message with its ticket.
 */
export function maySee<K extends EntityKind>(agent: Agent, kind: K, row: EntityOf<K>, ticketOf: (id: string) => Ticket | undefined): boolean {
  switch (kind) {
    case 'ticket':
      return ticketVisible(agent, row as Ticket);
    case 'message': {
      const ticket = ticketOf((row as EntityOf<'message'>).ticketId);
      return ticket !== undefined && ticketVisible(agent, ticket);
    }
    default:
      return true;
  }
}

function ticketVisible(agent: Agent, ticket: Ticket): boolean {
  return agent.role === 'admin' || ticket.assigneeId === agent.id || (ticket.teamId !== null && agent.teamIds.includes(ticket.teamId));
}
