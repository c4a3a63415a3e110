import { DeskError } from '../../../shared/ipc/contract.ts';
import type { satisfactionProcedures } from '../../../shared/ipc/features/satisfaction.ts';
import type { EngineContext } from '../engine-context.ts';
import { ServerAnswerInvalid, ServerRefused, ServerUnreachable, SyncApi } from '../sync/sync-api.ts';
import type { Handlers } from './types.ts';

export function satisfactionHandlers(ctx: EngineContext): Pick<Handlers, keyof typeof satisfactionProcedures> {
  return {
    'ticket.surveyLink': async ({ ticketId }) => {
      const session = ctx.session.require();
      try {
        return await new SyncApi(session.serverUrl, session.token).surveyLink(ticketId);
      } catch (err) {
        if (err instanceof ServerUnreachable) {
          throw new DeskError('unavailable', 'A survey link is signed by the server, which cannot be reached now (offline?). Try again once connected.');
        }
        if (err instanceof ServerRefused) throw new DeskError(err.status === 401 ? 'not_signed_in' : 'rejected', err.message);
        if (err instanceof ServerAnswerInvalid) throw new DeskError('unavailable', err.message);
        throw err;
      }
    },
  };
}
