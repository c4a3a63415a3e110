import { EntityKind, entitySchemas, type EntityOf } from '../../../shared/model/index.ts';
import type { Change } from '../../../shared/sync/protocol.ts';
import { scopesOfRow, ticketScopes } from '../../../shared/sync/scopes.ts';
import { log } from '../log.ts';
import type { EntityStore } from '../replica/entity-store.ts';
import { entityTables } from '../replica/entity-tables.ts';
import type { Db } from '../replica/open-replica.ts';
import { RowVersions } from './row-versions.ts';
import type { IdQuery } from './scope-rows.ts';

/**
 * Checks a row from the server against its schema. A bad row is logged and skipped: one
 * malformed row must never stop a sync (the rest of the page is still good).
 */
export function validServerRow<K extends EntityKind>(kind: K, data: unknown): EntityOf<K> | undefined {
  const parsed = entitySchemas[kind].safeParse(data);
  if (parsed.success) return parsed.data as EntityOf<K>;
  const issue = parsed.error.issues[0];
  const id = typeof data === 'object' && data !== null && 'id' in data ? String(data.id) : '?';
  log.warn(`skipped an invalid ${kind} row from the server (id ${id}): ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  return undefined;
}

/** See ServerRows.observer. */
export type ServerChangeObserver = (kind: EntityKind, row: EntityOf<EntityKind>, seq: number) => void;

/** Kinds in the order rows are removed: a thread before its ticket, since messages are found through their tickets. */
const REMOVAL_ORDER = [...EntityKind.options].reverse();

/**
 * Writes what the server says into the replica: rows with their versions, and removals. A row
 * the server takes away (deleted, evicted, scope lost) that a pending mutation still needs — it
 * wrote the row, or the row is the thread of a ticket it wrote — stays, listed in `_retained`,
 * until no pending mutation needs it. Runs inside ReplicaWriter transactions.
 */
export class ServerRows {
  readonly versions: RowVersions;
  readonly #db: Db;
  readonly #store: EntityStore;
  readonly #sql;
  /** The scopes of the ticket whose messages were written last: a thread comes in one run. */
  #lastTicket: { id: string; scopes: string[] } | undefined;
  #batchDepth = 0;
  /** False only when known empty, so that a bulk load skips two deletes per row; set again by anything that adds to them. */
  #mayRetain = true;
  #mayBeUnconfirmed = true;
  /**
   * Sees each row a change-log entry (pull page, realtime delta; never a snapshot or scope download)
   * is about to write, while the replica still holds the previous server row. Notifications use it.
   */
  observer: ServerChangeObserver | null = null;

  constructor(db: Db, store: EntityStore) {
    this.#db = db;
    this.#store = store;
    this.versions = new RowVersions(db);
    db.exec(`
      CREATE TEMP TABLE IF NOT EXISTS _needed (kind TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
      CREATE TEMP TABLE IF NOT EXISTS _doomed (id TEXT PRIMARY KEY) WITHOUT ROWID;
    `);
    // Rows a pending mutation wrote, and the threads of tickets it wrote. CROSS JOIN keeps the (short)
    // undo log the outer loop: during a bulk load messages have no index on their ticket.
    const neededNow = `SELECT kind, row_id FROM _outbox_undo UNION SELECT 'message', m.id FROM _outbox_undo u CROSS JOIN messages m ON m.ticket_id = u.row_id WHERE u.kind = 'ticket'`;
    this.#sql = {
      clearNeeded: db.prepare('DELETE FROM _needed'),
      captureNeeded: db.prepare(`INSERT OR IGNORE INTO _needed (kind, id) ${neededNow}`),
      anyPending: db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM _outbox_undo)').pluck(),
      anyRetained: db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM _retained)').pluck(),
      isNeeded: db.prepare<[string, string], number>('SELECT EXISTS (SELECT 1 FROM _needed WHERE kind = ? AND id = ?)').pluck(),
      ticketTeam: db.prepare<[string], { team_id: string | null; assignee_id: string | null }>('SELECT team_id, assignee_id FROM tickets WHERE id = ?'),
      retain: db.prepare<[string, string]>('INSERT OR IGNORE INTO _retained (kind, id) VALUES (?, ?)'),
      unretain: db.prepare<[string, string]>('DELETE FROM _retained WHERE kind = ? AND id = ?'),
      confirm: db.prepare<[string, string]>('DELETE FROM _unconfirmed WHERE kind = ? AND id = ?'),
      anyUnconfirmed: db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM _unconfirmed)').pluck(),
      clearUnconfirmed: db.prepare('DELETE FROM _unconfirmed'),
      clearDoomed: db.prepare('DELETE FROM _doomed'),
      forgetRetained: db.prepare(`DELETE FROM _retained`),
      retainDoomed: db.prepare<[string, string]>('INSERT OR IGNORE INTO _retained (kind, id) SELECT ?, d.id FROM _doomed d JOIN _needed n ON n.kind = ? AND n.id = d.id'),
      confirmDoomed: db.prepare<[string]>('DELETE FROM _unconfirmed WHERE kind = ? AND id IN (SELECT id FROM _doomed)'),
      releasable: db.prepare<[], { kind: string; id: string }>(
        `SELECT kind, id FROM _retained WHERE (kind, id) NOT IN (SELECT kind, row_id FROM (${neededNow}))`,
      ),
    };
  }

  /** Call before pending mutations are undone: remembers which rows they need. */
  captureNeeded(): void {
    this.#sql.clearNeeded.run();
    if (this.#sql.anyPending.get() === 1) this.#sql.captureNeeded.run();
    this.#mayRetain = this.#sql.anyRetained.get() === 1;
    this.#mayBeUnconfirmed = this.#sql.anyUnconfirmed.get() === 1;
  }

  /**
   * Runs several writes with the scope sums written once, at the end (every public write is a
   * batch of its own, and batches nest). A failing batch drops its sums: its transaction rolls back.
   */
  batch<T>(work: () => T): T {
    this.#batchDepth++;
    try {
      const result = work();
      if (this.#batchDepth === 1) this.versions.flush();
      return result;
    } catch (err) {
      this.versions.discard();
      throw err;
    } finally {
      this.#batchDepth--;
    }
  }

  /** A row as the server has it, at `version`. */
  put<K extends EntityKind>(kind: K, row: EntityOf<K>, version: number): void {
    this.batch(() => this.#put(kind, row, version));
  }

  /** A snapshot page: each valid row as `put` writes it, in one batch; returns how many rows were valid. */
  putPage(kind: EntityKind, data: readonly unknown[], versions: readonly number[]): number {
    return this.batch(() => {
      let written = 0;
      for (let i = 0; i < data.length; i++) {
        const row = validServerRow(kind, data[i]);
        if (!row) continue;
        this.#put(kind, row, versions[i] ?? 0);
        written++;
      }
      return written;
    });
  }

  #put<K extends EntityKind>(kind: K, row: EntityOf<K>, version: number): void {
    this.#store.put(kind, row);
    this.versions.record(kind, row.id, version, this.#scopesOf(kind, row));
    if (this.#mayRetain) this.#sql.unretain.run(kind, row.id);
    if (this.#mayBeUnconfirmed) this.#sql.confirm.run(kind, row.id);
  }

  /** The server no longer gives us this row: removed, or retained while a pending mutation needs it. */
  remove(kind: EntityKind, id: string): void {
    this.batch(() => {
      this.versions.forget(kind, id);
      if (kind === 'ticket') this.#lastTicket = undefined;
      this.#sql.confirm.run(kind, id);
      if (this.#sql.isNeeded.get(kind, id) === 1) {
        this.#sql.retain.run(kind, id);
        this.#mayRetain = true;
      } else {
        this.#store.delete(kind, id);
      }
    });
  }

  /** `remove` for every row `ids` selects, per kind, as set operations; returns the kinds that had any. */
  removeAll(ids: (kind: EntityKind) => IdQuery | null): Set<EntityKind> {
    return this.batch(() => this.#removeAll(ids));
  }

  #removeAll(ids: (kind: EntityKind) => IdQuery | null): Set<EntityKind> {
    const kinds = new Set<EntityKind>();
    for (const kind of REMOVAL_ORDER) {
      const query = ids(kind);
      if (!query) continue;
      // Fixed first: the removals below would change what a query over the replica selects.
      this.#sql.clearDoomed.run();
      const found = this.#db.prepare(`INSERT OR IGNORE INTO _doomed (id) ${query.sql}`).run(...query.params).changes;
      if (found === 0) continue;
      if (this.#sql.retainDoomed.run(kind, kind).changes > 0) this.#mayRetain = true;
      this.versions.forgetAll(kind, 'SELECT id FROM _doomed');
      this.#sql.confirmDoomed.run(kind);
      this.#db.prepare(`DELETE FROM ${entityTables[kind].table} WHERE id IN (SELECT id FROM _doomed) AND id NOT IN (SELECT id FROM _needed WHERE kind = ?)`).run(kind);
      kinds.add(kind);
    }
    this.#lastTicket = undefined;
    return kinds;
  }

  /** Marks rows that a download about to start must confirm; `sweepUnconfirmed` removes those it did not bring. */
  markUnconfirmed(ids: (kind: EntityKind) => IdQuery | null): void {
    this.#mayBeUnconfirmed = true;
    for (const kind of EntityKind.options) {
      const query = ids(kind);
      if (query) this.#db.prepare(`INSERT OR IGNORE INTO _unconfirmed (kind, id) SELECT ?, id FROM (${query.sql})`).run(kind, ...query.params);
    }
  }

  /** Removes the rows a finished download did not confirm (the server no longer has them for us). */
  sweepUnconfirmed(): Set<EntityKind> {
    if (this.#sql.anyUnconfirmed.get() !== 1) return new Set();
    const kinds = this.removeAll((kind) => ({ sql: 'SELECT id FROM _unconfirmed WHERE kind = ?', params: [kind] }));
    this.#sql.clearUnconfirmed.run();
    return kinds;
  }

  /** After pending mutations were replayed: retained rows none of them needs any more go. */
  releaseRetained(): Set<EntityKind> {
    const kinds = new Set<EntityKind>();
    if (this.#sql.anyRetained.get() !== 1) return kinds;
    for (const { kind, id } of this.#sql.releasable.all()) {
      const k = EntityKind.parse(kind);
      this.#store.delete(k, id);
      this.#sql.unretain.run(k, id);
      kinds.add(k);
    }
    return kinds;
  }

  /** Forgets the versions and marks of every row, for a replica that is being emptied. */
  forgetAll(): void {
    this.#lastTicket = undefined;
    this.versions.clear();
    this.#sql.forgetRetained.run();
    this.#sql.clearUnconfirmed.run();
  }

  /** The scopes a server row is in: a message's are its ticket's, as the replica has it (the server sends a ticket before its thread). */
  #scopesOf(kind: EntityKind, row: object): string[] {
    if (kind === 'ticket') this.#lastTicket = undefined;
    if (kind !== 'message') return scopesOfRow(kind, row);
    const { ticketId } = row as EntityOf<'message'>;
    if (this.#lastTicket?.id !== ticketId) {
      const ticket = this.#sql.ticketTeam.get(ticketId);
      this.#lastTicket = { id: ticketId, scopes: ticket ? ticketScopes({ teamId: ticket.team_id, assigneeId: ticket.assignee_id }) : [] };
    }
    return this.#lastTicket.scopes;
  }

  /** Forgets every row of a kind (a fresh download follows), keeping those pending mutations need. */
  removeKind(kind: EntityKind): void {
    this.removeAll((k) => (k === kind ? { sql: `SELECT id FROM ${entityTables[kind].table}`, params: [] } : null));
  }
}

/** Writes one snapshot page; returns how many rows were valid. */
export function applySnapshotRows(rows: ServerRows, kind: EntityKind, data: readonly unknown[], versions: readonly number[]): number {
  return rows.putPage(kind, data, versions);
}

/** Applies change-log entries in order; returns the kinds whose rows changed. */
export function applyChanges(rows: ServerRows, changes: readonly Change[]): Set<EntityKind> {
  return rows.batch(() => applyEach(rows, changes));
}

function applyEach(rows: ServerRows, changes: readonly Change[]): Set<EntityKind> {
  const kinds = new Set<EntityKind>();
  for (const change of changes) {
    if (change.op === 'del') {
      rows.remove(change.kind, change.id);
      kinds.add(change.kind);
      continue;
    }
    const row = validServerRow(change.kind, change.data);
    if (!row) continue;
    if (row.id !== change.id) {
      log.warn(`skipped a ${change.kind} change whose row id ${row.id} differs from its entity id ${change.id}`);
      continue;
    }
    rows.observer?.(change.kind, row, change.seq);
    rows.put(change.kind, row, change.seq);
    kinds.add(change.kind);
  }
  return kinds;
}
