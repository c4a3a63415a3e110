import { Outbox } from '../outbox/outbox.ts';
import { ServerRows } from '../sync/server-rows.ts';
import { suspendSearchIndex } from '../search/search-index.ts';
import { EntityStore, entityKinds } from './entity-store.ts';
import { countAllTickets, suspendQueueCounts } from './queue-counts.ts';
import { Meta } from './meta.ts';
import { openReplica, type Db } from './open-replica.ts';
import { ReplicaWriter } from './writer.ts';

/** The local replica and the objects that read and write it, over one connection. */
export class Replica {
  readonly db: Db;
  readonly store: EntityStore;
  readonly meta: Meta;
  readonly outbox: Outbox;
  readonly writer: ReplicaWriter;
  readonly serverRows: ServerRows;

  private constructor(db: Db) {
    this.db = db;
    this.store = new EntityStore(db);
    this.meta = new Meta(db);
    this.outbox = new Outbox(db, this.store, this.meta);
    this.writer = new ReplicaWriter(db);
    this.serverRows = new ServerRows(db, this.store);
  }

  static async open(dbFile: string): Promise<Replica> {
    return new Replica(await openReplica(dbFile));
  }

  /**
   * Forgets all replicated data and sync state, for a replica that will serve another agent or
   * server. Only called with an empty outbox: nothing an agent wrote may be lost.
   */
  wipe(): Promise<void> {
    return this.writer.transaction(() => {
      if (!this.outbox.isEmpty()) throw new Error('Refusing to wipe a replica whose outbox still holds changes.');
      suspendSearchIndex(this.db);
      suspendQueueCounts(this.db);
      for (const kind of entityKinds) this.store.clear(kind);
      // No tickets left: the kept counts are right again at once.
      countAllTickets(this.db);
      this.serverRows.forgetAll();
      // Drafts belong to the agent who wrote them.
      this.db.exec('DELETE FROM _drafts');
      this.db.exec('DELETE FROM _notifications');
      for (const key of ['client_id', 'cursor', 'bootstrap', 'last_mutation_id', 'last_synced_at', 'scopes', 'scope_sync'] as const) this.meta.delete(key);
    });
  }

  /** Waits for queued writes, then closes the file. */
  async close(): Promise<void> {
    await this.writer.idle();
    this.db.close();
  }
}
