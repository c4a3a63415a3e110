import SQLite from 'better-sqlite3';
import type { EntityKind, EntityOf } from '../../shared/model/index.ts';
import { fromRow } from '../../server/store/rows.ts';
import { entityTables } from '../../server/store/schema.ts';

/** Every row of a kind in a server's SQLite store, as the sync API would send it, read without loading them all at once. */
export function* serverRows<K extends EntityKind>(serverDb: string, kind: K): Generator<EntityOf<K>> {
  const db = new SQLite(serverDb, { readonly: true });
  try {
    for (const row of db.prepare(`SELECT * FROM ${entityTables[kind]}`).iterate() as Iterable<Record<string, unknown>>) yield fromRow(kind, row);
  } finally {
    db.close();
  }
}
