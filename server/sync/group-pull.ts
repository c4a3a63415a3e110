import type { Kysely } from 'kysely';
import type { Cursor, PullResponse, ScopeChecksum } from '../../shared/sync/protocol.ts';
import { toChange, type ChangeRow } from '../store/change-log.ts';
import { consistentRead } from '../store/consistent-read.ts';
import type { Database } from '../store/schema.ts';
import { readWorkspace } from '../store/workspace.ts';
import { readChecksums, scopesInUse } from './checksums.ts';
import type { Visibility } from './scopes.ts';

/** A client whose socket reported its cursor, with the visibility its session has now. */
export interface GroupReader {
  clientId: string;
  agentId: string;
  visibility: Visibility;
}

/**
 * What an HTTP pull from `cursor` would answer each reader — all of them standing at the same
 * cursor, whatever their scopes — from ONE snapshot read: the changes since the cursor with every
 * scope they touched, filtered per reader the way readChanges filters in SQL (a change is seen
 * through any of the reader's scopes; seen only through scopes the row left, it reads as a del).
 * This is the realtime fan-out's read: a commit wakes many sockets that stand at the previous head.
 * Answers only complete pages of at most `limit` changes; otherwise (and for a reset, or a client
 * that is not its agent's) nothing, and those clients pull for themselves.
 */
export async function pullForGroup(db: Kysely<Database>, cursor: Cursor, readers: readonly GroupReader[], limit: number): Promise<Map<string, PullResponse>> {
  const answers = new Map<string, PullResponse>();
  if (readers.length === 0) return answers;
  return consistentRead(db, async (trx) => {
    const { epoch, last_seq: head } = await readWorkspace(trx);
    if (cursor.epoch !== epoch || cursor.seq > head) return answers;
    const rows: ChangeRow[] = await trx
      .selectFrom('change_log')
      .select(['seq', 'kind', 'entity_id', 'op', 'data'])
      .where('seq', '>', cursor.seq)
      .where('seq', '<=', head)
      .orderBy('seq')
      .limit(limit + 1)
      .execute();
    if (rows.length > limit) return answers;

    const scopesBySeq = new Map<number, { scope: string; gone: number }[]>();
    if (readers.some((r) => !r.visibility.all) && rows.length > 0) {
      const scopeRows = await trx.selectFrom('change_scopes').select(['seq', 'scope', 'gone']).where('seq', '>', cursor.seq).where('seq', '<=', head).execute();
      for (const r of scopeRows) scopesBySeq.set(r.seq, [...(scopesBySeq.get(r.seq) ?? []), { scope: r.scope, gone: Number(r.gone) }]);
    }
    const horizons = await trx.selectFrom('scope_horizons').select('scope').where('seq', '>', cursor.seq).orderBy('scope').execute();
    const inUse = readers.some((r) => r.visibility.all) ? await scopesInUse(trx) : [];
    const scopesOf = (v: Visibility) => (v.all ? inUse : [...v.scopes]);
    const checksums = new Map((await readChecksums(trx, [...new Set(readers.flatMap((r) => scopesOf(r.visibility)))])).map((c) => [c.scope, c]));
    const clients = await trx.selectFrom('clients').select(['client_id', 'agent_id', 'last_mutation_id']).where('client_id', 'in', readers.map((r) => r.clientId)).execute();
    const counters = new Map(clients.map((c) => [c.client_id, c]));

    for (const reader of readers) {
      const client = counters.get(reader.clientId);
      if (client?.agent_id !== reader.agentId) continue;
      const { visibility } = reader;
      const changes = rows.flatMap((row) => {
        if (visibility.all) return [toChange(row, false)];
        const seen = (scopesBySeq.get(row.seq) ?? []).filter((s) => visibility.scopes.includes(s.scope));
        return seen.length === 0 ? [] : [toChange(row, seen.every((s) => s.gone === 1))];
      });
      const resetScopes = horizons.map((h) => h.scope).filter((scope) => visibility.all || visibility.scopes.includes(scope));
      answers.set(reader.clientId, {
        reset: false,
        cursor: { epoch, seq: head },
        lastMutationId: Number(client.last_mutation_id),
        changes,
        more: false,
        checksums: scopesOf(visibility).map((scope): ScopeChecksum => checksums.get(scope) ?? { scope, count: 0, sum: 0 }),
        ...(resetScopes.length > 0 && { resetScopes }),
      });
    }
    return answers;
  });
}
