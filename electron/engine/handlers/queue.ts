import type { EngineContext } from '../engine-context.ts';
import { queueCount, queuePage } from '../queries/queue.ts';
import { currentAgent } from '../queries/viewer.ts';
import type { Handlers } from './types.ts';

export function queueHandlers(ctx: EngineContext): Pick<Handlers, 'queue.page' | 'queue.counts'> {
  return {
    'queue.page': (input) => queuePage(ctx.sql, currentAgent(ctx.replica, ctx.session), input),
    'queue.counts': () => {
      const viewer = currentAgent(ctx.replica, ctx.session);
      return {
        mine: queueCount(ctx.sql, viewer, 'mine'),
        unassigned: queueCount(ctx.sql, viewer, 'unassigned'),
        team: queueCount(ctx.sql, viewer, 'team'),
        all: queueCount(ctx.sql, viewer, 'all'),
      };
    },
  };
}
