import { SerialQueue } from '../serial-queue.ts';
import { DURABLE_SYNCHRONOUS, type Db } from './open-replica.ts';

/** SQLite's default: the WAL is copied into the database (and both synced) once it holds this many pages. */
const CHECKPOINT_PAGES = 1000;
/**
 * For writes that can be redone: a snapshot page is several megabytes, so with the default every
 * page's commit would checkpoint (two fsyncs); here one checkpoint per 64 MB (4 KiB pages).
 */
const BULK_CHECKPOINT_PAGES = 16_384;

/**
 * The engine is the replica's only writer, and every write goes through here: one at a time, in
 * order, each in its own SQLite transaction. Mutators are async while better-sqlite3 is not, so the
 * transaction is opened and closed by hand around the awaited task. A task must not await real I/O
 * while its transaction is open (only mutator microtasks): queries on the same connection would
 * otherwise see uncommitted rows.
 */
export class ReplicaWriter {
  readonly #db: Db;
  readonly #queue = new SerialQueue();

  constructor(db: Db) {
    this.#db = db;
  }

  /**
   * Runs `task` in a transaction of its own, after every write queued before it. `durable: false`
   * is for work that can be redone (snapshot pages, index builds): its commit is not synced to disk
   * (WAL, synchronous NORMAL) and checkpoints less often, so a power cut may lose it, never corrupt
   * it, and the next durable commit (every write of the agent's) syncs it along with its own.
   */
  transaction<T>(task: () => T | Promise<T>, opts: { durable?: boolean } = {}): Promise<T> {
    return this.#queue.run(() => this.#inTransaction(task, opts.durable ?? true));
  }

  /** Resolves once every write queued so far has finished. */
  idle(): Promise<void> {
    return this.#queue.idle();
  }

  async #inTransaction<T>(task: () => T | Promise<T>, durable: boolean): Promise<T> {
    if (!durable) {
      this.#db.pragma('synchronous = NORMAL');
      this.#db.pragma(`wal_autocheckpoint = ${BULK_CHECKPOINT_PAGES}`);
    }
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        const result = await task();
        this.#db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
        throw err;
      }
    } finally {
      if (!durable) {
        this.#db.pragma(`synchronous = ${DURABLE_SYNCHRONOUS}`);
        this.#db.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
      }
    }
  }
}

/** Runs `task` inside the current transaction so that its failure undoes only its own writes. */
export async function withSavepoint<T>(db: Db, task: () => Promise<T>): Promise<T> {
  db.exec('SAVEPOINT step');
  try {
    const result = await task();
    db.exec('RELEASE step');
    return result;
  } catch (err) {
    db.exec('ROLLBACK TO step');
    db.exec('RELEASE step');
    throw err;
  }
}
