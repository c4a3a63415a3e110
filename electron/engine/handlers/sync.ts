import type { EngineContext } from '../engine-context.ts';
import type { Handlers } from './types.ts';

export function syncHandlers(ctx: EngineContext): Pick<Handlers, 'sync.status' | 'sync.now'> {
  return {
    'sync.status': () => ctx.status.get(),
    /** Runs a whole cycle (push, pull) and answers with the status after it. */
    'sync.now': async () => {
      await ctx.sync.kick();
      return ctx.status.get();
    },
  };
}
