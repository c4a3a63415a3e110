import { DeskError, type ProcedureName } from '../../../shared/ipc/contract.ts';
import type { ticketActionProcedures } from '../../../shared/ipc/features/ticket-actions.ts';
import { newId } from '../../../shared/ids.ts';
import {
  MutationRejected,
  messageAdd,
  ticketAddTags,
  ticketAssign,
  ticketCreate,
  ticketDelete,
  ticketRemoveTags,
  ticketSetCustomFields,
  ticketSetPriority,
  ticketSetStatus,
  ticketSetTeam,
} from '../../../shared/mutators/index.ts';
import { reapplication, type Reapplication } from '../../../shared/mutators/reapply.ts';
import type { satisfactionProcedures } from '../../../shared/ipc/features/satisfaction.ts';
import type { EngineContext } from '../engine-context.ts';
import { mutate } from '../outbox/mutate.ts';
import { ticketDetail } from '../queries/ticket-detail.ts';
import { currentAgent } from '../queries/viewer.ts';
import { mutationHandler } from './mutation-handler.ts';
import type { Handlers } from './types.ts';

/** The ticket procedures handled here; the agent workspace's ticket actions live in ticket-actions.ts. */
type TicketProcedure = Exclude<Extract<ProcedureName, `ticket.${string}`>, keyof typeof ticketActionProcedures | keyof typeof satisfactionProcedures>;

export function ticketHandlers(ctx: EngineContext): Pick<Handlers, TicketProcedure> {
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
    'ticket.setStatus': mutationHandler(ctx, ticketSetStatus),
    'ticket.assign': mutationHandler(ctx, ticketAssign),
    'ticket.setPriority': mutationHandler(ctx, ticketSetPriority),
    'ticket.setTeam': mutationHandler(ctx, ticketSetTeam),
    'ticket.addTags': mutationHandler(ctx, ticketAddTags),
    'ticket.removeTags': mutationHandler(ctx, ticketRemoveTags),
    'ticket.setCustomFields': mutationHandler(ctx, ticketSetCustomFields),
    // The mutator checks who may delete, offline too; the server decides for good.
    'ticket.delete': mutationHandler(ctx, ticketDelete),
    'ticket.create': async ({ firstMessage, ...input }) => {
      // Ids made here, offline if need be; the server only adds the number.
      const ticketId = newId();
      const message = firstMessage && { ...firstMessage, id: newId() };
      await mutate(ctx, ticketCreate, { ...input, id: ticketId, ...(message && { firstMessage: message }) });
      return { ticketId, messageId: message?.id ?? null };
    },
    'ticket.reapply': async ({ messageId }) => {
      const { mutator, args } = reapplicationOf(ctx, messageId);
      await mutate(ctx, mutator, args);
      return null;
    },
  };
}

/** The mutation that sets again the value a conflict notice says was overwritten, on the ticket as it is now. */
function reapplicationOf(ctx: EngineContext, messageId: string): Reapplication {
  ctx.session.require();
  const message = ctx.replica.store.get('message', messageId);
  if (message?.event?.type !== 'conflict') throw new DeskError('invalid_input', 'This message is not a conflict notice, so there is nothing to re-apply.');
  const ticket = ctx.replica.store.get('ticket', message.ticketId);
  if (!ticket) throw new DeskError('unavailable', 'The ticket of this notice is not on this workstation any more.');
  try {
    return reapplication(message.event, ticket);
  } catch (err) {
    throw err instanceof MutationRejected ? new DeskError('rejected', err.message) : err;
  }
}
