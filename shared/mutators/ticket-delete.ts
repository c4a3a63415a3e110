import { z } from 'zod';
import { Id } from '../model/index.ts';
import { defineMutator, MutationRejected } from './types.ts';

/** Deletes a ticket and its whole thread. Leads and admins only: a deletion cannot be undone. */
export const ticketDelete = defineMutator({
  name: 'ticket.delete@1',
  args: z.object({ ticketId: Id }),
  async run(tx, { ticketId }) {
    if (tx.ctx.role === 'agent') throw new MutationRejected('Only a team lead or an admin can delete a ticket.');
    // Already gone (someone deleted it first) is what was wanted.
    if (!(await tx.get('ticket', ticketId))) return;
    // The thread first: a message's scopes are read from its ticket.
    for (const message of await tx.threadOf(ticketId)) await tx.del('message', message.id);
    await tx.del('ticket', ticketId);
  },
});
