import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { BootstrapResponse, PullResponse, PushResponse, SnapshotResponse } from '../../../shared/sync/protocol.ts';
import { routes } from '../../../shared/sync/routes.ts';
import type { Bus } from '../../realtime/bus.ts';
import { publishCommit } from '../../realtime/commits.ts';
import type { Database } from '../../store/schema.ts';
import { pull } from '../../sync/pull.ts';
import { applyPush } from '../../sync/push.ts';
import type { PushAdmission } from '../../sync/push-admission.ts';
import { bootstrap, snapshotPage } from '../../sync/snapshot.ts';
import { authenticate } from '../authenticate.ts';

/** `admission`: pushes past the instance's write queue are refused at once with 503 and Retry-After, before any store work. */
export function syncRoutes(app: FastifyInstance, db: Kysely<Database>, bus: Bus, admission: PushAdmission): void {
  app.post(routes.bootstrap, async (request): Promise<BootstrapResponse> => bootstrap(db, await authenticate(db, request), request.body));
  app.post(routes.snapshot, async (request): Promise<SnapshotResponse> => snapshotPage(db, await authenticate(db, request), request.body));
  app.post(routes.pull, async (request): Promise<PullResponse> => pull(db, await authenticate(db, request), request.body));
  app.post(routes.push, async (request): Promise<PushResponse> =>
    admission.run(request.body, async () =>
      applyPush(db, await authenticate(db, request), request.body, ({ lastSeq, scopes }) => void publishCommit(bus, { seq: lastSeq, scopes: [...scopes] })),
    ),
  );
}
