import { z } from 'zod';
import { Id, Priority, priorityLabel } from '../model/index.ts';
import { noteChange } from './activity.ts';
import { noteConflict } from './conflict-notice.ts';
import { mustGetEditableTicket } from './load.ts';
import { slaDueTimes } from './sla-due.ts';
import { defineMutator } from './types.ts';

/** Changing the priority recomputes the SLA due times from createdAt with the new priority's targets. */
export const ticketSetPriority = defineMutator({
  name: 'ticket.setPriority@1',
  /** `base`: the priority the agent saw, so the server can tell them about a concurrent change. */
  args: z.object({ ticketId: Id, priority: Priority, base: Priority.optional() }),
  async run(tx, { ticketId, priority, base }) {
    const ticket = await mustGetEditableTicket(tx, ticketId);
    if (ticket.priority === priority) return;
    await noteConflict(tx, ticket, { field: 'priority', base, value: priority });
    await noteChange(tx, ticket, { field: 'priority', from: ticket.priority, to: priority });
    // The SLA targets of the new priority, counted from creation as if it had always had it.
    const due = await slaDueTimes(tx, { ...ticket, priority });
    await tx.put('ticket', { ...ticket, priority, ...due, updatedAt: tx.ctx.now });
  },
  describe: ({ ticketId, priority }) => ({ action: `Priority: ${priorityLabel[priority]}`, ticketId }),
});
