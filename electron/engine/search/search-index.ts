import type { Db } from '../replica/open-replica.ts';
import type { ReplicaWriter } from '../replica/writer.ts';
import { SEARCHED, sourceView, type SearchTable } from './search-tables.ts';

/** The label the sync status shows while the index is built. */
export const INDEXING_LABEL = 'Indexing for search';
/** Rows per insert; a transaction takes chunks until TRANSACTION_MS have passed, then lets other writes in. */
const CHUNK_ROWS = 1000;
const TRANSACTION_MS = 40;
const COMPLETE = '9223372036854775807';

export interface IndexProgress {
  label: string;
  done: number;
  total: number;
}

/**
 * Empties every search index and stops the triggers feeding them (each `upto` back to 0), so that a
 * bulk load writes the entity tables alone; `buildSearchIndex` indexes the rows afterwards. Call
 * inside a ReplicaWriter transaction.
 */
export function suspendSearchIndex(db: Db): void {
  for (const t of SEARCHED) {
    db.prepare(`INSERT INTO ${t.fts} (${t.fts}) VALUES ('delete-all')`).run();
    db.prepare(`UPDATE _search_state SET upto = 0 WHERE tbl = ?`).run(t.table);
  }
}

/** True while some rows are not indexed yet (after a migration, or a bootstrap until the build is done). */
export function searchIndexPending(db: Db): boolean {
  return db.prepare<[], number>(`SELECT count(*) FROM _search_state WHERE upto < ${COMPLETE}`).pluck().get() !== 0;
}

function upto(db: Db, t: SearchTable): number | null {
  return db.prepare<[string], number>(`SELECT upto FROM _search_state WHERE tbl = ? AND upto < ${COMPLETE}`).pluck().get(t.table) ?? null;
}

/**
 * Indexes the rows the search indexes do not hold yet, table by table in rowid order, a few chunks
 * per transaction so that the agent's own writes go in between; search answers from what is
 * indexed so far. Resumes where it stopped (the position is in `_search_state`, written with the
 * chunks, so that a chunk a power cut loses is indexed again: these commits are not synced).
 */
export async function buildSearchIndex(
  db: Db,
  writer: ReplicaWriter,
  onProgress?: (progress: IndexProgress) => void,
  opts: { chunkRows?: number; transactionMs?: number } = {},
): Promise<void> {
  const chunkRows = opts.chunkRows ?? CHUNK_ROWS;
  const transactionMs = opts.transactionMs ?? TRANSACTION_MS;
  if (!searchIndexPending(db)) return;
  let total = 0;
  for (const t of SEARCHED) {
    const from = upto(db, t);
    if (from !== null) total += db.prepare<[number], number>(`SELECT count(*) FROM ${t.table} WHERE rowid > ?`).pluck().get(from) ?? 0;
  }
  let done = 0;
  onProgress?.({ label: INDEXING_LABEL, done, total });
  for (const t of SEARCHED) {
    const cols = Object.keys(t.columns).join(', ');
    const next = db.prepare<[number, number], number | null>(`SELECT max(rid) FROM (SELECT rowid AS rid FROM ${t.table} WHERE rowid > ? ORDER BY rowid LIMIT ?)`).pluck();
    const fill = db.prepare<[number, number]>(`INSERT INTO ${t.fts} (rowid, ${cols}) SELECT rid, ${cols} FROM ${sourceView(t)} WHERE rid > ? AND rid <= ?`);
    const advance = db.prepare<[number, string]>(`UPDATE _search_state SET upto = ? WHERE tbl = ?`);
    const finish = db.prepare<[string]>(`UPDATE _search_state SET upto = ${COMPLETE} WHERE tbl = ?`);
    for (let more = true; more; ) {
      more = await writer.transaction(() => {
        const started = performance.now();
        for (;;) {
          const from = upto(db, t);
          if (from === null) return false;
          const to = next.get(from, chunkRows) ?? null;
          if (to === null) {
            finish.run(t.table);
            return false;
          }
          done += fill.run(from, to).changes;
          advance.run(to, t.table);
          if (performance.now() - started >= transactionMs) return true;
        }
      }, { durable: false });
      onProgress?.({ label: INDEXING_LABEL, done, total: Math.max(total, done) });
    }
  }
}
