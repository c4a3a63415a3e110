import { sql, type AliasedSelectQueryBuilder, type Kysely } from 'kysely';
import { EntityKind, Id } from '../../shared/model/index.ts';
import { BootstrapRequest } from '../../shared/sync/bootstrap-request.ts';
import { SnapshotRequest, type BootstrapResponse, type SnapshotResponse } from '../../shared/sync/protocol.ts';
import { ORG_SCOPE } from '../../shared/sync/scopes.ts';
import type { Actor } from '../auth/actor.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { parseBody } from '../http/parse-body.ts';
import { claimClient } from '../store/clients.ts';
import { consistentRead } from '../store/consistent-read.ts';
import { fromRow } from '../store/rows.ts';
import { entityTables, type Database } from '../store/schema.ts';
import { headCursor } from '../store/workspace.ts';
import { scopesInUse, scopesOfReader } from './checksums.ts';
import { canSee } from './scopes.ts';
import { scopeTerms, ticketInPart, ticketInScopes, type TicketTerm, type VersionedDb, type VersionedTables } from './snapshot-query.ts';

export const DEFAULT_SNAPSHOT_LIMIT = 1000;

type OrgKind = Exclude<EntityKind, 'ticket' | 'message'>;

const orgRows = (db: VersionedDb, kind: OrgKind, scopes: readonly string[]) =>
  scopes.includes(ORG_SCOPE) ? (db as Kysely<VersionedTables>).selectFrom(entityTables[kind] as 'teams') : null;

/** How many rows of a kind `scopes` hold: the bootstrap's progress total. */
async function countRows(db: VersionedDb, kind: EntityKind, scopes: readonly string[]): Promise<number> {
  const n = (row: { n: unknown } | undefined) => Number(row?.n ?? 0);
  const inScopes = (eb: Parameters<TicketTerm>[0]) => ticketInScopes(eb, scopes) ?? eb.lit(false);
  const count = sql<number>`count(*)`.as('n');
  if (kind === 'ticket') return n(await db.selectFrom('tickets as t').where(inScopes).select(count).executeTakeFirst());
  if (kind === 'message') return n(await db.selectFrom('messages as m').innerJoin('tickets as t', 't.id', 'm.ticket_id').where(inScopes).select(count).executeTakeFirst());
  return n(await orgRows(db, kind, scopes)?.select(count).executeTakeFirst());
}

/** Starts a bootstrap: the cursor to pull from afterwards, the caller's scopes, and how many rows of each kind will come. */
export async function bootstrap(db: Kysely<Database>, actor: Actor, body: unknown): Promise<BootstrapResponse> {
  const { clientId } = parseBody(BootstrapRequest, body);
  return consistentRead(db, async (trx) => {
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
 * The ticket conditions to page over: one per index range of the scopes, each walked in order and
 * merged (an OR would sort every matching row for every page), or none at all when the scopes
 * are every scope in use (an admin's download).
 */
async function pageTerms(db: VersionedDb, actor: Actor, scopes: readonly string[]): Promise<{ terms: TicketTerm[]; everything: boolean }> {
  if (actor.visibility.all && (await scopesInUse(db as unknown as Kysely<Database>)).every((s) => scopes.includes(s))) return { terms: [(eb) => eb.lit(true)], everything: true };
  return { terms: scopeTerms(scopes), everything: false };
}

type Row = Record<string, unknown>;

/** Merges per-range pages (each already in key order and limited) into one page; a row found by several ranges comes once. */
async function mergePages<Q extends { as(alias: 'b'): AliasedSelectQueryBuilder<Row, 'b'> }>(db: VersionedDb, branches: Q[], keys: ['id'] | ['ticket_id', 'id'], limit: number): Promise<Row[]> {
  const [first, ...rest] = branches.map((b) => (db as Kysely<Record<'b', Row>>).selectFrom(b.as('b')).selectAll());
  if (!first) return [];
  const union = rest.reduce((all, b) => all.union(b), first);
  let merged = (db as Kysely<Record<'u', Row>>).selectFrom(union.as('u')).selectAll();
  for (const key of keys) merged = merged.orderBy(key);
  return merged.limit(limit).execute();
}

/**
 * One page of a kind in the requested scopes the caller has (others are left out), keyset by id
 * (messages by ticket, then id): each such row comes exactly once across pages, with its version.
 */
export async function snapshotPage(db: Kysely<Database>, actor: Actor, body: unknown): Promise<SnapshotResponse> {
  const request = parseBody(SnapshotRequest, body);
  const limit = (request.limit ?? DEFAULT_SNAPSHOT_LIMIT) + 1;
  await claimClient(db, request.clientId, actor.agentId);
  const scopes = request.scopes.filter((scope) => canSee(actor.visibility, scope));
  const vdb = db as unknown as Kysely<VersionedTables>;
  const { kind, after, history } = request;
  const inPart = (eb: Parameters<TicketTerm>[0]) => (history ? [ticketInPart(eb, history)] : []);

  let page: Row[];
  let keyOf: (row: Row) => string;
  if (kind === 'message') {
    const key = after === null ? null : messageKey(after);
    const { terms, everything } = await pageTerms(vdb, actor, scopes);
    // The same order either way (the join makes them equal), walked along the index that has it:
    // a scope's tickets (team_id, id) then their threads, or, for everything, the messages' own
    // (ticket_id, id) — by t.id there, SQLite sorts every message of the store for each page.
    const ticketKey = everything ? 'm.ticket_id' : 't.id';
    const branches = terms.map((term) =>
      vdb
        .selectFrom('tickets as t')
        .innerJoin('messages as m', 'm.ticket_id', 't.id')
        .selectAll('m')
        .where((eb) =>
          eb.and([term(eb), ...inPart(eb), ...(key ? [eb(ticketKey, '>=', key[0]), eb.or([eb(ticketKey, '>', key[0]), eb('m.id', '>', key[1])])] : [])]),
        )
        .orderBy(ticketKey)
        .orderBy('m.id')
        .limit(limit),
    );
    page = await mergePages(vdb, branches, ['ticket_id', 'id'], limit);
    keyOf = (row) => `${row.ticket_id as string}/${row.id as string}`;
  } else if (kind === 'ticket') {
    const branches = (await pageTerms(vdb, actor, scopes)).terms.map((term) =>
      vdb
        .selectFrom('tickets as t')
        .selectAll('t')
        .where((eb) => eb.and([term(eb), ...inPart(eb), ...(after ? [eb('t.id', '>', after)] : [])]))
        .orderBy('t.id')
        .limit(limit),
    );
    page = await mergePages(vdb, branches, ['id'], limit);
    keyOf = (row) => row.id as string;
  } else {
    const query = orgRows(vdb, kind, scopes);
    const keyed = after === null ? query : query?.where('id', '>', after);
    page = keyed ? await keyed.selectAll().orderBy('id').limit(limit).execute() : [];
    keyOf = (row) => row.id as string;
  }
  const shown = page.slice(0, limit - 1);
  const last = shown.at(-1);
  return {
    rows: shown.map((r) => fromRow(kind, r)),
    versions: shown.map((r) => Number(r.version)),
    next: page.length === limit && last ? keyOf(last) : null,
  };
}
