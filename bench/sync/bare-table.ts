import SQLite from 'better-sqlite3';
import type { DumpLine } from './row-dump.ts';

const BATCH_ROWS = 50_000;

/**
 * The machine's limit for landing rows in SQLite: each NDJSON line parsed and inserted into one
 * table with no index beyond the rowid, in 50k-row transactions (TOOLCHAIN.md's recipe), in a
 * WAL database like the replica.
 */
export class BareTable {
  rows = 0;
  readonly #db: SQLite.Database;
  readonly #insert: SQLite.Statement<[string, string, string]>;

  constructor(file: string) {
    this.#db = new SQLite(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.exec('CREATE TABLE rows (kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL)');
    this.#insert = this.#db.prepare('INSERT INTO rows (kind, id, data) VALUES (?, ?, ?)');
    this.#db.exec('BEGIN');
  }

  insertLine(line: string): void {
    const { k, r } = JSON.parse(line) as DumpLine;
    this.#insert.run(k, r.id, line);
    if (++this.rows % BATCH_ROWS === 0) this.#db.exec('COMMIT; BEGIN');
  }

  close(): void {
    this.#db.exec('COMMIT');
    this.#db.close();
  }
}

/** Splits a byte stream into lines, handing each non-empty one to `onLine`. */
export async function forEachLine(chunks: AsyncIterable<Uint8Array>, onLine: (line: string) => void): Promise<void> {
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of chunks) {
    const text = rest + decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (end > start) onLine(text.slice(start, end));
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (rest) onLine(rest);
}
