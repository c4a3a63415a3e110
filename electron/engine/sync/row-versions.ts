import type { EntityKind } from '../../../shared/model/index.ts';
import type { ScopeChecksum } from '../../../shared/sync/protocol.ts';
import { addToChecksum, CHECKSUM_MODULUS, rowHash } from '../../../shared/sync/row-hash.ts';
import type { Db } from '../replica/open-replica.ts';

interface Entry {
  scopes: string;
  hash: number;
}

/**
 * The engine's record of the server rows it holds — `_versions`: each row's version, the scopes it
 * was in when the server sent it, and its row hash — and, kept in step in the same transaction,
 * each scope's row count and hash sum (`_scope_sums`). After every pull those sums are compared
 * with the server's checksums. Only server data goes through here, never the agent's pending
 * changes. Changes to the sums gather in memory until `flush` (ServerRows flushes at the end of
 * each batch of writes, inside its transaction, and discards them when the batch fails).
 */
export class RowVersions {
  readonly #db: Db;
  readonly #sql;
  readonly #pending = new Map<string, { count: number; sum: number }>();
  /** The JSON of the scopes recorded last: a thread's messages share their ticket's array. */
  #lastScopes: { of: readonly string[]; json: string } | undefined;

  constructor(db: Db) {
    this.#db = db;
    this.#sql = {
      insert: db.prepare<[string, string, number, string, number]>('INSERT INTO _versions (kind, id, version, scopes, hash) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'),
      get: db.prepare<[string, string], Entry>('SELECT scopes, hash FROM _versions WHERE kind = ? AND id = ?'),
      update: db.prepare<[number, string, number, string, string]>('UPDATE _versions SET version = ?, scopes = ?, hash = ? WHERE kind = ? AND id = ?'),
      delete: db.prepare<[string, string]>('DELETE FROM _versions WHERE kind = ? AND id = ?'),
      shift: db.prepare<[string, number, number, number, number]>(
        `INSERT INTO _scope_sums (scope, count, sum) VALUES (?, ?, ?)
         ON CONFLICT (scope) DO UPDATE SET count = count + ?, sum = ((sum + ?) % ${CHECKSUM_MODULUS} + ${CHECKSUM_MODULUS}) % ${CHECKSUM_MODULUS}`,
      ),
      sum: db.prepare<[string], { count: number; sum: number }>('SELECT count, sum FROM _scope_sums WHERE scope = ?'),
      clear: db.prepare('DELETE FROM _versions'),
      clearSums: db.prepare('DELETE FROM _scope_sums'),
    };
  }

  /** The server row `kind`/`id` is now at `version`, in `scopes`. */
  record(kind: EntityKind, id: string, version: number, scopes: readonly string[]): void {
    if (this.#lastScopes?.of !== scopes) this.#lastScopes = { of: scopes, json: JSON.stringify(scopes) };
    const { json } = this.#lastScopes;
    const hash = rowHash(kind, id, version);
    if (this.#sql.insert.run(kind, id, version, json, hash).changes === 0) {
      this.#shift(this.#sql.get.get(kind, id), -1);
      this.#sql.update.run(version, json, hash, kind, id);
    }
    this.#add(scopes, 1, hash);
  }

  /** The row is no longer one the server gave us. */
  forget(kind: EntityKind, id: string): void {
    const entry = this.#sql.get.get(kind, id);
    if (!entry) return;
    this.#shift(entry, -1);
    this.#sql.delete.run(kind, id);
  }

  /** `forget` for every row of `kind` whose id `ids` (a SELECT of ids) lists, a scope set at a time. */
  forgetAll(kind: EntityKind, ids: string): void {
    const groups = this.#db
      .prepare<[string], Entry & { rows: number }>(`SELECT scopes, count(*) AS rows, sum(hash) AS hash FROM _versions WHERE kind = ? AND id IN (${ids}) GROUP BY scopes`)
      .all(kind);
    for (const group of groups) this.#shift(group, -group.rows);
    this.#db.prepare(`DELETE FROM _versions WHERE kind = ? AND id IN (${ids})`).run(kind);
  }

  /** Every scope's sum, as recorded (a scope with no rows counts 0). */
  sums(scopes: readonly string[]): ScopeChecksum[] {
    this.flush();
    return scopes.map((scope) => ({ scope, count: 0, sum: 0, ...this.#sql.sum.get(scope) }));
  }

  /** Writes the gathered changes to the sums, in the caller's transaction. */
  flush(): void {
    for (const [scope, { count, sum }] of this.#pending) this.#sql.shift.run(scope, count, sum, count, sum);
    this.#pending.clear();
  }

  /** Drops gathered changes of a transaction that did not commit. */
  discard(): void {
    this.#pending.clear();
  }

  clear(): void {
    this.#pending.clear();
    this.#sql.clear.run();
    this.#sql.clearSums.run();
  }

  /** Adds `rows` rows of these scopes and hash total to the sums (a negative count takes them out). */
  #shift(entry: Entry | undefined, rows: number): void {
    if (entry) this.#add(JSON.parse(entry.scopes) as string[], rows, Math.sign(rows) * entry.hash);
  }

  #add(scopes: readonly string[], rows: number, delta: number): void {
    for (const scope of scopes) {
      const now = this.#pending.get(scope);
      if (now) {
        now.count += rows;
        now.sum = addToChecksum(now.sum, delta);
      } else {
        this.#pending.set(scope, { count: rows, sum: addToChecksum(0, delta) });
      }
    }
  }
}
