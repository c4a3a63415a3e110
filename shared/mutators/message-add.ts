import { z } from 'zod';
import { Id, MAX_BODY_CHARS } from '../model/index.ts';
import { mustGet } from './load.ts';
import { defineMutator, MutationRejected } from './types.ts';

/** What an agent may write as a message: not blank, and refused (never cut) when too long. */
export const MessageBody = z
  .string()
  .max(MAX_BODY_CHARS, `A message can be at most ${MAX_BODY_CHARS.toLocaleString('en')} characters.`)
  .refine((b) => b.trim().length > 0, 'A message cannot be empty.');

export const messageAdd = defineMutator({
  name: 'message.add@1',
  args: z.object({
    id: Id,
    ticketId: Id,
    kind: z.enum(['reply', 'note']),
    body: MessageBody,
  }),
  async run(tx, { id, ticketId, kind, body }) {
    const ticket = await mustGet(tx, 'ticket', ticketId);
    // Replays of the same mutation (rebase, resend) find their message already there.
    if (await tx.get('message', id)) return;
    if (kind === 'reply' && ticket.status === 'closed') {
      throw new MutationRejected('A closed ticket cannot get replies; create a follow-up ticket instead.');
    }
    const now = tx.ctx.now;
    await tx.put('message', { id, ticketId, kind, authorType: 'agent', authorId: tx.ctx.actorId, body, event: null, bodyHtml: null, attachments: [], mentionIds: [], createdAt: now });
    if (kind === 'note') {
      await tx.put('ticket', { ...ticket, updatedAt: now });
      return;
    }
    await tx.put('ticket', {
      ...ticket,
      status: ticket.status === 'new' ? 'open' : ticket.status,
      firstResponseAt: ticket.firstResponseAt ?? now,
      updatedAt: now,
    });
  },
  describe: ({ ticketId, kind, body }) => ({ action: kind === 'reply' ? 'Public reply' : 'Internal note', ticketId, text: body }),
});
