import { closeSync, openSync, writeSync } from 'node:fs';
import { EntityKind } from '../../shared/model/index.ts';
import { serverRows } from '../data/server-rows.ts';

/** Bytes gathered before each write. */
const WRITE_BYTES = 4 * 1024 * 1024;

/** One line of the dump: a row as the sync API sends it, with its kind. */
export interface DumpLine {
  k: EntityKind;
  r: { id: string } & Record<string, unknown>;
}

/** Writes every entity row of a server store to an NDJSON file: the same rows an admin's initial sync brings. Returns the row count. */
export function dumpRows(serverDb: string, file: string): number {
  const fd = openSync(file, 'w');
  let rows = 0;
  try {
    let buffer = '';
    for (const kind of EntityKind.options) {
      for (const row of serverRows(serverDb, kind)) {
        buffer += `${JSON.stringify({ k: kind, r: row } satisfies DumpLine)}\n`;
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
  }
}
