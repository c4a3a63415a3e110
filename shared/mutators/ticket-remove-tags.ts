import { z } from 'zod';
import { Id } from '../model/index.ts';
import { TagChange } from '../rules/tags.ts';
import { noteChange } from './activity.ts';
import { mustGetEditableTicket } from './load.ts';
import { defineMutator } from './types.ts';

/** Tags are a set: removing one that is not there changes nothing, so concurrent removals merge. */
export const ticketRemoveTags = defineMutator({
  name: 'ticket.removeTags@1',
  args: z.object({ ticketId: Id, tags: TagChange }),
  async run(tx, { ticketId, tags }) {
    const ticket = await mustGetEditableTicket(tx, ticketId);
    const kept = ticket.tags.filter((t) => !tags.includes(t));
    if (kept.length === ticket.tags.length) return;
    await noteChange(tx, ticket, { field: 'tags', removed: ticket.tags.filter((t) => tags.includes(t)) });
    await tx.put('ticket', { ...ticket, tags: kept, updatedAt: tx.ctx.now });
  },
  describe: ({ ticketId, tags }) => ({ action: `Remove tags: ${tags.join(', ')}`, ticketId }),
});
