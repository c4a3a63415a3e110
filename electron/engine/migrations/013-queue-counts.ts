import type { Migration } from '../replica/migrate.ts';
import { MAX_ROWID, QUEUE_COUNTS_DDL } from '../replica/queue-counts.ts';

/**
 * Queue counts kept by triggers (replica/queue-counts.ts): a view's count is a sum over a few rows
 * of `_queue_counts`, not a count over every matching ticket. The tickets already in the replica
 * are counted afterwards, in chunks, by the sync loop (as the search index is built): a migration
 * of a 1M-ticket replica must not hold the engine for the seconds a full count takes. Until then
 * views count their tickets, up to a bound.
 *
 * The customer pane's ticket indexes gain the id (keyset pages of "show all") and `unsolved` (the
 * open/solved counts of a large account read the index alone, never the rows).
 */
export const queueCounts: Migration = {
  version: 13,
  name: 'queue-counts',
  up(db) {
    db.exec(QUEUE_COUNTS_DDL);
    // A replica without tickets (a new one) has nothing to count: its counts are complete at once.
    db.exec(`UPDATE _queue_counts_state SET upto = ${MAX_ROWID} WHERE NOT EXISTS (SELECT 1 FROM tickets)`);
    // IF EXISTS: during an initial sync the indexes are deferred (their old SQL waits in _meta and is skipped once these exist).
    db.exec(`
      DROP INDEX IF EXISTS tickets_by_account;
      CREATE INDEX tickets_by_account ON tickets (account_id, created_at, id, unsolved);
      DROP INDEX IF EXISTS tickets_by_requester;
      CREATE INDEX tickets_by_requester ON tickets (requester_id, created_at, id, unsolved);
    `);
  },
};
