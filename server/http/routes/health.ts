import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { routes } from '../../../shared/sync/routes.ts';
import type { Database } from '../../store/schema.ts';
import { readWorkspace } from '../../store/workspace.ts';
import { ApiFailure } from '../api-failure.ts';

/** Up and able to read its store. */
export function healthRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.get(routes.health, async () => {
    try {
      await readWorkspace(db);
    } catch (err) {
      const failure = new ApiFailure(503, 'unavailable', 'The server cannot read its store.');
      failure.cause = err;
      throw failure;
    }
    return { status: 'ok' };
  });
}
