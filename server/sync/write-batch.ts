import type { Transaction } from 'kysely';
import type { EntityKind } from '../../shared/model/index.ts';
import { insertChanges, type ChangeSource, type LoggedChange } from '../store/change-log.ts';
import { getRow, versioned, type Versioned } from '../store/row-versions.ts';
import type { Database } from '../store/schema.ts';
import { lockForWriting, takeNumbers } from '../store/workspace.ts';
import { ChecksumDeltas } from './checksums.ts';

/** One row written (or deleted) in the entity tables, as the change log and the checksums need to hear of it. */
export interface RowChange {
  kind: EntityKind;
  id: string;
  /** The whole row after the change; null for a delete. */
  data: object | null;
  /** The row's scopes and version before the change; undefined for a new row. */
  before: { scopes: readonly string[]; version: number } | undefined;
  /** The row's scopes after the change (none for a delete). */
  scopes: readonly string[];
}

/** A checksum move waiting for the end of the batch: a row version entering (+1) or leaving (-1) scopes. */
interface ChecksumMove {
  sign: 1 | -1;
  scopes: readonly string[];
  kind: EntityKind;
  id: string;
  version: number;
}

/** Where a batch stood, to go back to when a mutation's savepoint is rolled back. */
export interface BatchMark {
  last: number;
  changes: number;
  moves: number;
}

/**
 * The writes of one writer's transaction (a push batch, a server write) that only matter at its
 * commit, gathered in memory and written once at the end (`finish`): the change log and its scopes
 * (multi-row inserts), the checksum deltas (one upsert a scope), the workspace's seq counter (one
 * update). Seqs are handed out here in the order changes are recorded, from the counter read under
 * the write lock, so they are the numbers the per-change counter would have given. Entity rows
 * are still written at once (a mutation reads its own writes); rows read are kept for the batch.
 */
export class WriteBatch {
  readonly #trx: Transaction<Database>;
  readonly #first: number;
  #last: number;
  readonly #changes: LoggedChange[] = [];
  readonly #moves: ChecksumMove[] = [];
  /** Rows as read from the store during the batch, by kind and id; dropped when written. */
  readonly #rows = new Map<string, Record<string, unknown>>();

  private constructor(trx: Transaction<Database>, last: number) {
    this.#trx = trx;
    this.#first = last;
    this.#last = last;
  }

  /** Takes the write lock (call it before the transaction's first read) and starts a batch. */
  static async begin(trx: Transaction<Database>): Promise<WriteBatch> {
    return new WriteBatch(trx, await lockForWriting(trx));
  }

  /** The seq of the last change recorded (the one before the batch when none was). */
  get lastSeq(): number {
    return this.#last;
  }

  /** A stored row and its version, read once a batch unless written meanwhile. */
  async get<K extends EntityKind>(kind: K, id: string): Promise<Versioned<K> | undefined> {
    const key = `${kind}:${id}`;
    let row = this.#rows.get(key);
    if (!row) {
      row = await getRow(this.#trx, kind, id);
      if (row) this.#rows.set(key, row);
    }
    // A fresh entity each time: a caller may change what it got.
    return row && versioned(kind, row);
  }

  /** The stored row changed: read it again next time. */
  forget(kind: EntityKind, id: string): void {
    this.#rows.delete(`${kind}:${id}`);
  }

  /**
   * Logs a row change (with the scopes it entered and left) and moves the checksums of the scopes
   * involved, at the end of the batch. Returns the change's seq (the row's new version, for the
   * caller to stamp) and every scope whose readers must hear of it.
   */
  record(change: RowChange, source: ChangeSource | null): { seq: number; scopes: string[] } {
    const { kind, id, data, before, scopes } = change;
    const left = (before?.scopes ?? []).filter((s) => !scopes.includes(s));
    const seq = ++this.#last;
    this.#changes.push({ seq, kind, id, op: data === null ? 'del' : 'put', data, scopes, left, source, createdAt: new Date().toISOString() });
    if (before) this.#moves.push({ sign: -1, scopes: before.scopes, kind, id, version: before.version });
    if (data !== null) this.#moves.push({ sign: 1, scopes, kind, id, version: seq });
    this.forget(kind, id);
    return { seq, scopes: [...scopes, ...left] };
  }

  mark(): BatchMark {
    return { last: this.#last, changes: this.#changes.length, moves: this.#moves.length };
  }

  /** Forgets what was recorded since `mark`, as its savepoint was rolled back; rows read since may be gone too. */
  rollback(mark: BatchMark): void {
    this.#last = mark.last;
    this.#changes.length = mark.changes;
    this.#moves.length = mark.moves;
    this.#rows.clear();
  }

  /** Writes what was gathered, in the batch's transaction, before it commits. */
  async finish(): Promise<void> {
    const count = this.#last - this.#first;
    if (count === 0) return;
    const first = await takeNumbers(this.#trx, 'last_seq', count);
    if (first !== this.#first + 1) throw new Error(`The seq counter moved under the write lock (${first - 1}, not ${this.#first}).`);
    await insertChanges(this.#trx, this.#changes);
    const deltas = new ChecksumDeltas();
    for (const m of this.#moves) (m.sign === 1 ? deltas.add : deltas.remove).call(deltas, m.scopes, m.kind, m.id, m.version);
    await deltas.store(this.#trx);
  }
}
