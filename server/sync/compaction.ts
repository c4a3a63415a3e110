import { sql, type Kysely, type Transaction } from 'kysely';
import { dropChangesThrough, lastSeqBefore } from '../store/change-log.ts';
import type { Database } from '../store/schema.ts';
import { lockForWriting } from '../store/workspace.ts';
import type { Visibility } from './scopes.ts';

const DAY_MS = 86_400_000;

export interface Compaction {
  /** Every change up to this seq is gone (null: nothing was old enough). */
  horizon: number | null;
  /** Scopes that lost changes; a replica behind their horizon downloads them again. */
  scopes: string[];
}

/**
 * Drops change-log entries older than `keepDays` and remembers, per scope, the highest seq
 * dropped. A pull from behind that seq then re-downloads only those scopes (`compactedScopes`);
 * every other scope keeps pulling from its cursor.
 */
export async function compactLog(db: Kysely<Database>, { keepDays, now = new Date() }: { keepDays: number; now?: Date }): Promise<Compaction> {
  if (!(keepDays >= 0)) throw new Error(`keepDays must be 0 or more, not ${keepDays}.`);
  const cutoff = new Date(now.getTime() - keepDays * DAY_MS).toISOString();
  return db.transaction().execute(async (trx) => {
    // Before the first read, as every writer does: the CLI may compact beside running servers.
    await lockForWriting(trx);
    const horizon = await lastSeqBefore(trx, cutoff);
    if (horizon === null) return { horizon: null, scopes: [] };
    const dropped = await dropChangesThrough(trx, horizon);
    for (const { scope, seq } of dropped) {
      await trx
        .insertInto('scope_horizons')
        .values({ scope, seq })
        .onConflict((oc) => oc.column('scope').doUpdateSet({ seq: sql<number>`CASE WHEN scope_horizons.seq > ${seq} THEN scope_horizons.seq ELSE ${seq} END` }))
        .execute();
    }
    return { horizon, scopes: dropped.map((d) => d.scope) };
  });
}

/** The caller's scopes whose changes after `cursorSeq` are no longer all in the log. */
export async function compactedScopes(db: Kysely<Database> | Transaction<Database>, visibility: Visibility, cursorSeq: number): Promise<string[]> {
  if (!visibility.all && visibility.scopes.length === 0) return [];
  let query = db.selectFrom('scope_horizons').select('scope').where('seq', '>', cursorSeq);
  if (!visibility.all) query = query.where('scope', 'in', visibility.scopes);
  return (await query.orderBy('scope').execute()).map((r) => r.scope);
}
