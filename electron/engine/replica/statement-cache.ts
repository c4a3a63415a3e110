import type Sqlite from 'better-sqlite3';
import type { Db } from './open-replica.ts';

/** Prepares each distinct SQL text once: queries built at run time (queues per team count) repeat a lot. */
export class StatementCache {
  readonly #db: Db;
  readonly #statements = new Map<string, Sqlite.Statement>();

  constructor(db: Db) {
    this.#db = db;
  }

  get(sql: string): Sqlite.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  all<R>(query: { sql: string; params: readonly unknown[] }): R[] {
    return this.get(query.sql).all(...query.params) as R[];
  }

  get1<R>(query: { sql: string; params: readonly unknown[] }): R | undefined {
    return this.get(query.sql).get(...query.params) as R | undefined;
  }
}
