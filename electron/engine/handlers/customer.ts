import { accountUpdate, contactUpdate } from '../../../shared/mutators/index.ts';
import type { EngineContext } from '../engine-context.ts';
import { customerPane, customerTickets } from '../queries/customer-pane.ts';
import { directoryAgents, directoryTeams } from '../queries/directory.ts';
import { currentAgent } from '../queries/viewer.ts';
import { mutationHandler } from './mutation-handler.ts';
import type { Handlers } from './types.ts';

export function customerHandlers(
  ctx: EngineContext,
): Pick<Handlers, 'customer.pane' | 'customer.tickets' | 'directory.agents' | 'directory.teams' | 'contact.update' | 'account.update'> {
  return {
    'customer.pane': ({ ticketId }) => {
      currentAgent(ctx.replica, ctx.session);
      return customerPane(ctx.replica, ctx.sql, ticketId);
    },
    'customer.tickets': (input) => {
      currentAgent(ctx.replica, ctx.session);
      return customerTickets(ctx.replica, ctx.sql, input);
    },
    'directory.agents': () => {
      currentAgent(ctx.replica, ctx.session);
      return directoryAgents(ctx.sql);
    },
    'directory.teams': () => {
      currentAgent(ctx.replica, ctx.session);
      return directoryTeams(ctx.sql);
    },
    'contact.update': mutationHandler(ctx, contactUpdate),
    'account.update': mutationHandler(ctx, accountUpdate),
  };
}
