import type { ticketActionProcedures } from '../../../shared/ipc/features/ticket-actions.ts';
import { newId } from '../../../shared/ids.ts';
import { DeskError } from '../../../shared/ipc/contract.ts';
import { messageAdd, ticketFollow, ticketLinkProblem, ticketMerge, ticketSetStatus } from '../../../shared/mutators/index.ts';
import { UNSOLVED_STATUSES } from '../../../shared/rules/status.ts';
import type { EngineContext } from '../engine-context.ts';
import { mutate } from '../outbox/mutate.ts';
import { findContacts, findTickets, incidentsOf, ticketLinks } from '../queries/ticket-actions.ts';
import { currentAgent } from '../queries/viewer.ts';
import { mutationHandler } from './mutation-handler.ts';
import type { Handlers } from './types.ts';

export function ticketActionHandlers(ctx: EngineContext): Pick<Handlers, keyof typeof ticketActionProcedures> {
  const signedIn = () => currentAgent(ctx.replica, ctx.session);
  return {
    'ticket.follow': mutationHandler(ctx, ticketFollow),
    'ticket.merge': mutationHandler(ctx, ticketMerge),
    'ticket.linkProblem': mutationHandler(ctx, ticketLinkProblem),
    'ticket.solveProblem': async ({ problemId, body, solveIncidents }) => {
      signedIn();
      const problem = ctx.replica.store.get('ticket', problemId);
      if (!problem) throw new DeskError('unavailable', 'This problem ticket is not on this workstation.');
      // One mutation per change, each through the outbox: offline it all waits there, in this order.
      const open = incidentsOf(ctx.sql, problemId).filter((t) => UNSOLVED_STATUSES.includes(t.status));
      if (open.length > 0 && body === null) throw new DeskError('invalid_input', 'Write the reply its unsolved incidents get.');
      for (const incident of open) {
        await mutate(ctx, messageAdd, { id: newId(), ticketId: incident.id, kind: 'reply', body: body ?? '' });
        if (solveIncidents) {
          const status = ctx.replica.store.get('ticket', incident.id)?.status;
          await mutate(ctx, ticketSetStatus, { ticketId: incident.id, status: 'solved', ...(status && { base: status }) });
        }
      }
      if (UNSOLVED_STATUSES.includes(problem.status)) await mutate(ctx, ticketSetStatus, { ticketId: problemId, status: 'solved', base: problem.status });
      return { replied: open.length };
    },
    'ticket.links': ({ ticketId }) => {
      signedIn();
      return ticketLinks(ctx.replica, ctx.sql, ticketId);
    },
    'tickets.find': ({ text }) => {
      signedIn();
      return findTickets(ctx.sql, text);
    },
    'contacts.find': ({ text }) => {
      signedIn();
      return findContacts(ctx.sql, text);
    },
  };
}
