import type { Kysely } from 'kysely';
import { EntityKind } from '../../shared/model/index.ts';
import { BootstrapRequest } from '../../shared/sync/bootstrap-request.ts';
import { SnapshotRequest, type BootstrapResponse, type SnapshotResponse } from '../../shared/sync/protocol.ts';
import type { Actor } from '../auth/actor.ts';
import { parseBody } from '../http/parse-body.ts';
import { claimClient } from '../store/clients.ts';
import { consistentRead } from '../store/consistent-read.ts';
import { fromRow } from '../store/rows.ts';
import { entityTables, type Database } from '../store/schema.ts';
import { headCursor } from '../store/workspace.ts';
import type { Visibility } from './scopes.ts';

export const DEFAULT_SNAPSHOT_LIMIT = 1000;

type Loose = Kysely<Record<string, { id: string; scope: string }>>;

/** Rows of one kind the caller may see, as a query to count or page. */
function visibleRows(db: Kysely<Database>, kind: EntityKind, visibility: Visibility) {
  const query = (db as unknown as Loose).selectFrom(entityTables[kind]);
  return visibility.all ? query : query.where('scope', 'in', visibility.scopes);
}

/** Starts a bootstrap: the cursor to pull from afterwards, and how many rows of each kind will come. */
export async function bootstrap(db: Kysely<Database>, actor: Actor, body: unknown): Promise<BootstrapResponse> {
  const { clientId } = parseBody(BootstrapRequest, body);
  return consistentRead(db, async (trx) => {
    const lastMutationId = await claimClient(trx, clientId, actor.agentId);
    const cursor = await headCursor(trx);
    const counts: Partial<Record<EntityKind, number>> = {};
    for (const kind of EntityKind.options) {
      const row = await visibleRows(trx, kind, actor.visibility)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      counts[kind] = Number(row.n);
    }
    return { cursor, lastMutationId, counts };
  });
}

/** One page of a kind, keyset by id: each row the caller may see comes exactly once across pages. */
export async function snapshotPage(db: Kysely<Database>, actor: Actor, body: unknown): Promise<SnapshotResponse> {
  const request = parseBody(SnapshotRequest, body);
  const limit = request.limit ?? DEFAULT_SNAPSHOT_LIMIT;
  await claimClient(db, request.clientId, actor.agentId);
  let query = visibleRows(db, request.kind, actor.visibility).selectAll();
  if (request.after) query = query.where('id', '>', request.after);
  const page = await query.orderBy('id').limit(limit + 1).execute();
  const rows = page.slice(0, limit).map((r) => fromRow(request.kind, r));
  const next = page.length > limit ? (rows.at(-1) as { id: string }).id : null;
  return { rows, next };
}
