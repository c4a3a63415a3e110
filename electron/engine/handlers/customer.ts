import type { EngineContext } from '../engine-context.ts';
import { customerPane } from '../queries/customer-pane.ts';
import { directoryAgents } from '../queries/directory.ts';
import { currentAgent } from '../queries/viewer.ts';
import type { Handlers } from './types.ts';

export function customerHandlers(ctx: EngineContext): Pick<Handlers, 'customer.pane' | 'directory.agents'> {
  return {
    'customer.pane': ({ ticketId }) => {
      currentAgent(ctx.replica, ctx.session);
      return customerPane(ctx.replica, ctx.sql, ticketId);
    },
    'directory.agents': () => {
      currentAgent(ctx.replica, ctx.session);
      return directoryAgents(ctx.sql);
    },
  };
}
