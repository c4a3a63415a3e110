import type Sqlite from 'better-sqlite3';
import { EntityKind, type EntityOf } from '../../../shared/model/index.ts';
import { entityTables } from './entity-tables.ts';
import type { Db } from './open-replica.ts';

interface KindStatements {
  get: Sqlite.Statement<[string], string>;
  put: Sqlite.Statement<unknown[]>;
  del: Sqlite.Statement<[string]>;
  clear: Sqlite.Statement<[]>;
  /** The typed columns' derivations, in the order of `put`'s parameters. */
  columns: readonly ((row: never) => unknown)[];
}

/**
 * Reads and writes whole entity rows of the replica. Rows must already be valid
 * (entitySchemas): callers validate what comes from the network or from a mutator.
 */
export class EntityStore {
  readonly #db: Db;
  readonly #statements = new Map<EntityKind, KindStatements>();
  #thread: Sqlite.Statement<[string], string> | undefined;
  #incidents: Sqlite.Statement<[string], string> | undefined;

  constructor(db: Db) {
    this.#db = db;
  }

  get<K extends EntityKind>(kind: K, id: string): EntityOf<K> | undefined {
    const json = this.getJson(kind, id);
    return json === undefined ? undefined : (JSON.parse(json) as EntityOf<K>);
  }

  /** The stored JSON as is: what an undo record keeps. */
  getJson(kind: EntityKind, id: string): string | undefined {
    return this.#for(kind).get.get(id);
  }

  put<K extends EntityKind>(kind: K, row: EntityOf<K>): void {
    const { put, columns } = this.#for(kind);
    const values: unknown[] = [row.id];
    for (const column of columns) values.push((column as (r: EntityOf<K>) => unknown)(row));
    values.push(JSON.stringify(row));
    put.run(values);
  }

  /** A ticket's messages, oldest first. */
  thread(ticketId: string): EntityOf<'message'>[] {
    this.#thread ??= this.#db.prepare<[string], string>('SELECT data FROM messages WHERE ticket_id = ? ORDER BY created_at, id').pluck();
    return this.#thread.all(ticketId).map((json) => JSON.parse(json) as EntityOf<'message'>);
  }

  /** The tickets linked as incidents of a problem. */
  incidents(problemId: string): EntityOf<'ticket'>[] {
    this.#incidents ??= this.#db.prepare<[string], string>(`SELECT data FROM tickets WHERE problem_id = ?`).pluck();
    return this.#incidents.all(problemId).map((json) => JSON.parse(json) as EntityOf<'ticket'>);
  }

  delete(kind: EntityKind, id: string): void {
    this.#for(kind).del.run(id);
  }

  clear(kind: EntityKind): void {
    this.#for(kind).clear.run();
  }

  #for(kind: EntityKind): KindStatements {
    let s = this.#statements.get(kind);
    if (!s) {
      const { table, columns } = entityTables[kind];
      const names = ['id', ...Object.keys(columns), 'data'];
      const updates = names.slice(1).map((n) => `${n} = excluded.${n}`);
      s = {
        get: this.#db.prepare<[string], string>(`SELECT data FROM ${table} WHERE id = ?`).pluck(),
        put: this.#db.prepare(
          `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
        ),
        del: this.#db.prepare(`DELETE FROM ${table} WHERE id = ?`),
        clear: this.#db.prepare(`DELETE FROM ${table}`),
        columns: Object.values(columns),
      };
      this.#statements.set(kind, s);
    }
    return s;
  }
}

export const entityKinds: readonly EntityKind[] = EntityKind.options;
