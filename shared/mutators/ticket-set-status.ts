import { z } from 'zod';
import { Id, TicketStatus } from '../model/index.ts';
import { statusChangeRefusal } from '../rules/status.ts';
import { mustGet } from './load.ts';
import { defineMutator, MutationRejected } from './types.ts';

export const ticketSetStatus = defineMutator({
  name: 'ticket.setStatus@1',
  args: z.object({ ticketId: Id, status: TicketStatus }),
  async run(tx, { ticketId, status }) {
    const ticket = await mustGet(tx, 'ticket', ticketId);
    const refusal = statusChangeRefusal(ticket.status, status);
    if (refusal) throw new MutationRejected(refusal);
    if (ticket.status === status) return;
    const solvedAt = status === 'solved' || status === 'closed' ? (ticket.solvedAt ?? tx.ctx.now) : null;
    await tx.put('ticket', { ...ticket, status, solvedAt, updatedAt: tx.ctx.now });
  },
});
