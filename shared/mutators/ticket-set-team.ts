import { z } from 'zod';
import { Id } from '../model/index.ts';
import { noteChange } from './activity.ts';
import { noteConflict } from './conflict-notice.ts';
import { mustGet, mustGetEditableTicket } from './load.ts';
import { defineMutator } from './types.ts';

export const ticketSetTeam = defineMutator({
  name: 'ticket.setTeam@1',
  /** `base`: the team the agent saw, so the server can tell them about a concurrent change. */
  args: z.object({ ticketId: Id, teamId: Id, base: Id.nullable().optional() }),
  async run(tx, { ticketId, teamId, base }) {
    const ticket = await mustGetEditableTicket(tx, ticketId);
    if (ticket.teamId === teamId) return;
    await mustGet(tx, 'team', teamId);
    await noteConflict(tx, ticket, { field: 'teamId', base, value: teamId });
    // Handing a ticket to another team hands it to that team's people: an assignee outside it lets go.
    const assignee = ticket.assigneeId ? await tx.get('agent', ticket.assigneeId) : undefined;
    const assigneeId = assignee?.teamIds.includes(teamId) ? ticket.assigneeId : null;
    await noteChange(tx, ticket, { field: 'teamId', from: ticket.teamId, to: teamId });
    await noteChange(tx, ticket, { field: 'assigneeId', from: ticket.assigneeId, to: assigneeId });
    await tx.put('ticket', { ...ticket, teamId, assigneeId, updatedAt: tx.ctx.now });
  },
  describe: ({ ticketId }) => ({ action: 'Move to another team', ticketId }),
});
