import { newId } from '../../../shared/ids.ts';
import { messageAdd, ticketAssign, ticketSetStatus } from '../../../shared/mutators/index.ts';
import type { EngineContext } from '../engine-context.ts';
import { mutate } from '../outbox/mutate.ts';
import { ticketDetail } from '../queries/ticket-detail.ts';
import { currentAgent } from '../queries/viewer.ts';
import type { Handlers } from './types.ts';

export function ticketHandlers(ctx: EngineContext): Pick<Handlers, 'ticket.get' | 'ticket.reply' | 'ticket.setStatus' | 'ticket.assign'> {
  return {
    'ticket.get': ({ id }) => {
      currentAgent(ctx.replica, ctx.session);
      return ticketDetail(ctx.replica, ctx.sql, id);
    },
    'ticket.reply': async (input) => {
      // The id is made here, offline if need be, so the message is the same row everywhere.
      const messageId = newId();
      await mutate(ctx, messageAdd, { ...input, id: messageId });
      return { messageId };
    },
    'ticket.setStatus': async (input) => {
      await mutate(ctx, ticketSetStatus, input);
      return null;
    },
    'ticket.assign': async (input) => {
      await mutate(ctx, ticketAssign, input);
      return null;
    },
  };
}
