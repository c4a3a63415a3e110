import type { Kysely, Transaction } from 'kysely';
import type { EntityKind } from '../../shared/model/index.ts';
import type { Change } from '../../shared/sync/protocol.ts';
import type { Visibility } from '../sync/scopes.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewChange {
  kind: EntityKind;
  id: string;
  op: 'put' | 'del';
  data: object | null;
  /** The scopes the row is in after the change (none for a delete). */
  scopes: readonly string[];
  /** The scopes the row left with this change: their readers lose it unless they see it through another. */
  left: readonly string[];
}

/** Which client mutation caused a change, so a pull page can tell how far that client's mutations are reflected. */
export interface ChangeSource {
  clientId: string;
  mutationId: number;
}

/** A change with its seq taken, waiting to be written with the rest of its transaction's changes. */
export interface LoggedChange extends NewChange {
  seq: number;
  source: ChangeSource | null;
  createdAt: string;
}

/** Rows per multi-row INSERT: well under either dialect's limit on parameters. */
const CHANGES_PER_INSERT = 500;

/**
 * Appends changes whose seqs the caller took (under the write lock, in commit order), and their
 * scopes, in the caller's transaction: a few multi-row INSERTs instead of two statements a change.
 */
export async function insertChanges(trx: Transaction<Database>, changes: readonly LoggedChange[]): Promise<void> {
  const log = changes.map((c) => ({
    seq: c.seq,
    kind: c.kind,
    entity_id: c.id,
    op: c.op,
    data: c.data === null ? null : JSON.stringify(c.data),
    client_id: c.source?.clientId ?? null,
    mutation_id: c.source?.mutationId ?? null,
    created_at: c.createdAt,
  }));
  const scopes = changes.flatMap((c) => [...c.scopes.map((scope) => ({ seq: c.seq, scope, gone: 0 })), ...c.left.map((scope) => ({ seq: c.seq, scope, gone: 1 }))]);
  for (let i = 0; i < log.length; i += CHANGES_PER_INSERT) await trx.insertInto('change_log').values(log.slice(i, i + CHANGES_PER_INSERT)).execute();
  for (let i = 0; i < scopes.length; i += CHANGES_PER_INSERT) await trx.insertInto('change_scopes').values(scopes.slice(i, i + CHANGES_PER_INSERT)).execute();
}

export type ChangeRow = { seq: number; kind: EntityKind; entity_id: string; op: 'put' | 'del'; data: string | null };

/**
 * Changes with afterSeq < seq <= uptoSeq in scopes the reader may see, oldest first. A put the
 * reader sees only through scopes the row left is an eviction: it reads as a del.
 */
export async function readChanges(db: Db, visibility: Visibility, afterSeq: number, uptoSeq: number, limit: number): Promise<Change[]> {
  if (visibility.all) {
    const rows = await db
      .selectFrom('change_log')
      .select(['seq', 'kind', 'entity_id', 'op', 'data'])
      .where('seq', '>', afterSeq)
      .where('seq', '<=', uptoSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((r) => toChange(r, false));
  }
  if (visibility.scopes.length === 0) return [];
  const seen = db
    .selectFrom('change_scopes')
    .select((eb) => ['seq', eb.fn.min('gone').as('gone')])
    .where('scope', 'in', visibility.scopes)
    .where('seq', '>', afterSeq)
    .where('seq', '<=', uptoSeq)
    .groupBy('seq')
    .orderBy('seq')
    .limit(limit)
    .as('seen');
  const rows = await db
    .selectFrom(seen)
    .innerJoin('change_log', 'change_log.seq', 'seen.seq')
    .select(['change_log.seq', 'change_log.kind', 'change_log.entity_id', 'change_log.op', 'change_log.data', 'seen.gone'])
    .orderBy('change_log.seq')
    .execute();
  return rows.map((r) => toChange(r, Number(r.gone) === 1));
}

/** A change-log row as a reader gets it; `evicted`: the reader sees it only through scopes the row left. */
export function toChange(r: ChangeRow, evicted: boolean): Change {
  if (evicted || r.op === 'del') return { seq: r.seq, kind: r.kind, id: r.entity_id, op: 'del', data: null };
  return { seq: r.seq, kind: r.kind, id: r.entity_id, op: 'put', data: r.data === null ? null : JSON.parse(r.data) };
}

/**
 * The first mutation of a client with a change after `seq`, if any. Mutations commit one at a
 * time in client order, so every earlier mutation of that client is wholly at or before `seq`.
 */
export async function firstMutationAfter(db: Db, clientId: string, seq: number): Promise<number | null> {
  const row = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.min('mutation_id').as('first'))
    .where('client_id', '=', clientId)
    .where('seq', '>', seq)
    .executeTakeFirst();
  return row?.first == null ? null : Number(row.first);
}

/** The newest seq written before `time` (ISO), or null when there is none. */
export async function lastSeqBefore(db: Db, time: string): Promise<number | null> {
  const row = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('created_at', '<', time)
    .executeTakeFirst();
  return row?.seq == null ? null : Number(row.seq);
}

/** Deletes every change up to `seq`; returns, per scope those changes were in, the highest seq dropped. */
export async function dropChangesThrough(trx: Transaction<Database>, seq: number): Promise<{ scope: string; seq: number }[]> {
  const dropped = await trx
    .selectFrom('change_scopes')
    .select((eb) => ['scope', eb.fn.max('seq').as('seq')])
    .where('seq', '<=', seq)
    .groupBy('scope')
    .execute();
  await trx.deleteFrom('change_scopes').where('seq', '<=', seq).execute();
  await trx.deleteFrom('change_log').where('seq', '<=', seq).execute();
  return dropped.map((d) => ({ scope: d.scope, seq: Number(d.seq) }));
}
