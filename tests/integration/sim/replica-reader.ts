import Database from 'better-sqlite3';
import { entityTables } from '../../../electron/engine/replica/entity-tables.ts';
import type { MetaKey } from '../../../electron/engine/replica/meta.ts';
import { EntityKind, type EntityOf } from '../../../shared/model/index.ts';

export interface OutboxEntry {
  id: number;
  name: string;
  args: unknown;
  state: 'pending' | 'acknowledged' | 'rejected';
  error: string | null;
}

type StoredEntry = Omit<OutboxEntry, 'args'> & { args: string };
const OUTBOX = 'SELECT id, name, args, state, error FROM _outbox';
const parsed = (row: StoredEntry): OutboxEntry => ({ ...row, args: JSON.parse(row.args) as unknown });

/** One consistent look at a replica: its rows (as stored, unvalidated), outbox, and the rows pending mutations changed locally. */
export interface ReplicaView {
  rows: { [K in EntityKind]: EntityOf<K>[] };
  outbox: OutboxEntry[];
  /** `kind:id` of rows that carry an optimistic local change (they have undo data). */
  locallyChanged: Set<string>;
  lastMutationId: number;
  clientId: string | undefined;
  /** The pull cursor as stored (JSON), undefined before the first complete download. */
  cursor: string | undefined;
}

/**
 * Reads a replica file beside the engine that owns it (a second, read-only connection: WAL lets
 * it read while the engine writes, and it survives the engine crashing or closing).
 */
export class ReplicaReader {
  readonly #db: Database.Database;

  constructor(dbFile: string) {
    this.#db = new Database(dbFile, { readonly: true, fileMustExist: true });
  }

  /** Everything at one point in time (one read transaction). */
  view(): ReplicaView {
    return this.#db.transaction(() => ({
      rows: Object.fromEntries(EntityKind.options.map((kind) => [kind, this.#rows(kind)])) as ReplicaView['rows'],
      outbox: this.#db.prepare<[], StoredEntry>(`${OUTBOX} ORDER BY id`).all().map(parsed),
      locallyChanged: new Set(
        this.#db
          .prepare<[], string>(`SELECT DISTINCT kind || ':' || row_id FROM _outbox_undo`)
          .pluck()
          .all(),
      ),
      lastMutationId: Number(this.meta('last_mutation_id') ?? 0),
      clientId: this.meta('client_id'),
      cursor: this.meta('cursor'),
    }))();
  }

  outboxEntry(id: number): OutboxEntry | undefined {
    const row = this.#db.prepare<[number], StoredEntry>(`${OUTBOX} WHERE id = ?`).get(id);
    return row && parsed(row);
  }

  meta(key: MetaKey): string | undefined {
    return this.#db.prepare<[MetaKey], string>('SELECT value FROM _meta WHERE key = ?').pluck().get(key);
  }

  close(): void {
    this.#db.close();
  }

  #rows<K extends EntityKind>(kind: K): EntityOf<K>[] {
    const table = entityTables[kind].table;
    return this.#db
      .prepare<[], string>(`SELECT data FROM ${table} ORDER BY id`)
      .pluck()
      .all()
      .map((data) => JSON.parse(data) as EntityOf<K>);
  }
}
