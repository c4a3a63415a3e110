import type { Kysely, Transaction } from 'kysely';
import type { EntityKind } from '../../shared/model/index.ts';
import type { Change } from '../../shared/sync/protocol.ts';
import type { Visibility } from '../sync/scopes.ts';
import type { Database } from './schema.ts';
import { takeNumbers } from './workspace.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewChange {
  kind: EntityKind;
  id: string;
  scope: string;
  op: 'put' | 'del';
  data: object | null;
}

/** Which client mutation caused a change, so a pull page can tell how far that client's mutations are reflected. */
export interface ChangeSource {
  clientId: string;
  mutationId: number;
}

/** Appends one change in the caller's transaction; returns its seq. */
export async function appendChange(trx: Transaction<Database>, change: NewChange, source: ChangeSource | null): Promise<number> {
  const seq = await takeNumbers(trx, 'last_seq');
  await trx
    .insertInto('change_log')
    .values({
      seq,
      kind: change.kind,
      entity_id: change.id,
      scope: change.scope,
      op: change.op,
      data: change.data === null ? null : JSON.stringify(change.data),
      client_id: source?.clientId ?? null,
      mutation_id: source?.mutationId ?? null,
      created_at: new Date().toISOString(),
    })
    .execute();
  return seq;
}

/** Changes with afterSeq < seq <= uptoSeq in scopes the reader may see, oldest first. */
export async function readChanges(db: Db, visibility: Visibility, afterSeq: number, uptoSeq: number, limit: number): Promise<Change[]> {
  let query = db
    .selectFrom('change_log')
    .select(['seq', 'kind', 'entity_id', 'op', 'data'])
    .where('seq', '>', afterSeq)
    .where('seq', '<=', uptoSeq);
  if (!visibility.all) query = query.where('scope', 'in', visibility.scopes);
  const rows = await query.orderBy('seq').limit(limit).execute();
  return rows.map((r) => ({ seq: r.seq, kind: r.kind, id: r.entity_id, op: r.op, data: r.data === null ? null : JSON.parse(r.data) }));
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
