import { z } from 'zod';
import { Id } from '../model/index.ts';
import { mustGet } from './load.ts';
import { defineMutator, MutationRejected } from './types.ts';

export const ticketAssign = defineMutator({
  name: 'ticket.assign@1',
  args: z.object({ ticketId: Id, assigneeId: Id.nullable() }),
  async run(tx, { ticketId, assigneeId }) {
    const ticket = await mustGet(tx, 'ticket', ticketId);
    if (ticket.status === 'closed') throw new MutationRejected('A closed ticket cannot be reassigned.');
    if (ticket.assigneeId === assigneeId) return;
    let teamId = ticket.teamId;
    if (assigneeId) {
      const agent = await mustGet(tx, 'agent', assigneeId);
      // Assigning outside the ticket's team moves the ticket to the assignee's first team.
      if (teamId === null || !agent.teamIds.includes(teamId)) teamId = agent.teamIds[0] ?? teamId;
    }
    // Taking a new ticket is starting work on it.
    const status = ticket.status === 'new' && assigneeId ? 'open' : ticket.status;
    await tx.put('ticket', { ...ticket, assigneeId, teamId, status, updatedAt: tx.ctx.now });
  },
});
