import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { routes } from '../../../shared/sync/routes.ts';
import type { Actor } from '../../auth/actor.ts';
import type { RealtimeHub } from '../../realtime/hub.ts';
import type { Database } from '../../store/schema.ts';
import { authenticate } from '../authenticate.ts';

/** The realtime socket: authenticated before the upgrade, then only receives pokes. */
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
      if (actor) hub.add(socket, actor.visibility);
      else socket.close(1008, 'unauthorized');
    },
  );
}
