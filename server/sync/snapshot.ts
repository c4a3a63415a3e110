import type { Kysely } from 'kysely';
import { EntityKind, Id } from '../../shared/model/index.ts';
import { BootstrapRequest } from '../../shared/sync/bootstrap-request.ts';
import { SnapshotRequest, type BootstrapResponse, type HistoryPart, type SnapshotResponse } from '../../shared/sync/protocol.ts';
import { ORG_SCOPE } from '../../shared/sync/scopes.ts';
import type { Actor } from '../auth/actor.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { parseBody } from '../http/parse-body.ts';
import { claimClient } from '../store/clients.ts';
import { fromRow } from '../store/rows.ts';
import { entityTables, type Database } from '../store/schema.ts';
import { headCursor } from '../store/workspace.ts';
import { scopesOfReader } from './checksums.ts';
import { canSee } from './scopes.ts';
import { ticketFilter, type VersionedDb, type VersionedTables } from './snapshot-query.ts';

export const DEFAULT_SNAPSHOT_LIMIT = 1000;

type OrgKind = Exclude<EntityKind, 'ticket' | 'message'>;

/** Rows of `scopes` (and of a share of the history) as queries to count or page; null where the scopes hold none. */
const ticketRows = (db: VersionedDb, scopes: readonly string[], history?: HistoryPart) =>
  db.selectFrom('tickets as t').where((eb) => ticketFilter(eb, scopes, history) ?? eb.lit(false));

const messageRows = (db: VersionedDb, scopes: readonly string[], history?: HistoryPart) =>
  db
    .selectFrom('messages as m')
    .innerJoin('tickets as t', 't.id', 'm.ticket_id')
    .where((eb) => ticketFilter(eb, scopes, history) ?? eb.lit(false));

const orgRows = (db: VersionedDb, kind: OrgKind, scopes: readonly string[]) =>
  scopes.includes(ORG_SCOPE) ? (db as Kysely<VersionedTables>).selectFrom(entityTables[kind] as 'teams') : null;

async function countRows(db: VersionedDb, kind: EntityKind, scopes: readonly string[]): Promise<number> {
  const n = (row: { n: unknown } | undefined) => Number(row?.n ?? 0);
  if (kind === 'ticket') return n(await ticketRows(db, scopes).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst());
  if (kind === 'message') return n(await messageRows(db, scopes).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst());
  return n(await orgRows(db, kind, scopes)?.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst());
}

/** Starts a bootstrap: the cursor to pull from afterwards, the caller's scopes, and how many rows of each kind will come. */
export async function bootstrap(db: Kysely<Database>, actor: Actor, body: unknown): Promise<BootstrapResponse> {
  const { clientId } = parseBody(BootstrapRequest, body);
  return db.transaction().execute(async (trx) => {
    const lastMutationId = await claimClient(trx, clientId, actor.agentId);
    const cursor = await headCursor(trx);
    const scopes = await scopesOfReader(trx, actor.visibility);
    const counts: Partial<Record<EntityKind, number>> = {};
    for (const kind of EntityKind.options) counts[kind] = await countRows(trx as unknown as VersionedDb, kind, scopes);
    return { cursor, lastMutationId, counts, scopes };
  });
}

const MESSAGE_KEY = /^([^/]+)\/([^/]+)$/;

/** A message page's keyset position, `ticketId/messageId`: threads come whole and in ticket order. */
function messageKey(after: string): [string, string] {
  const match = MESSAGE_KEY.exec(after);
  if (!match || !Id.safeParse(match[1]).success || !Id.safeParse(match[2]).success) {
    throw new ApiFailure(400, 'invalid_request', 'The request body is not valid: `after` must be the `next` of the previous message page.');
  }
  return [match[1] as string, match[2] as string];
}

/**
 * One page of a kind in the requested scopes the caller has (others are left out), keyset by id
 * (messages by ticket, then id): each such row comes exactly once across pages, with its version.
 */
export async function snapshotPage(db: Kysely<Database>, actor: Actor, body: unknown): Promise<SnapshotResponse> {
  const request = parseBody(SnapshotRequest, body);
  const limit = request.limit ?? DEFAULT_SNAPSHOT_LIMIT;
  await claimClient(db, request.clientId, actor.agentId);
  const scopes = request.scopes.filter((scope) => canSee(actor.visibility, scope));
  const vdb = db as unknown as Kysely<VersionedTables>;
  const { kind, after, history } = request;

  let page: Record<string, unknown>[];
  let keyOf: (row: Record<string, unknown>) => string;
  if (kind === 'message') {
    const query = messageRows(vdb, scopes, history);
    const keyed = after === null ? query : query.where((eb) => eb(eb.refTuple('m.ticket_id', 'm.id'), '>', eb.tuple(...messageKey(after))));
    page = await keyed.selectAll('m').orderBy('m.ticket_id').orderBy('m.id').limit(limit + 1).execute();
    keyOf = (row) => `${row.ticket_id as string}/${row.id as string}`;
  } else if (kind === 'ticket') {
    const query = ticketRows(vdb, scopes, history);
    const keyed = after === null ? query : query.where('t.id', '>', after);
    page = await keyed.selectAll('t').orderBy('t.id').limit(limit + 1).execute();
    keyOf = (row) => row.id as string;
  } else {
    const query = orgRows(vdb, kind, scopes);
    const keyed = after === null ? query : query?.where('id', '>', after);
    page = keyed ? await keyed.selectAll().orderBy('id').limit(limit + 1).execute() : [];
    keyOf = (row) => row.id as string;
  }
  const shown = page.slice(0, limit);
  const last = shown.at(-1);
  return {
    rows: shown.map((r) => fromRow(kind, r)),
    versions: shown.map((r) => Number(r.version)),
    next: page.length > limit && last ? keyOf(last) : null,
  };
}
