import { z } from 'zod';
import { Attachment, Id, MAX_BODY_CHARS } from '../model/index.ts';
import { mustGet } from './load.ts';
import { defineMutator, MutationRejected } from './types.ts';

/** What an agent may write as a message: not blank, and refused (never cut) when too long. */
export const MessageBody = z
  .string()
  .max(MAX_BODY_CHARS, `A message can be at most ${MAX_BODY_CHARS.toLocaleString('en')} characters.`)
  .refine((b) => b.trim().length > 0, 'A message cannot be empty.');

/** The rich-text form of a message (the editor's HTML): stored as given, sanitized on display. */
export const MessageHtml = z.string().max(MAX_BODY_CHARS * 4, `A formatted message can be at most ${(MAX_BODY_CHARS * 4).toLocaleString('en')} characters of HTML.`);

export const MAX_MENTIONS = 50;
export const MAX_ATTACHMENTS = 50;

/**
 * Adds a public reply or an internal note. `bodyHtml`, `mentionIds` and `attachments` came later and
 * are optional, so mutations queued by an older version still replay. Mentions are for notes only:
 * a reply naming agents is refused (the customer would see it, and nobody should be notified of it).
 */
export const messageAdd = defineMutator({
  name: 'message.add@1',
  args: z.object({
    id: Id,
    ticketId: Id,
    kind: z.enum(['reply', 'note']),
    body: MessageBody,
    bodyHtml: MessageHtml.optional(),
    mentionIds: z.array(Id).max(MAX_MENTIONS, `A note can mention at most ${MAX_MENTIONS} agents.`).optional(),
    attachments: z.array(Attachment).max(MAX_ATTACHMENTS, `A message can carry at most ${MAX_ATTACHMENTS} attachments.`).optional(),
  }),
  async run(tx, { id, ticketId, kind, body, bodyHtml, mentionIds = [], attachments = [] }) {
    const ticket = await mustGet(tx, 'ticket', ticketId);
    // Replays of the same mutation (rebase, resend) find their message already there.
    if (await tx.get('message', id)) return;
    if (kind === 'reply' && ticket.status === 'closed') {
      throw new MutationRejected('A closed ticket cannot get replies; create a follow-up ticket instead.');
    }
    if (kind === 'reply' && mentionIds.length > 0) {
      throw new MutationRejected('Mentions are for internal notes: send this as a note, or remove the @mentions from the reply.');
    }
    const mentioned = [...new Set(mentionIds)];
    for (const agentId of mentioned) {
      if (!(await tx.get('agent', agentId))) throw new MutationRejected('A mentioned agent is not in the directory any more; remove the mention and send again.');
    }
    const now = tx.ctx.now;
    await tx.put('message', {
      id,
      ticketId,
      kind,
      authorType: 'agent',
      authorId: tx.ctx.actorId,
      body,
      event: null,
      bodyHtml: bodyHtml ?? null,
      attachments,
      mentionIds: mentioned,
      createdAt: now,
    });
    if (kind === 'note') {
      await tx.put('ticket', { ...ticket, updatedAt: now });
      return;
    }
    await tx.put('ticket', {
      ...ticket,
      status: ticket.status === 'new' ? 'open' : ticket.status,
      firstResponseAt: ticket.firstResponseAt ?? now,
      replyCount: ticket.replyCount + 1,
      updatedAt: now,
    });
  },
  describe: ({ ticketId, kind, body }) => ({ action: kind === 'reply' ? 'Public reply' : 'Internal note', ticketId, text: body }),
});
