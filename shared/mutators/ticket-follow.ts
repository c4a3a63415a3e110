import { z } from 'zod';
import { Id } from '../model/index.ts';
import { noteChange } from './activity.ts';
import { mustGet } from './load.ts';
import { defineMutator, MutationRejected } from './types.ts';

/** Most followers one ticket keeps (the model's limit). */
export const MAX_FOLLOWERS = 200;

/** The acting agent follows (or stops following) a ticket. Followers are a set: repeats change nothing. */
export const ticketFollow = defineMutator({
  name: 'ticket.follow@1',
  args: z.object({ ticketId: Id, follow: z.boolean() }),
  async run(tx, { ticketId, follow }) {
    const ticket = await mustGet(tx, 'ticket', ticketId);
    const me = tx.ctx.actorId;
    const following = ticket.followerIds.includes(me);
    if (following === follow) return;
    if (follow && ticket.followerIds.length >= MAX_FOLLOWERS) throw new MutationRejected(`A ticket can have at most ${MAX_FOLLOWERS} followers.`);
    const followerIds = follow ? [...ticket.followerIds, me] : ticket.followerIds.filter((id) => id !== me);
    await noteChange(tx, ticket, { field: 'followers', ...(follow ? { added: [me] } : { removed: [me] }) });
    await tx.put('ticket', { ...ticket, followerIds, updatedAt: tx.ctx.now });
  },
  describe: ({ ticketId, follow }) => ({ action: follow ? 'Follow' : 'Unfollow', ticketId }),
});
