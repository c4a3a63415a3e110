import { z } from 'zod';
import { Id } from '../model/index.ts';
import { MAX_TAGS, TagChange } from '../rules/tags.ts';
import { noteChange } from './activity.ts';
import { mustGetEditableTicket } from './load.ts';
import { defineMutator, MutationRejected } from './types.ts';

/** Tags are a set: adding one that is there changes nothing, so concurrent additions merge. */
export const ticketAddTags = defineMutator({
  name: 'ticket.addTags@1',
  args: z.object({ ticketId: Id, tags: TagChange }),
  async run(tx, { ticketId, tags }) {
    const ticket = await mustGetEditableTicket(tx, ticketId);
    const added = tags.filter((t) => !ticket.tags.includes(t));
    if (added.length === 0) return;
    if (ticket.tags.length + added.length > MAX_TAGS) throw new MutationRejected(`A ticket can carry at most ${MAX_TAGS} tags; remove some first.`);
    await noteChange(tx, ticket, { field: 'tags', added });
    await tx.put('ticket', { ...ticket, tags: [...ticket.tags, ...added], updatedAt: tx.ctx.now });
  },
  describe: ({ ticketId, tags }) => ({ action: `Add tags: ${tags.join(', ')}`, ticketId }),
});
