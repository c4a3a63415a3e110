import { sql, type Kysely, type Transaction } from 'kysely';
import type { EntityKind } from '../../shared/model/index.ts';
import type { ScopeChecksum } from '../../shared/sync/protocol.ts';
import { addToChecksum, CHECKSUM_MODULUS, rowHash } from '../../shared/sync/row-hash.ts';
import { ORG_KINDS, ORG_SCOPE, ticketScopes } from '../../shared/sync/scopes.ts';
import { entityTables, type Database } from '../store/schema.ts';
import type { Visibility } from './scopes.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * What writes do to the per-scope checksums, gathered before they are stored: a row version
 * entering a scope adds its hash and one to the count, leaving subtracts them.
 */
export class ChecksumDeltas {
  readonly #byScope = new Map<string, { count: number; sum: number }>();

  add(scopes: readonly string[], kind: EntityKind, id: string, version: number): void {
    this.#shift(scopes, 1, rowHash(kind, id, version));
  }

  remove(scopes: readonly string[], kind: EntityKind, id: string, version: number): void {
    this.#shift(scopes, -1, -rowHash(kind, id, version));
  }

  #shift(scopes: readonly string[], count: number, hash: number): void {
    for (const scope of scopes) {
      const delta = this.#byScope.get(scope) ?? { count: 0, sum: 0 };
      this.#byScope.set(scope, { count: delta.count + count, sum: addToChecksum(delta.sum, hash) });
    }
  }

  /** Adds the deltas to the stored checksums, in the caller's transaction (the same one as the writes). */
  async store(trx: Transaction<Database> | Kysely<Database>): Promise<void> {
    for (const [scope, { count, sum }] of this.#byScope) {
      if (count === 0 && sum === 0) continue;
      await trx
        .insertInto('scope_checksums')
        .values({ scope, row_count: count, hash_sum: sum })
        .onConflict((oc) =>
          oc.column('scope').doUpdateSet({
            row_count: sql<number>`scope_checksums.row_count + ${count}`,
            hash_sum: sql<number>`(scope_checksums.hash_sum + ${sum}) % ${CHECKSUM_MODULUS}`,
          }),
        )
        .execute();
    }
  }
}

/** Every scope that holds rows, with org always among them: what an admin has. */
export async function scopesInUse(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('scope_checksums').select('scope').where('row_count', '>', 0).orderBy('scope').execute();
  return [...new Set([ORG_SCOPE, ...rows.map((r) => r.scope)])];
}

/** The scopes a reader has, listed. */
export async function scopesOfReader(db: Db, visibility: Visibility): Promise<string[]> {
  return visibility.all ? scopesInUse(db) : [...visibility.scopes];
}

/** The checksum of each scope (an empty scope counts 0 rows), read in the caller's transaction. */
export async function readChecksums(db: Db, scopes: readonly string[]): Promise<ScopeChecksum[]> {
  const rows = scopes.length ? await db.selectFrom('scope_checksums').selectAll().where('scope', 'in', scopes).execute() : [];
  const stored = new Map(rows.map((r) => [r.scope, r]));
  return scopes.map((scope) => {
    const row = stored.get(scope);
    return { scope, count: Number(row?.row_count ?? 0), sum: Number(row?.hash_sum ?? 0) };
  });
}

type Loose = Kysely<Record<string, { id: string; version: number; team_id: string | null; assignee_id: string | null; ticket_id: string }>>;

/**
 * Computes every scope's checksum from the rows themselves and replaces the stored ones. For
 * rows loaded outside the change log (demo seed, migration of an older database).
 */
export async function recomputeChecksums(db: Db, orgKinds: readonly EntityKind[] = ORG_KINDS): Promise<void> {
  const loose = db as unknown as Loose;
  const deltas = new ChecksumDeltas();
  for (const kind of orgKinds) {
    for (const r of await loose.selectFrom(entityTables[kind]).select(['id', 'version']).execute()) deltas.add([ORG_SCOPE], kind, r.id, Number(r.version));
  }
  const ticketScopesById = new Map<string, string[]>();
  for (const r of await loose.selectFrom('tickets').select(['id', 'version', 'team_id', 'assignee_id']).execute()) {
    const scopes = ticketScopes({ teamId: r.team_id, assigneeId: r.assignee_id });
    ticketScopesById.set(r.id, scopes);
    deltas.add(scopes, 'ticket', r.id, Number(r.version));
  }
  for (const r of await loose.selectFrom('messages').select(['id', 'version', 'ticket_id']).execute()) {
    deltas.add(ticketScopesById.get(r.ticket_id) ?? [], 'message', r.id, Number(r.version));
  }
  await db.deleteFrom('scope_checksums').execute();
  await deltas.store(db);
}
