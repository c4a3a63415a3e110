import { z } from 'zod';
import { Id, statusLabel, TicketStatus } from '../model/index.ts';
import { statusChangeRefusal } from '../rules/status.ts';
import { noteChange } from './activity.ts';
import { noteConflict } from './conflict-notice.ts';
import { mustGet } from './load.ts';
import { defineMutator, MutationRejected } from './types.ts';

export const ticketSetStatus = defineMutator({
  name: 'ticket.setStatus@1',
  // `base` (the status the agent saw) came after the first release; outboxes without it still replay.
  args: z.object({ ticketId: Id, status: TicketStatus, base: TicketStatus.optional() }),
  async run(tx, { ticketId, status, base }) {
    const ticket = await mustGet(tx, 'ticket', ticketId);
    const refusal = statusChangeRefusal(ticket.status, status);
    if (refusal) throw new MutationRejected(refusal);
    if (ticket.status === status) return;
    await noteConflict(tx, ticket, { field: 'status', base, value: status });
    await noteChange(tx, ticket, { field: 'status', from: ticket.status, to: status });
    const solvedAt = status === 'solved' || status === 'closed' ? (ticket.solvedAt ?? tx.ctx.now) : null;
    // Back to work after a solve: a reopening, which first contact resolution and the reopen rate count.
    const reopenCount = ticket.solvedAt !== null && solvedAt === null ? ticket.reopenCount + 1 : ticket.reopenCount;
    await tx.put('ticket', { ...ticket, status, solvedAt, reopenCount, updatedAt: tx.ctx.now });
  },
  describe: ({ ticketId, status }) => ({ action: `Status: ${statusLabel[status]}`, ticketId }),
});
