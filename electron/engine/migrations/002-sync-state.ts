import type { Migration } from '../replica/migrate.ts';

/**
 * The engine's own state: `_meta` (session, client id, cursors, mutation counter), the outbox,
 * and the before-images that undo the optimistic effect of each mutation during a rebase.
 * Outbox states: pending (not yet accepted by the server), acknowledged (accepted; leaves once a
 * pull brings its effect), rejected (refused for good; kept for the agent with the reason).
 */
export const syncState: Migration = {
  version: 2,
  name: 'sync-state',
  up(db) {
    db.exec(`
      CREATE TABLE _meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE _outbox (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        args TEXT NOT NULL,
        ctx TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'acknowledged', 'rejected')),
        error TEXT,
        replay_error TEXT
      ) STRICT;
      CREATE INDEX _outbox_by_state ON _outbox (state, id);
      CREATE TABLE _outbox_undo (
        mutation_id INTEGER NOT NULL,
        step INTEGER NOT NULL,
        kind TEXT NOT NULL,
        row_id TEXT NOT NULL,
        before TEXT,
        PRIMARY KEY (mutation_id, step)
      ) STRICT;
      -- pendingSync of a ticket or message
      CREATE INDEX _outbox_undo_by_row ON _outbox_undo (kind, row_id);
    `);
  },
};
