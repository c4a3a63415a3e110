import type { EngineContext } from '../engine-context.ts';
import { builtinViews, queueCount, queuePage } from '../queries/queue.ts';
import { queueEnv } from '../queries/view-list.ts';
import { currentAgent } from '../queries/viewer.ts';
import type { Handlers } from './types.ts';

export function queueHandlers(ctx: EngineContext): Pick<Handlers, 'queue.page' | 'queue.counts'> {
  return {
    'queue.page': (input) => queuePage(ctx.sql, currentAgent(ctx.replica, ctx.session), input, queueEnv(ctx.replica)),
    'queue.counts': () => {
      const viewer = currentAgent(ctx.replica, ctx.session);
      const env = queueEnv(ctx.replica);
      return Object.fromEntries(builtinViews.map((v) => [v, queueCount(ctx.sql, viewer, v, env).n])) as Record<(typeof builtinViews)[number], number>;
    },
  };
}
