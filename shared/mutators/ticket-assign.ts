import { z } from 'zod';
import { Id } from '../model/index.ts';
import { closedTicketRefusal, teamForAssignee } from '../rules/ticket-edits.ts';
import { noteChange } from './activity.ts';
import { noteConflict } from './conflict-notice.ts';
import { mustGet } from './load.ts';
import { defineMutator, MutationRejected } from './types.ts';

export const ticketAssign = defineMutator({
  name: 'ticket.assign@1',
  // `base` (the assignee the agent saw) came after the first release; outboxes without it still replay.
  args: z.object({ ticketId: Id, assigneeId: Id.nullable(), base: Id.nullable().optional() }),
  async run(tx, { ticketId, assigneeId, base }) {
    const ticket = await mustGet(tx, 'ticket', ticketId);
    if (closedTicketRefusal(ticket)) throw new MutationRejected('A closed ticket cannot be reassigned.');
    if (ticket.assigneeId === assigneeId) return;
    // Assigning outside the ticket's team moves the ticket to the assignee's first team.
    const teamId = assigneeId ? teamForAssignee(await mustGet(tx, 'agent', assigneeId), ticket.teamId) : ticket.teamId;
    await noteConflict(tx, ticket, { field: 'assigneeId', base, value: assigneeId });
    // Taking a new ticket is starting work on it.
    const status = ticket.status === 'new' && assigneeId ? 'open' : ticket.status;
    await noteChange(tx, ticket, { field: 'assigneeId', from: ticket.assigneeId, to: assigneeId });
    await noteChange(tx, ticket, { field: 'teamId', from: ticket.teamId, to: teamId });
    await noteChange(tx, ticket, { field: 'status', from: ticket.status, to: status });
    await tx.put('ticket', { ...ticket, assigneeId, teamId, status, updatedAt: tx.ctx.now });
  },
  describe: ({ ticketId, assigneeId }) => ({ action: assigneeId ? 'Assignment' : 'Unassignment', ticketId }),
});
