import { z } from 'zod';
import { Channel, Id, Priority, Ticket } from '../model/index.ts';
import { TagSet } from '../rules/tags.ts';
import { teamForAssignee } from '../rules/ticket-edits.ts';
import { mustGet } from './load.ts';
import { messageAdd } from './message-add.ts';
import { slaDueTimes } from './sla-due.ts';
import { CustomFieldChanges } from './ticket-set-custom-fields.ts';
import { defineMutator, MutationRejected } from './types.ts';

/** The message a new ticket starts with: the agent's reply to the customer or an internal note. */
export const FirstMessage = messageAdd.args.pick({ id: true, kind: true, body: true });

/**
 * A ticket made by an agent, offline if need be: the client makes the id, the server gives the
 * number (null until then, shown as a provisional label).
 */
export const ticketCreate = defineMutator({
  name: 'ticket.create@1',
  args: z.object({
    id: Id,
    subject: Ticket.shape.subject.refine((s) => s.trim().length > 0, 'A ticket needs a subject.'),
    requesterId: Id,
    /** Agents mostly create tickets for calls they take. */
    channel: Channel.default('phone'),
    priority: Priority.default('normal'),
    /** Absent: the creator's first team. */
    teamId: Id.nullable().optional(),
    assigneeId: Id.nullable().default(null),
    tags: TagSet.default([]),
    customFields: CustomFieldChanges.default({}),
    firstMessage: FirstMessage.optional(),
  }),
  async run(tx, args) {
    if (await tx.get('ticket', args.id)) {
      // A replay meets the ticket it made; on the server an id is only ever new.
      if (tx.ctx.side === 'client') return;
      throw new MutationRejected(`A ticket with id ${args.id} already exists.`);
    }
    const requester = await mustGet(tx, 'contact', args.requesterId);
    let teamId = args.teamId === undefined ? ((await tx.get('agent', tx.ctx.actorId))?.teamIds[0] ?? null) : args.teamId;
    if (teamId !== null) await mustGet(tx, 'team', teamId);
    if (args.assigneeId) teamId = teamForAssignee(await mustGet(tx, 'agent', args.assigneeId), teamId);
    const now = tx.ctx.now;
    const due = await slaDueTimes(tx, { createdAt: now, priority: args.priority, firstResponseDueAt: null, resolutionDueAt: null });
    await tx.put('ticket', {
      id: args.id,
      number: null,
      subject: args.subject.trim(),
      status: args.assigneeId ? 'open' : 'new',
      priority: args.priority,
      channel: args.channel,
      requesterId: requester.id,
      accountId: requester.accountId,
      teamId,
      assigneeId: args.assigneeId,
      tags: args.tags,
      product: null,
      customFields: Object.fromEntries(Object.entries(args.customFields).filter(([, v]) => v !== null)),
      ...due,
      firstResponseAt: null,
      solvedAt: null,
      problemId: null,
      followerIds: [],
      mergedIntoId: null,
      replyCount: 0,
      reopenCount: 0,
      satisfaction: null,
      createdAt: now,
      updatedAt: now,
    });
    if (args.firstMessage) await messageAdd.run(tx, { ...args.firstMessage, ticketId: args.id });
  },
  describe: ({ subject, firstMessage }) => ({ action: `New ticket “${subject}”`, ...(firstMessage && { text: firstMessage.body }) }),
});
