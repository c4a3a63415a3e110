import { z } from 'zod';
import { EntityKind, Id, IsoTime, Role } from '../../../shared/model/index.ts';
import { MutationRejected, mutators, type Mutator, type MutationContext } from '../../../shared/mutators/index.ts';
import type { PendingMutation } from '../../../shared/sync/protocol.ts';
import { log } from '../log.ts';
import type { EntityStore } from '../replica/entity-store.ts';
import type { Meta } from '../replica/meta.ts';
import type { Db } from '../replica/open-replica.ts';
import { withSavepoint } from '../replica/writer.ts';
import { ReplicaTx } from './replica-tx.ts';

/** Who ran a mutation and when: kept so that a replay runs it exactly as the agent did. */
export const StoredContext = z.object({ actorId: Id, role: Role, now: IsoTime });
export type StoredContext = z.infer<typeof StoredContext>;

interface OutboxRow {
  id: number;
  name: string;
  args: string;
  ctx: string;
  replay_error: string | null;
}

interface RejectedRow {
  id: number;
  name: string;
  args: string;
  ctx: string;
  error: string | null;
}

/** A mutation the server refused for good, as the outbox keeps it for the agent. */
export interface RejectedMutation {
  id: number;
  name: string;
  args: unknown;
  /** When the agent made it. */
  createdAt: string;
  reason: string;
}

interface UndoRow {
  kind: string;
  row_id: string;
  before: string | null;
}

/**
 * The agent's mutations in client order, with what undoes their optimistic effect, until the
 * server data holds them: pending (to send), acknowledged (accepted, not pulled yet), rejected
 * (refused for good, kept with the reason). Every method runs inside a ReplicaWriter transaction.
 */
export class Outbox {
  readonly #db: Db;
  readonly #store: EntityStore;
  readonly #meta: Meta;
  readonly #sql;

  constructor(db: Db, store: EntityStore, meta: Meta) {
    this.#db = db;
    this.#store = store;
    this.#meta = meta;
    this.#sql = {
      insert: db.prepare<[number, string, string, string]>(`INSERT INTO _outbox (id, name, args, ctx, state) VALUES (?, ?, ?, ?, 'pending')`),
      insertUndo: db.prepare<[number, number, string, string, string | null]>(
        'INSERT INTO _outbox_undo (mutation_id, step, kind, row_id, before) VALUES (?, ?, ?, ?, ?)',
      ),
      undoRows: db.prepare<[], UndoRow>('SELECT kind, row_id, before FROM _outbox_undo ORDER BY mutation_id DESC, step DESC'),
      clearUndo: db.prepare('DELETE FROM _outbox_undo'),
      pending: db.prepare<[number], OutboxRow>(`SELECT id, name, args, ctx, replay_error FROM _outbox WHERE state = 'pending' ORDER BY id LIMIT ?`),
      unpulled: db.prepare<[], OutboxRow>(`SELECT id, name, args, ctx, replay_error FROM _outbox WHERE state IN ('pending', 'acknowledged') ORDER BY id`),
      counts: db.prepare<[], { pending: number; rejected: number }>(
        `SELECT count(*) FILTER (WHERE state = 'pending') AS pending, count(*) FILTER (WHERE state = 'rejected') AS rejected FROM _outbox`,
      ),
      dropPulled: db.prepare<[number]>(`DELETE FROM _outbox WHERE state IN ('pending', 'acknowledged') AND id <= ?`),
      acknowledge: db.prepare<[number]>(`UPDATE _outbox SET state = 'acknowledged' WHERE id = ? AND state = 'pending'`),
      reject: db.prepare<[string, number]>(`UPDATE _outbox SET state = 'rejected', error = ? WHERE id = ?`),
      setReplayError: db.prepare<[string | null, number]>('UPDATE _outbox SET replay_error = ? WHERE id = ?'),
      reopenFrom: db.prepare<[number]>(`UPDATE _outbox SET state = 'pending', error = NULL WHERE id >= ?`),
      rejected: db.prepare<[], RejectedRow>(`SELECT id, name, args, ctx, error FROM _outbox WHERE state = 'rejected' ORDER BY id`),
      rejectedOne: db.prepare<[number], RejectedRow>(`SELECT id, name, args, ctx, error FROM _outbox WHERE state = 'rejected' AND id = ?`),
      deleteRejected: db.prepare<[number]>(`DELETE FROM _outbox WHERE state = 'rejected' AND id = ?`),
      has: db.prepare<[number], number>('SELECT EXISTS (SELECT 1 FROM _outbox WHERE id = ?)').pluck(),
      isEmpty: db.prepare<[], number>('SELECT NOT EXISTS (SELECT 1 FROM _outbox)').pluck(),
    };
  }

  /**
   * Runs a mutator optimistically on the replica and appends it to the outbox. Ids are 1, 2, 3...
   * with no gaps: the counter lives in the same transaction, so a refused mutation takes no id.
   */
  async record<A>(mutator: Mutator, args: A, ctx: StoredContext): Promise<Set<EntityKind>> {
    const id = Number(this.#meta.get('last_mutation_id') ?? 0) + 1;
    const touched = await this.#run(id, mutator, args, ctx);
    this.#sql.insert.run(id, mutator.name, JSON.stringify(args), JSON.stringify(ctx));
    this.#meta.set('last_mutation_id', String(id));
    return touched;
  }

  /** Restores every before-image, newest mutation first: the replica as the server last sent it. */
  undoAll(): Set<EntityKind> {
    const kinds = new Set<EntityKind>();
    for (const { kind, row_id, before } of this.#sql.undoRows.all()) {
      const k = EntityKind.parse(kind);
      if (before === null) this.#store.delete(k, row_id);
      else this.#store.put(k, JSON.parse(before));
      kinds.add(k);
    }
    this.#sql.clearUndo.run();
    return kinds;
  }

  /**
   * Mutations up to `lastMutationId` are in the server data just applied: they leave. Rejected
   * ones stay, with their reason, until the agent deals with them.
   */
  dropPulled(lastMutationId: number): void {
    this.#sql.dropPulled.run(lastMutationId);
  }

  /**
   * Re-runs the mutations whose effect the server data does not hold yet, capturing new undo data.
   * One that fails stays queued (the server has the last word) and is marked; it never stops the others.
   */
  async replay(): Promise<Set<EntityKind>> {
    const kinds = new Set<EntityKind>();
    for (const row of this.#sql.unpulled.all()) {
      try {
        const mutator = mutators.get(row.name);
        if (!mutator) throw new Error(`This version of Orbit does not know the change ${row.name}.`);
        const ctx = StoredContext.parse(JSON.parse(row.ctx));
        const touched = await withSavepoint(this.#db, () => this.#run(row.id, mutator, mutator.args.parse(JSON.parse(row.args)), ctx));
        touched.forEach((k) => kinds.add(k));
        this.#sql.setReplayError.run(null, row.id);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        // Logged once per new reason: the same failure comes back on every pull until the server decides.
        if (!(err instanceof MutationRejected) && message !== row.replay_error) log.warn(`replay of mutation ${row.id} (${row.name}) failed`, err);
        this.#sql.setReplayError.run(message, row.id);
      }
    }
    return kinds;
  }

  /** The next mutations to push, in order. */
  pending(limit: number): PendingMutation[] {
    return this.#sql.pending.all(limit).map((r) => ({
      id: r.id,
      name: r.name,
      args: JSON.parse(r.args),
      createdAt: StoredContext.parse(JSON.parse(r.ctx)).now,
    }));
  }

  /** The server has it (applied now or before); it stays until a pull brings its effect. */
  acknowledge(id: number): void {
    this.#sql.acknowledge.run(id);
  }

  reject(id: number, reason: string): void {
    this.#sql.reject.run(reason, id);
  }

  /** Mutations the server refused for good, oldest first: the agent's sync issues. */
  rejected(): RejectedMutation[] {
    return this.#sql.rejected.all().map(toRejected);
  }

  findRejected(id: number): RejectedMutation | undefined {
    const row = this.#sql.rejectedOne.get(id);
    return row && toRejected(row);
  }

  /**
   * Takes a refused mutation out of the outbox, because the agent retried or discarded it. Without a
   * pull since the refusal its optimistic effect is still on the replica, so everything is undone and
   * the rest replayed: a rebase without server changes. Returns the kinds that changed, or undefined
   * when `id` is not a refused mutation.
   */
  async resolveRejected(id: number): Promise<Set<EntityKind> | undefined> {
    if (!this.#sql.rejectedOne.get(id)) return undefined;
    const kinds = this.undoAll();
    this.#sql.deleteRejected.run(id);
    (await this.replay()).forEach((k) => kinds.add(k));
    return kinds;
  }

  /**
   * The server lost track of mutations from `id` on (it asks for them again): queue them all again.
   * False when that mutation is no longer here, so the gap cannot be filled.
   */
  reopenFrom(id: number): boolean {
    if (this.#sql.has.get(id) !== 1) return false;
    this.#sql.reopenFrom.run(id);
    return true;
  }

  counts(): { pending: number; rejected: number } {
    return this.#sql.counts.get() ?? { pending: 0, rejected: 0 };
  }

  isEmpty(): boolean {
    return this.#sql.isEmpty.get() === 1;
  }

  async #run(id: number, mutator: Mutator, args: unknown, ctx: StoredContext): Promise<Set<EntityKind>> {
    let step = 0;
    const context: MutationContext = { ...ctx, side: 'client' };
    const tx = new ReplicaTx(this.#store, context, (kind, rowId, before) => this.#sql.insertUndo.run(id, step++, kind, rowId, before));
    await mutator.run(tx, args);
    return tx.touched;
  }
}

function toRejected(row: RejectedRow): RejectedMutation {
  return {
    id: row.id,
    name: row.name,
    args: JSON.parse(row.args),
    createdAt: StoredContext.parse(JSON.parse(row.ctx)).now,
    reason: row.error ?? 'The server refused this change.',
  };
}

