import { closeSync, openSync, writeSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { EntityKind } from '../../shared/model/index.ts';
import { fromRow } from '../../server/store/rows.ts';
import { entityTables } from '../../server/store/schema.ts';

/** Bytes gathered before each write. */
const WRITE_BYTES = 4 * 1024 * 1024;

/** One line of the dump: a row as the sync API sends it, with its kind. */
export interface DumpLine {
  k: EntityKind;
  r: { id: string } & Record<string, unknown>;
}

/** Writes every entity row of a server store to an NDJSON file: the same rows an admin's initial sync brings. Returns the row count. */
export function dumpRows(serverDb: string, file: string): number {
  const db = new SQLite(serverDb, { readonly: true });
  const fd = openSync(file, 'w');
  let rows = 0;
  try {
    let buffer = '';
    for (const kind of EntityKind.options) {
      for (const row of db.prepare(`SELECT * FROM ${entityTables[kind]}`).iterate() as Iterable<Record<string, unknown>>) {
        buffer += `${JSON.stringify({ k: kind, r: fromRow(kind, row) })}\n`;
        rows += 1;
        if (buffer.length >= WRITE_BYTES) {
          writeSync(fd, buffer);
          buffer = '';
        }
      }
    }
    writeSync(fd, buffer);
    return rows;
  } finally {
    closeSync(fd);
    db.close();
  }
}
