import type { EngineContext } from '../engine-context.ts';
import type { Handlers } from './types.ts';

export function presenceHandlers(ctx: EngineContext): Pick<Handlers, 'presence.set'> {
  return {
    // Without a socket (offline, signed out) it is kept, and said once the socket is up.
    'presence.set': ({ ticketId, state }) => ctx.presence.set(ticketId, state),
  };
}
