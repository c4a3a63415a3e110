import type { Db } from './open-replica.ts';
import type { ReplicaWriter } from './writer.ts';

/**
 * Ticket counts kept as rows change, so that a queue's count is a sum over a few rows of
 * `_queue_counts` instead of a count over up to a million index entries.
 *
 * One row per (team_id, assignee_id, status, priority_rank) holding how many tickets have them
 * (`unsolved` follows from status; it is kept so that the queues' own WHERE clauses run here
 * unchanged). Triggers on `tickets` keep it right on every path a row takes — put, delete, clear,
 * rebase undo and replay, scope eviction, re-bootstrap — within `_queue_counts_state.upto`: the
 * table counts exactly the tickets whose rowid is ≤ upto. A bulk load (initial sync) sets upto to
 * 0 so that it writes the tickets alone; `buildQueueCounts` counts them afterwards, in chunks, and
 * sets upto to MAX_ROWID. Until then queues count the tickets themselves (see queries/queue.ts).
 */
export const MAX_ROWID = '9223372036854775807';

const key = (r: string) => `coalesce(${r}.team_id, '') || '|' || coalesce(${r}.assignee_id, '') || '|' || ${r}.status || '|' || ${r}.priority_rank`;
const KEPT = ['team_id', 'assignee_id', 'status', 'unsolved', 'priority_rank'] as const;
const values = (r: string) => KEPT.map((c) => `${r}.${c}`).join(', ');
const within = (r: string) => `${r}.rowid <= (SELECT upto FROM _queue_counts_state)`;
const add = (r: string) =>
  `INSERT INTO _queue_counts (key, ${KEPT.join(', ')}, n) VALUES (${key(r)}, ${values(r)}, 1) ON CONFLICT (key) DO UPDATE SET n = n + 1;`;
const remove = (r: string) => `UPDATE _queue_counts SET n = n - 1 WHERE key = ${key(r)}; DELETE FROM _queue_counts WHERE key = ${key(r)} AND n = 0;`;

/** The tables and triggers (migration 013). */
export const QUEUE_COUNTS_DDL = `
  CREATE TABLE _queue_counts (
    key TEXT PRIMARY KEY,
    team_id TEXT,
    assignee_id TEXT,
    status TEXT NOT NULL,
    unsolved INTEGER NOT NULL,
    priority_rank INTEGER NOT NULL,
    n INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX _queue_counts_by_team ON _queue_counts (team_id);
  CREATE INDEX _queue_counts_by_assignee ON _queue_counts (assignee_id);
  CREATE TABLE _queue_counts_state (upto INTEGER NOT NULL) STRICT;
  INSERT INTO _queue_counts_state (upto) VALUES (0);

  CREATE TRIGGER _queue_counts_insert AFTER INSERT ON tickets WHEN ${within('new')}
  BEGIN ${add('new')} END;
  CREATE TRIGGER _queue_counts_delete AFTER DELETE ON tickets WHEN ${within('old')}
  BEGIN ${remove('old')} END;
  CREATE TRIGGER _queue_counts_update AFTER UPDATE OF ${KEPT.join(', ')} ON tickets
    WHEN ${within('old')} AND (${KEPT.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')})
  BEGIN ${remove('old')} ${add('new')} END;
`;

/** Counts the tickets with rowid in (from, to] into the table. */
function countRange(db: Db, from: number | bigint, to: number | bigint): void {
  db.prepare(
    `INSERT INTO _queue_counts (key, ${KEPT.join(', ')}, n)
     SELECT ${key('t')}, ${values('t')}, count(*) FROM tickets t WHERE t.rowid > ? AND t.rowid <= ? GROUP BY ${KEPT.map((c) => `t.${c}`).join(', ')}
     ON CONFLICT (key) DO UPDATE SET n = n + excluded.n`,
  ).run(from, to);
}

/** Counts every ticket at once (a migration on an existing replica). */
export function countAllTickets(db: Db): void {
  db.exec('DELETE FROM _queue_counts');
  countRange(db, 0, BigInt(MAX_ROWID));
  db.exec(`UPDATE _queue_counts_state SET upto = ${MAX_ROWID}`);
}

/** Empties the kept counts and stops the triggers (upto back to 0), before a bulk load or a wipe. Call inside a ReplicaWriter transaction. */
export function suspendQueueCounts(db: Db): void {
  db.exec('DELETE FROM _queue_counts; UPDATE _queue_counts_state SET upto = 0');
}

/** True when `_queue_counts` counts every ticket. */
export function queueCountsLive(db: Db): boolean {
  return db.prepare<[], number>(`SELECT count(*) FROM _queue_counts_state WHERE upto = ${MAX_ROWID}`).pluck().get() === 1;
}

/**
 * Counts the tickets the kept counts do not hold yet, in rowid order, chunks per transaction until
 * `transactionMs` have passed so that the agent's own writes go in between. Resumable.
 */
export async function buildQueueCounts(db: Db, writer: ReplicaWriter, opts: { chunkRows?: number; transactionMs?: number } = {}): Promise<void> {
  const chunkRows = opts.chunkRows ?? 20_000;
  const transactionMs = opts.transactionMs ?? 40;
  const upto = db.prepare<[], bigint>(`SELECT upto FROM _queue_counts_state WHERE upto < ${MAX_ROWID}`).pluck().safeIntegers();
  const next = db.prepare<[bigint, number], bigint | null>(`SELECT max(rid) FROM (SELECT rowid AS rid FROM tickets WHERE rowid > ? ORDER BY rowid LIMIT ?)`).pluck().safeIntegers();
  const advance = db.prepare<[bigint | string]>(`UPDATE _queue_counts_state SET upto = ?`);
  for (let more = true; more; ) {
    more = await writer.transaction(() => {
      const started = performance.now();
      for (;;) {
        const from = upto.get();
        if (from === undefined) return false;
        const to = next.get(from, chunkRows) ?? null;
        if (to === null) {
          advance.run(BigInt(MAX_ROWID));
          return false;
        }
        countRange(db, from, to);
        advance.run(to);
        if (performance.now() - started >= transactionMs) return true;
      }
    });
  }
}
