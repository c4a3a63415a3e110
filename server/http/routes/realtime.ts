import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { routes } from '../../../shared/sync/routes.ts';
import type { Actor } from '../../auth/actor.ts';
import { clientMessageHandler } from '../../realtime/client-messages.ts';
import type { Member, RealtimeHub } from '../../realtime/hub.ts';
import type { Database } from '../../store/schema.ts';
import { authenticate } from '../authenticate.ts';

/** The realtime socket: authenticated before the upgrade; carries deltas, pokes and presence. */
export function realtimeRoutes(app: FastifyInstance, db: Kysely<Database>, hub: RealtimeHub): void {
  const actors = new WeakMap<FastifyRequest, Actor>();
  app.get(
    routes.realtime,
    {
      websocket: true,
      preValidation: async (request) => {
        actors.set(request, await authenticate(db, request));
      },
    },
    (socket, request) => {
      const actor = actors.get(request);
      if (!actor) {
        socket.close(1008, 'unauthorized');
        return;
      }
      const member: Member = {
        agentId: actor.agentId,
        visibility: actor.visibility,
        // A delta is exactly what an HTTP pull would answer now: the session and the agent's scopes are checked again each time.
        refresh: async () => (await authenticate(db, request)).visibility,
      };
      hub.add(socket, member);
      const onMessage = clientMessageHandler(db, hub, socket, member);
      socket.on('message', (data) => void onMessage(data));
    },
  );
}
