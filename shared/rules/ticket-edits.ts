import type { Agent, Ticket } from '../model/index.ts';

/** Why a ticket's fields cannot change, or null. A closed ticket is final: it takes notes, not edits. */
export function closedTicketRefusal(ticket: Pick<Ticket, 'status'>): string | null {
  return ticket.status === 'closed' ? 'A closed ticket cannot be changed; create a follow-up ticket instead.' : null;
}

/**
 * The team a ticket should be in once `agent` is its assignee: its team when the agent belongs to
 * it, else the agent's first team (an agent without a team leaves the team as it is).
 */
export function teamForAssignee(agent: Pick<Agent, 'teamIds'>, teamId: string | null): string | null {
  if (teamId !== null && agent.teamIds.includes(teamId)) return teamId;
  return agent.teamIds[0] ?? teamId;
}
